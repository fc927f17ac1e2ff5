package io.github.scimkit.testkit;

import static io.github.scimkit.core.store.query.Condition.and;
import static io.github.scimkit.core.store.query.Condition.anyElement;
import static io.github.scimkit.core.store.query.Condition.compare;
import static io.github.scimkit.core.store.query.Condition.eq;
import static io.github.scimkit.core.store.query.Condition.not;
import static io.github.scimkit.core.store.query.Condition.or;
import static io.github.scimkit.core.store.query.Condition.present;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.BinaryValue;
import io.github.scimkit.core.store.ComplexValue;
import io.github.scimkit.core.store.NewRecord;
import io.github.scimkit.core.store.query.AttributeRef;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.Operator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The condition semantics of {@link io.github.scimkit.core.store.RecordStore#search} shared by
 * users and groups: every operator, value type, folding rule and multi-valued match that the {@code
 * io.github.scimkit.core.store.query} package documentation pins down.
 */
abstract class RecordFilterContract extends RecordWriteContract {

  static final AttributeRef TITLE = AttributeRef.of("title");
  static final AttributeRef ACTIVE = AttributeRef.of("active");
  static final AttributeRef LOGINS = AttributeRef.of("logins");
  static final AttributeRef SCORE = AttributeRef.of("score");
  static final AttributeRef BORN = AttributeRef.of("born");
  static final AttributeRef CERT = AttributeRef.of("cert");
  static final AttributeRef TAGS = AttributeRef.of("tags");
  static final AttributeRef NOTE = AttributeRef.of("note");
  static final AttributeRef EMAIL_VALUE = AttributeRef.of("emails", "value");
  static final AttributeRef EMAIL_TYPE = AttributeRef.of("emails", "type");

  AttributeRef name() {
    return AttributeRef.of(uniqueName());
  }

  Condition cmp(AttributeRef attribute, Operator operator, Object value) {
    return compare(attribute, operator, value, true);
  }

  Condition fold(AttributeRef attribute, Operator operator, Object value) {
    return compare(attribute, operator, value, false);
  }

  /**
   * Three records that between them exercise every operator: {@code a} has every attribute,
   * {@code b} some with other values, {@code c} only a non-ASCII name and a note.
   */
  @Nested
  @DisplayName("Filtering")
  class Filtering {

    @BeforeEach
    void createRecords() throws Exception {
      store().create(new NewRecord("a", T0, Attributes.builder()
          .set(uniqueName(), "Alice")
          .set("title", "Engineer")
          .set("active", true)
          .set("logins", 5L)
          .set("score", new BigDecimal("1.5"))
          .set("born", Instant.parse("2020-01-01T00:00:00.100Z"))
          .set("cert", BinaryValue.of(new byte[] {1, 2, 3}))
          .set("tags", List.of("red", "Blue"))
          .set("emails", List.of(
              ComplexValue.of("type", "work", "value", "alice@work.example"),
              ComplexValue.of("type", "home", "value", "alice@home.example")))
          .set("note", "100% sure")
          .build(), uniques()));
      store().create(new NewRecord("b", T0.plusSeconds(1), Attributes.builder()
          .set(uniqueName(), "bob")
          .set("active", false)
          .set("logins", 10L)
          .set("score", new BigDecimal("2.25"))
          .set("born", Instant.parse("2020-01-01T00:00:00.200Z"))
          .set("tags", List.of("green"))
          .set("emails", List.of(
              ComplexValue.of("type", "work", "value", "bob@home.example"),
              ComplexValue.of("type", "home", "value", "bob@work.example")))
          .set("note", "axb 100c")
          .build(), uniques()));
      store().create(new NewRecord("c", T0.plusSeconds(2), Attributes.builder()
          .set(uniqueName(), "ÄRGER")
          .set("note", "a_b\\c")
          .build(), uniques()));
    }

    @Test
    @DisplayName("matches every record with the constant true and none with false")
    void constants() throws Exception {
      assertThat(matching(Condition.all())).containsExactly("a", "b", "c");
      assertThat(matching(Condition.none())).isEmpty();
    }

    @Test
    @DisplayName("compares strings with eq case-exactly or folded")
    void stringEq() throws Exception {
      assertThat(matching(cmp(name(), Operator.EQ, "Alice"))).containsExactly("a");
      assertThat(matching(cmp(name(), Operator.EQ, "alice"))).isEmpty();
      assertThat(matching(fold(name(), Operator.EQ, "ALICE"))).containsExactly("a");
    }

    @Test
    @DisplayName("folds non-ASCII letters with Locale.ROOT")
    void nonAsciiFolding() throws Exception {
      assertThat(matching(fold(name(), Operator.EQ, "ärger"))).containsExactly("c");
      assertThat(matching(cmp(name(), Operator.EQ, "ärger"))).isEmpty();
      assertThat(matching(fold(name(), Operator.SW, "äR"))).containsExactly("c");
    }

    @Test
    @DisplayName("matches ne where the attribute is absent")
    void neMatchesAbsent() throws Exception {
      assertThat(matching(cmp(TITLE, Operator.NE, "Engineer"))).containsExactly("b", "c");
      assertThat(matching(fold(TITLE, Operator.NE, "ENGINEER"))).containsExactly("b", "c");
      assertThat(matching(cmp(ACTIVE, Operator.NE, true))).containsExactly("b", "c");
    }

    @Test
    @DisplayName("matches not where the attribute is absent")
    void notMatchesAbsent() throws Exception {
      assertThat(matching(not(cmp(TITLE, Operator.EQ, "Engineer")))).containsExactly("b", "c");
      assertThat(matching(not(present(TITLE)))).containsExactly("b", "c");
      assertThat(matching(not(cmp(LOGINS, Operator.GT, 5L)))).containsExactly("a", "c");
    }

    @Test
    @DisplayName("matches co, sw and ew on strings, case-exactly or folded")
    void substrings() throws Exception {
      assertThat(matching(fold(name(), Operator.CO, "LI"))).containsExactly("a");
      assertThat(matching(cmp(name(), Operator.CO, "LI"))).isEmpty();
      assertThat(matching(fold(name(), Operator.SW, "al"))).containsExactly("a");
      assertThat(matching(cmp(name(), Operator.SW, "Al"))).containsExactly("a");
      assertThat(matching(fold(name(), Operator.EW, "OB"))).containsExactly("b");
      assertThat(matching(cmp(name(), Operator.EW, "OB"))).isEmpty();
    }

    @Test
    @DisplayName("treats %, _ and \\ literally in co, sw and ew")
    void substringWildcardsAreLiteral() throws Exception {
      assertThat(matching(cmp(NOTE, Operator.CO, "0%"))).containsExactly("a");
      assertThat(matching(cmp(NOTE, Operator.SW, "a_b"))).containsExactly("c");
      assertThat(matching(cmp(NOTE, Operator.EW, "\\c"))).containsExactly("c");
      assertThat(matching(cmp(NOTE, Operator.CO, "%"))).containsExactly("a");
    }

    @Test
    @DisplayName("orders strings by UTF-16 code units, or folded")
    void stringOrdering() throws Exception {
      assertThat(matching(cmp(name(), Operator.LE, "BOB"))).containsExactly("a");
      assertThat(matching(fold(name(), Operator.LE, "BOB"))).containsExactly("a", "b");
      assertThat(matching(cmp(name(), Operator.GT, "bob"))).containsExactly("c");
      assertThat(matching(cmp(name(), Operator.LT, "bob"))).containsExactly("a");
      assertThat(matching(cmp(name(), Operator.GE, "bob"))).containsExactly("b", "c");
    }

    @Test
    @DisplayName("tests presence with pr")
    void presence() throws Exception {
      assertThat(matching(present(TITLE))).containsExactly("a");
      assertThat(matching(present(LOGINS))).containsExactly("a", "b");
      assertThat(matching(present(EMAIL_VALUE))).containsExactly("a", "b");
    }

    @Test
    @DisplayName("compares booleans and binary values with eq and ne")
    void booleansAndBinary() throws Exception {
      assertThat(matching(cmp(ACTIVE, Operator.EQ, true))).containsExactly("a");
      assertThat(matching(cmp(ACTIVE, Operator.EQ, false))).containsExactly("b");
      assertThat(matching(cmp(CERT, Operator.EQ, BinaryValue.of(new byte[] {1, 2, 3})))).containsExactly("a");
      assertThat(matching(cmp(CERT, Operator.NE, BinaryValue.of(new byte[] {1, 2, 3})))).containsExactly("b", "c");
    }

    @Test
    @DisplayName("compares integers with every operator")
    void integers() throws Exception {
      assertThat(matching(cmp(LOGINS, Operator.EQ, 10L))).containsExactly("b");
      assertThat(matching(cmp(LOGINS, Operator.NE, 10L))).containsExactly("a", "c");
      assertThat(matching(cmp(LOGINS, Operator.GT, 5L))).containsExactly("b");
      assertThat(matching(cmp(LOGINS, Operator.GE, 5L))).containsExactly("a", "b");
      assertThat(matching(cmp(LOGINS, Operator.LT, 10L))).containsExactly("a");
      assertThat(matching(cmp(LOGINS, Operator.LE, 10L))).containsExactly("a", "b");
    }

    @Test
    @DisplayName("orders integers numerically, not as text")
    void integersAreNumbers() throws Exception {
      assertThat(matching(cmp(LOGINS, Operator.GT, 9L))).containsExactly("b");
    }

    @Test
    @DisplayName("compares decimals numerically, whatever their scale")
    void decimals() throws Exception {
      assertThat(matching(cmp(SCORE, Operator.EQ, new BigDecimal("2.25")))).containsExactly("b");
      assertThat(matching(cmp(SCORE, Operator.GE, new BigDecimal("2.250")))).containsExactly("b");
      assertThat(matching(cmp(SCORE, Operator.GT, new BigDecimal("2.250")))).isEmpty();
      assertThat(matching(cmp(SCORE, Operator.LT, new BigDecimal("2")))).containsExactly("a");
      assertThat(matching(cmp(SCORE, Operator.LE, new BigDecimal("1.50")))).containsExactly("a");
    }

    @Test
    @DisplayName("orders Long and BigDecimal values against each other numerically")
    void mixedNumbers() throws Exception {
      assertThat(matching(cmp(LOGINS, Operator.GT, new BigDecimal("7.5")))).containsExactly("b");
      assertThat(matching(cmp(SCORE, Operator.LT, 2L))).containsExactly("a");
    }

    @Test
    @DisplayName("compares instants in time at millisecond precision")
    void instants() throws Exception {
      Instant first = Instant.parse("2020-01-01T00:00:00.100Z");
      assertThat(matching(cmp(BORN, Operator.EQ, first))).containsExactly("a");
      assertThat(matching(cmp(BORN, Operator.EQ, first.plusNanos(999_999)))).containsExactly("a");
      assertThat(matching(cmp(BORN, Operator.GT, first))).containsExactly("b");
      assertThat(matching(cmp(BORN, Operator.GE, first))).containsExactly("a", "b");
      assertThat(matching(cmp(BORN, Operator.LT, first.plusMillis(100)))).containsExactly("a");
      assertThat(matching(cmp(BORN, Operator.LE, first.plusMillis(100)))).containsExactly("a", "b");
    }

    @Test
    @DisplayName("never matches a value of another type, so ne does")
    void otherTypesNeverMatch() throws Exception {
      assertThat(matching(cmp(LOGINS, Operator.EQ, "5"))).isEmpty();
      assertThat(matching(cmp(LOGINS, Operator.NE, "5"))).containsExactly("a", "b", "c");
      assertThat(matching(cmp(ACTIVE, Operator.EQ, "true"))).isEmpty();
    }

    @Test
    @DisplayName("filters on id, created and lastModified like attributes")
    void recordFields() throws Exception {
      assertThat(matching(cmp(AttributeRef.ID, Operator.EQ, "b"))).containsExactly("b");
      assertThat(matching(cmp(AttributeRef.ID, Operator.EQ, "B"))).isEmpty();
      assertThat(matching(cmp(AttributeRef.CREATED, Operator.GE, T0.plusSeconds(1)))).containsExactly("b", "c");
      assertThat(matching(cmp(AttributeRef.LAST_MODIFIED, Operator.LT, T0.plusSeconds(1)))).containsExactly("a");
      assertThat(matching(cmp(AttributeRef.LAST_MODIFIED, Operator.EQ, T0.plusSeconds(2)))).containsExactly("c");
    }

    @Test
    @DisplayName("combines conditions with and, or and not")
    void logic() throws Exception {
      assertThat(matching(and(cmp(ACTIVE, Operator.EQ, true), cmp(LOGINS, Operator.GT, 1L)))).containsExactly("a");
      assertThat(matching(or(fold(name(), Operator.EQ, "BOB"), present(TITLE)))).containsExactly("a", "b");
      assertThat(matching(and(not(present(TITLE)), not(cmp(ACTIVE, Operator.EQ, false))))).containsExactly("c");
      assertThat(matching(and())).containsExactly("a", "b", "c");
      assertThat(matching(or())).isEmpty();
    }

    @Test
    @DisplayName("matches a multi-valued attribute when any value matches")
    void multiValuedAnyMatch() throws Exception {
      assertThat(matching(fold(TAGS, Operator.EQ, "blue"))).containsExactly("a");
      assertThat(matching(cmp(TAGS, Operator.EQ, "blue"))).isEmpty();
      assertThat(matching(cmp(TAGS, Operator.SW, "gr"))).containsExactly("b");
      assertThat(matching(cmp(TAGS, Operator.EQ, "red"))).containsExactly("a");
    }

    @Test
    @DisplayName("matches a sub-attribute of a multi-valued complex attribute when any element matches")
    void complexSubAttributeAnyMatch() throws Exception {
      assertThat(matching(fold(EMAIL_VALUE, Operator.EW, "@WORK.EXAMPLE"))).containsExactly("a", "b");
      assertThat(matching(cmp(EMAIL_VALUE, Operator.EQ, "alice@home.example"))).containsExactly("a");
    }

    @Test
    @DisplayName("requires one element to match every part of an element condition")
    void anyElementMatch() throws Exception {
      Condition workAddressAtWork = and(
          cmp(AttributeRef.of("type"), Operator.EQ, "work"),
          cmp(AttributeRef.of("value"), Operator.CO, "@work"));

      assertThat(matching(anyElement("emails", workAddressAtWork))).containsExactly("a");
      assertThat(matching(and(cmp(EMAIL_TYPE, Operator.EQ, "work"), cmp(EMAIL_VALUE, Operator.CO, "@work"))))
          .containsExactly("a", "b");
    }
  }
}
