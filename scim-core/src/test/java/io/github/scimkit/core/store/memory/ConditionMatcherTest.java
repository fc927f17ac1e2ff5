package io.github.scimkit.core.store.memory;

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
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.query.AttributeRef;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.Operator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionMatcherTest {

  private static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant MODIFIED = Instant.parse("2024-06-01T12:00:00.123Z");

  private static final AttributeRef USER_NAME = AttributeRef.of("userName");
  private static final AttributeRef ACTIVE = AttributeRef.of("active");
  private static final AttributeRef AGE = AttributeRef.of("age");
  private static final AttributeRef EMAIL_VALUE = AttributeRef.of("emails", "value");

  private final ResourceRecord bob = new ResourceRecord("id-1", 1, CREATED, MODIFIED,
      Attributes.of(Map.of(
          "userName", "Bob.Smith",
          "active", true,
          "age", 42L,
          "score", new BigDecimal("7.5"),
          "lastLogin", Instant.parse("2024-05-01T10:00:00.500Z"),
          "photo", new byte[] {1, 2, 3},
          "nickNames", List.of("Bobby", "Rob"),
          "note", "100%_done\\ok",
          "emails", List.of(
              ComplexValue.of("value", "bob@work.example", "type", "work"),
              ComplexValue.of("value", "bob@home.example", "type", "home", "primary", true)))));

  private boolean matches(Condition condition) {
    return ConditionMatcher.matches(condition, bob);
  }

  private static Condition cmp(AttributeRef ref, Operator operator, Object value) {
    return compare(ref, operator, value, false);
  }

  @ParameterizedTest
  @CsvSource({
      "EQ, bob.smith, true", "EQ, bob, false",
      "NE, bob.smith, false", "NE, bob, true",
      "CO, B.S, true", "CO, xyz, false",
      "SW, BOB, true", "SW, smith, false",
      "EW, SMITH, true", "EW, bob, false",
      "GT, bob.a, true", "GT, bob.smith, false",
      "GE, bob.smith, true", "GE, bob.t, false",
      "LT, bob.t, true", "LT, bob.smith, false",
      "LE, bob.smith, true", "LE, bob.a, false"})
  void comparesStringsCaseInsensitively(Operator operator, String value, boolean expected) {
    assertThat(matches(cmp(USER_NAME, operator, value))).isEqualTo(expected);
  }

  @Test
  void comparesStringsCaseExactlyWhenAsked() {
    assertThat(matches(compare(USER_NAME, Operator.EQ, "bob.smith", true))).isFalse();
    assertThat(matches(compare(USER_NAME, Operator.EQ, "Bob.Smith", true))).isTrue();
    // 'B' (0x42) sorts before 'b' (0x62) by UTF-16 code units.
    assertThat(matches(compare(USER_NAME, Operator.LT, "a", true))).isTrue();
    assertThat(matches(compare(USER_NAME, Operator.LT, "a", false))).isFalse();
  }

  @Test
  void foldsNonAsciiWithRootLocale() {
    ResourceRecord record = new ResourceRecord("x", 1, CREATED, CREATED,
        Attributes.of(Map.of("word", "ÄRGER")));
    assertThat(ConditionMatcher.matches(eq(AttributeRef.of("word"), "ärger", false), record)).isTrue();
    assertThat(ConditionMatcher.matches(eq(AttributeRef.of("word"), "ärger", true), record)).isFalse();
  }

  @Test
  void treatsLikeMetacharactersLiterally() {
    AttributeRef note = AttributeRef.of("note");
    assertThat(matches(cmp(note, Operator.CO, "%_done\\"))).isTrue();
    assertThat(matches(cmp(note, Operator.SW, "100%"))).isTrue();
    assertThat(matches(cmp(note, Operator.SW, "1_0"))).isFalse();
    assertThat(matches(cmp(note, Operator.CO, "%"))).isTrue();
    assertThat(matches(cmp(note, Operator.EW, "\\ok"))).isTrue();
    assertThat(matches(cmp(USER_NAME, Operator.CO, "%"))).isFalse();
    assertThat(matches(cmp(USER_NAME, Operator.CO, "_"))).isFalse();
  }

  @Test
  void booleansSupportOnlyEqualityAndPresence() {
    assertThat(matches(cmp(ACTIVE, Operator.EQ, true))).isTrue();
    assertThat(matches(cmp(ACTIVE, Operator.EQ, false))).isFalse();
    assertThat(matches(cmp(ACTIVE, Operator.NE, false))).isTrue();
    assertThat(matches(present(ACTIVE))).isTrue();
    for (Operator ordering : List.of(Operator.GT, Operator.GE, Operator.LT, Operator.LE, Operator.CO)) {
      assertThat(matches(cmp(ACTIVE, ordering, false))).as(ordering.name()).isFalse();
    }
  }

  @Test
  void binaryValuesSupportOnlyEqualityAndPresence() {
    AttributeRef photo = AttributeRef.of("photo");
    assertThat(matches(cmp(photo, Operator.EQ, BinaryValue.of(new byte[] {1, 2, 3})))).isTrue();
    assertThat(matches(cmp(photo, Operator.NE, BinaryValue.of(new byte[] {1})))).isTrue();
    assertThat(matches(cmp(photo, Operator.GE, BinaryValue.of(new byte[] {1, 2, 3})))).isFalse();
  }

  @Test
  void comparesNumbersByValueAcrossTypes() {
    AttributeRef score = AttributeRef.of("score");
    assertThat(matches(cmp(AGE, Operator.EQ, 42))).isTrue();
    assertThat(matches(cmp(AGE, Operator.EQ, new BigDecimal("42.00")))).isTrue();
    assertThat(matches(cmp(AGE, Operator.GT, new BigDecimal("41.9")))).isTrue();
    assertThat(matches(cmp(AGE, Operator.LT, 42L))).isFalse();
    assertThat(matches(cmp(AGE, Operator.LE, 42L))).isTrue();
    assertThat(matches(cmp(score, Operator.GT, 7L))).isTrue();
    assertThat(matches(cmp(score, Operator.GE, 8L))).isFalse();
    assertThat(matches(cmp(score, Operator.EQ, new BigDecimal("7.50")))).isTrue();
  }

  @Test
  void comparesInstantsAtMillisecondPrecision() {
    AttributeRef lastLogin = AttributeRef.of("lastLogin");
    Instant login = Instant.parse("2024-05-01T10:00:00.500Z");
    assertThat(matches(cmp(lastLogin, Operator.EQ, login.plusNanos(999_999)))).isTrue();
    assertThat(matches(cmp(lastLogin, Operator.GT, login.minusMillis(1)))).isTrue();
    assertThat(matches(cmp(lastLogin, Operator.GT, login))).isFalse();
    assertThat(matches(cmp(lastLogin, Operator.GE, login))).isTrue();
    assertThat(matches(cmp(lastLogin, Operator.LT, login.plusMillis(1)))).isTrue();
    assertThat(matches(cmp(lastLogin, Operator.LE, login.minusMillis(1)))).isFalse();
  }

  @Test
  void aValueOfAnotherTypeNeverMatchesSoNeDoes() {
    assertThat(matches(cmp(AGE, Operator.EQ, "42"))).isFalse();
    assertThat(matches(cmp(AGE, Operator.GT, "1"))).isFalse();
    assertThat(matches(cmp(AGE, Operator.NE, "42"))).isTrue();
    assertThat(matches(cmp(USER_NAME, Operator.EQ, true))).isFalse();
    assertThat(matches(cmp(USER_NAME, Operator.NE, true))).isTrue();
  }

  @Test
  void absentAttributesMatchOnlyNeAndNot() {
    AttributeRef missing = AttributeRef.of("title");
    assertThat(matches(cmp(missing, Operator.EQ, "x"))).isFalse();
    assertThat(matches(cmp(missing, Operator.NE, "x"))).isTrue();
    assertThat(matches(cmp(missing, Operator.GT, "a"))).isFalse();
    assertThat(matches(present(missing))).isFalse();
    assertThat(matches(not(cmp(missing, Operator.EQ, "x")))).isTrue();
    assertThat(matches(not(present(missing)))).isTrue();
  }

  @Test
  void matchesAnyValueOfMultiValuedAttributes() {
    AttributeRef nickNames = AttributeRef.of("nickNames");
    assertThat(matches(cmp(nickNames, Operator.EQ, "rob"))).isTrue();
    assertThat(matches(cmp(nickNames, Operator.SW, "bob"))).isTrue();
    assertThat(matches(cmp(nickNames, Operator.EQ, "robert"))).isFalse();
    assertThat(matches(cmp(EMAIL_VALUE, Operator.EW, "@home.example"))).isTrue();
    assertThat(matches(cmp(EMAIL_VALUE, Operator.EQ, "bob@work.example"))).isTrue();
    assertThat(matches(present(AttributeRef.of("emails", "primary")))).isTrue();
    assertThat(matches(present(AttributeRef.of("emails", "display")))).isFalse();
  }

  @Test
  void anyElementRequiresOneElementToMatchTheWholeCondition() {
    AttributeRef type = AttributeRef.of("type");
    AttributeRef value = AttributeRef.of("value");
    assertThat(matches(anyElement("emails",
        and(eq(type, "work", false), cmp(value, Operator.SW, "bob@work"))))).isTrue();
    // Each half matches a different element, so no single element matches both.
    assertThat(matches(anyElement("emails",
        and(eq(type, "work", false), cmp(value, Operator.SW, "bob@home"))))).isFalse();
    assertThat(matches(anyElement("emails",
        and(eq(AttributeRef.of("emails", "type"), "home", false),
            eq(AttributeRef.of("primary"), true, false))))).isTrue();
    assertThat(matches(anyElement("phoneNumbers", present(type)))).isFalse();
  }

  @Test
  void addressesRecordFields() {
    assertThat(matches(eq(AttributeRef.ID, "id-1", true))).isTrue();
    assertThat(matches(eq(AttributeRef.ID, "ID-1", true))).isFalse();
    assertThat(matches(cmp(AttributeRef.CREATED, Operator.LT, MODIFIED))).isTrue();
    assertThat(matches(cmp(AttributeRef.LAST_MODIFIED, Operator.EQ, MODIFIED))).isTrue();
    assertThat(matches(present(AttributeRef.LAST_MODIFIED))).isTrue();
  }

  @Test
  void combinesConditions() {
    Condition yes = cmp(USER_NAME, Operator.SW, "bob");
    Condition no = cmp(USER_NAME, Operator.SW, "alice");
    assertThat(matches(and(yes, not(no)))).isTrue();
    assertThat(matches(and(yes, no))).isFalse();
    assertThat(matches(or(no, yes))).isTrue();
    assertThat(matches(and())).isTrue();
    assertThat(matches(or())).isFalse();
    assertThat(matches(Condition.all())).isTrue();
    assertThat(matches(Condition.none())).isFalse();
  }
}
