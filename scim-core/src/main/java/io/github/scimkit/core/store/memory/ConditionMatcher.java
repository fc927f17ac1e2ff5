package io.github.scimkit.core.store.memory;

import io.github.scimkit.core.store.ComplexValue;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.query.AttributeRef;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.Operator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Evaluates a {@link Condition} on a record: the reference implementation of the semantics that
 * the {@link io.github.scimkit.core.store.query} package documentation pins down.
 *
 * <ul>
 *   <li>A comparison matches when any value at the reference matches, so it looks into every
 *       value of a multi-valued attribute and into the sub-attribute of every complex value.
 *   <li>{@code ne} matches when no value is present, or when some value is not equal; {@code not}
 *       matches wherever its operand does not, absent attributes included.
 *   <li>Strings are folded with {@code toLowerCase(Locale.ROOT)} unless the comparison is
 *       case-exact; {@code co}, {@code sw} and {@code ew} are literal and apply to strings only.
 *   <li>{@code gt}, {@code ge}, {@code lt} and {@code le} order strings by UTF-16 code units,
 *       {@code Long} and {@code BigDecimal} values numerically (also against each other) and
 *       instants in time at millisecond precision; booleans and binary values are never ordered.
 *   <li>A value of another type than the compared one never matches.
 *   <li>{@code id}, {@code created} and {@code lastModified} are addressed by their names.
 *   <li>{@link Condition.MemberOf} matches when one of the user's groups matches its condition.
 *   <li>{@link Condition.AnyElement} matches when one complex value of the attribute matches the
 *       element condition, whose references name sub-attributes ({@code type}, or the qualified
 *       {@code emails.type}).
 * </ul>
 */
public final class ConditionMatcher {

  private final Function<String, List<ResourceRecord>> groupsOf;
  private final ResourceRecord record;

  private ConditionMatcher(Function<String, List<ResourceRecord>> groupsOf, ResourceRecord record) {
    this.groupsOf = Objects.requireNonNull(groupsOf, "groupsOf");
    this.record = record;
  }

  /**
   * Tells whether a record matches a condition.
   *
   * @param condition the condition
   * @param record the record
   * @return {@code true} when the record matches
   */
  public static boolean matches(Condition condition, ResourceRecord record) {
    return matches(condition, record, id -> List.of());
  }

  /**
   * Tells whether a record matches a condition, with {@link Condition.MemberOf} evaluated on the
   * groups a function gives for the record's id.
   *
   * @param condition the condition
   * @param record the record
   * @param groupsOf the group records of a user id; empty for groups and for users in no group
   * @return {@code true} when the record matches
   */
  public static boolean matches(Condition condition, ResourceRecord record,
      Function<String, List<ResourceRecord>> groupsOf) {
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(record, "record");
    return new ConditionMatcher(groupsOf, record).evaluate(condition, new RecordScope(record));
  }

  private boolean evaluate(Condition condition, Scope scope) {
    if (condition instanceof Condition.Compare compare) {
      return compare(compare, scope.values(compare.attribute()));
    }
    if (condition instanceof Condition.Present present) {
      return !scope.values(present.attribute()).isEmpty();
    }
    if (condition instanceof Condition.And and) {
      return and.operands().stream().allMatch(operand -> evaluate(operand, scope));
    }
    if (condition instanceof Condition.Or or) {
      return or.operands().stream().anyMatch(operand -> evaluate(operand, scope));
    }
    if (condition instanceof Condition.Not not) {
      return !evaluate(not.operand(), scope);
    }
    if (condition instanceof Condition.AnyElement any) {
      return scope.elements(any.attribute()).stream()
          .anyMatch(element -> element instanceof ComplexValue complex
              && evaluate(any.element(), new ElementScope(any.attribute(), complex)));
    }
    if (condition instanceof Condition.MemberOf memberOf) {
      return groupsOf.apply(record.id()).stream()
          .anyMatch(group -> matches(memberOf.group(), group));
    }
    return condition == Condition.Constant.ALL;
  }

  private static boolean compare(Condition.Compare compare, List<Object> values) {
    Object target = SimpleValues.fold(compare.value(), compare.caseExact());
    Operator operator = compare.operator();
    if (operator == Operator.NE) {
      return values.isEmpty()
          || values.stream().anyMatch(value -> !SimpleValues.equal(fold(value, compare), target));
    }
    return values.stream().anyMatch(value -> test(operator, fold(value, compare), target));
  }

  private static Object fold(Object value, Condition.Compare compare) {
    return SimpleValues.fold(value, compare.caseExact());
  }

  private static boolean test(Operator operator, Object value, Object target) {
    if (operator == Operator.EQ) {
      return SimpleValues.equal(value, target);
    }
    if (operator.isSubstring()) {
      return value instanceof String text && target instanceof String part && substring(operator, text, part);
    }
    Optional<Integer> order = SimpleValues.order(value, target);
    return order.isPresent() && ordered(operator, order.get());
  }

  private static boolean substring(Operator operator, String text, String part) {
    return switch (operator) {
      case CO -> text.contains(part);
      case SW -> text.startsWith(part);
      default -> text.endsWith(part);
    };
  }

  private static boolean ordered(Operator operator, int comparison) {
    return switch (operator) {
      case GT -> comparison > 0;
      case GE -> comparison >= 0;
      case LT -> comparison < 0;
      default -> comparison <= 0;
    };
  }

  /** Where a condition's references are resolved: a record, or one element of an attribute. */
  private interface Scope {

    List<Object> values(AttributeRef ref);

    List<Object> elements(String attribute);
  }

  private record RecordScope(ResourceRecord record) implements Scope {

    @Override
    public List<Object> values(AttributeRef ref) {
      return RecordValues.of(record, ref);
    }

    @Override
    public List<Object> elements(String attribute) {
      return record.attributes().getAll(attribute);
    }
  }

  /** One complex value; elements do not nest, so it has no elements of its own. */
  private record ElementScope(String attribute, ComplexValue element) implements Scope {

    @Override
    public List<Object> values(AttributeRef ref) {
      if (ref.subAttribute() == null) {
        return element.get(ref.name()).map(List::of).orElse(List.of());
      }
      return ref.name().equals(attribute)
          ? element.get(ref.subAttribute()).map(List::of).orElse(List.of())
          : List.of();
    }

    @Override
    public List<Object> elements(String nested) {
      return List.of();
    }
  }
}
