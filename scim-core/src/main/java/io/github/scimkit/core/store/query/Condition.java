package io.github.scimkit.core.store.query;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A predicate over a record's attributes: what a store evaluates for a search. The package
 * documentation pins down the semantics every store shares.
 *
 * <p>Build conditions with the static factories: {@code Condition.and(Condition.eq(userName,
 * "bob", false), Condition.present(AttributeRef.of("active")))}.
 */
public sealed interface Condition
    permits Condition.Compare,
        Condition.Present,
        Condition.And,
        Condition.Or,
        Condition.Not,
        Condition.AnyElement,
        Condition.MemberOf,
        Condition.Constant {

  /**
   * Returns a condition that matches every record.
   *
   * @return the condition
   */
  static Condition all() {
    return Constant.ALL;
  }

  /**
   * Returns a condition that matches no record.
   *
   * @return the condition
   */
  static Condition none() {
    return Constant.NONE;
  }

  /**
   * Returns a comparison.
   *
   * @param attribute what to compare
   * @param operator how to compare
   * @param value the value to compare with: a simple attribute value
   * @param caseExact whether strings compare as they are rather than case-folded
   * @return the condition
   */
  static Condition compare(AttributeRef attribute, Operator operator, Object value, boolean caseExact) {
    return new Compare(attribute, operator, value, caseExact);
  }

  /**
   * Returns an equality comparison.
   *
   * @param attribute what to compare
   * @param value the value to compare with
   * @param caseExact whether strings compare as they are rather than case-folded
   * @return the condition
   */
  static Condition eq(AttributeRef attribute, Object value, boolean caseExact) {
    return new Compare(attribute, Operator.EQ, value, caseExact);
  }

  /**
   * Returns a presence test.
   *
   * @param attribute the attribute or sub-attribute that must have a value
   * @return the condition
   */
  static Condition present(AttributeRef attribute) {
    return new Present(attribute);
  }

  /**
   * Returns a conjunction.
   *
   * @param operands the conditions that must all match
   * @return the condition
   */
  static Condition and(Condition... operands) {
    return new And(Arrays.asList(operands));
  }

  /**
   * Returns a disjunction.
   *
   * @param operands the conditions of which one must match
   * @return the condition
   */
  static Condition or(Condition... operands) {
    return new Or(Arrays.asList(operands));
  }

  /**
   * Returns a negation.
   *
   * @param operand the condition that must not match
   * @return the condition
   */
  static Condition not(Condition operand) {
    return new Not(operand);
  }

  /**
   * Returns a test that one element of a multi-valued complex attribute matches a condition.
   *
   * @param attribute the multi-valued complex attribute, such as {@code emails}
   * @param element a condition over one element, whose {@link AttributeRef}s name sub-attributes
   *     (for example {@code type eq "work" and value eq "x"})
   * @return the condition
   */
  static Condition anyElement(String attribute, Condition element) {
    return new AnyElement(attribute, element);
  }

  /**
   * Returns a test that a user is a direct member of a group matching a condition.
   *
   * @param group a condition over a group record's attributes, {@link AttributeRef#ID} included
   * @return the condition
   */
  static Condition memberOf(Condition group) {
    return new MemberOf(group);
  }

  /**
   * Compares an attribute with a value.
   *
   * @param attribute what to compare
   * @param operator how to compare
   * @param value the value to compare with: a {@code String}, {@code Boolean}, {@code Long},
   *     {@code BigDecimal}, {@code Instant} or {@code BinaryValue}
   * @param caseExact whether strings compare as they are rather than case-folded
   */
  record Compare(AttributeRef attribute, Operator operator, Object value, boolean caseExact)
      implements Condition {

    /** Checks the fields. */
    public Compare {
      Objects.requireNonNull(attribute, "attribute");
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(value, "value");
      if (value instanceof Integer number) {
        value = number.longValue();
      }
    }
  }

  /**
   * Matches records where an attribute or sub-attribute has a value.
   *
   * @param attribute the attribute
   */
  record Present(AttributeRef attribute) implements Condition {

    /** Checks the fields. */
    public Present {
      Objects.requireNonNull(attribute, "attribute");
    }
  }

  /**
   * Matches records that match every operand; with no operands, every record.
   *
   * @param operands the conditions
   */
  record And(List<Condition> operands) implements Condition {

    /** Copies the operands. */
    public And {
      operands = List.copyOf(operands);
    }
  }

  /**
   * Matches records that match at least one operand; with no operands, none.
   *
   * @param operands the conditions
   */
  record Or(List<Condition> operands) implements Condition {

    /** Copies the operands. */
    public Or {
      operands = List.copyOf(operands);
    }
  }

  /**
   * Matches records that the operand does not match, records without the attribute included.
   *
   * @param operand the condition
   */
  record Not(Condition operand) implements Condition {

    /** Checks the fields. */
    public Not {
      Objects.requireNonNull(operand, "operand");
    }
  }

  /**
   * Matches records in which one element of a multi-valued complex attribute matches a condition
   * over its sub-attributes.
   *
   * @param attribute the multi-valued complex attribute
   * @param element the condition one element must match; its references name sub-attributes
   */
  record AnyElement(String attribute, Condition element) implements Condition {

    /** Checks the fields. */
    public AnyElement {
      Objects.requireNonNull(attribute, "attribute");
      Objects.requireNonNull(element, "element");
    }
  }

  /**
   * Matches users that are direct members of at least one group the condition matches: what
   * SCIM's {@code groups.value eq "id"} and {@code groups.display eq "name"} become. The condition
   * is evaluated on the group records, as a search of the group store would; in a group search
   * it matches nothing, since groups do not nest.
   *
   * @param group the condition one of the user's groups must match
   */
  record MemberOf(Condition group) implements Condition {

    /** Checks the fields. */
    public MemberOf {
      Objects.requireNonNull(group, "group");
    }
  }

  /** Matches every record, or none. */
  enum Constant implements Condition {
    /** Matches every record. */
    ALL,
    /** Matches no record. */
    NONE
  }
}
