package io.github.scimkit.core.mapping;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.types.AttributeDefinition;
import io.github.scimkit.core.store.query.AttributeRef;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.Operator;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates filters on a user's read-only {@code groups} into {@link Condition#memberOf} over the
 * group records: {@code value} compares the group id (case-exact), {@code display} the group
 * record's display attribute, and {@code type} the constant {@code direct}, since groups do not
 * nest on this server. A value filter ({@code groups[display eq "Ops" and value ne "g1"]}) tests
 * one group; {@code groups.$ref} and anything else is refused with {@code invalidFilter}.
 */
final class GroupsFilter {

  /** The only {@code type} a user's group has. */
  private static final String DIRECT = "direct";

  private static final AttributeDefinition TYPE = EngineAttributes.groups().getSubAttributes().stream()
      .filter(sub -> sub.getName().equals("type")).findFirst().orElseThrow();

  private final String displayAttribute;

  /**
   * Creates a translator.
   *
   * @param displayAttribute the group record attribute {@code groups.display} compares
   */
  GroupsFilter(String displayAttribute) {
    this.displayAttribute = displayAttribute;
  }

  /** {@code groups pr}, or a comparison of one sub-attribute ({@code groups.display sw "O"}). */
  Condition attributePath(Path path, Filter filter) throws BadRequestException {
    if (path.size() == 1 && filter.getFilterType() == FilterType.PRESENT) {
      return Condition.memberOf(Condition.all());
    }
    if (path.size() != 2) {
      throw refused(filter);
    }
    return memberOf(subAttribute(path.getElement(1).getAttribute(), filter));
  }

  /** {@code groups[...]}: the inner filter holds for one of the user's groups. */
  Condition valueFilter(Filter filter) throws BadRequestException {
    return memberOf(inGroup(filter.getValueFilter()));
  }

  private Condition inGroup(Filter filter) throws BadRequestException {
    FilterType type = filter.getFilterType();
    switch (type) {
      case AND, OR -> {
        List<Condition> operands = new ArrayList<>();
        for (Filter operand : filter.getCombinedFilters()) {
          operands.add(inGroup(operand));
        }
        return type == FilterType.AND ? Conditions.and(operands) : Conditions.or(operands);
      }
      case NOT -> {
        return Conditions.not(inGroup(filter.getInvertedFilter()));
      }
      case COMPLEX_VALUE -> throw BadRequestException.invalidFilter("Value filters cannot nest: " + filter);
      default -> {
        Path path = filter.getAttributePath();
        if (path.size() != 1 || path.getSchemaUrn() != null) {
          throw BadRequestException.invalidFilter("Inside a value filter, name a sub-attribute: " + filter);
        }
        return subAttribute(path.getElement(0).getAttribute(), filter);
      }
    }
  }

  /** The condition one group must meet for a test of one of its sub-attributes. */
  private Condition subAttribute(String sub, Filter filter) throws BadRequestException {
    if (sub.equalsIgnoreCase("value")) {
      return FilterTranslator.compare(filter, Builtins.ID, AttributeRef.ID);
    }
    if (sub.equalsIgnoreCase("display")) {
      return FilterTranslator.compare(filter, Builtins.GROUP_DISPLAY, AttributeRef.of(displayAttribute));
    }
    if (sub.equalsIgnoreCase("type")) {
      return direct(filter);
    }
    throw refused(filter);
  }

  /** A test of {@code type}, which is {@code direct} for every group: all or none. */
  private static Condition direct(Filter filter) throws BadRequestException {
    FilterTranslator.checkOperator(filter, TYPE);
    if (filter.getFilterType() == FilterType.PRESENT) {
      return Condition.all();
    }
    Operator operator = FilterTranslator.operator(filter.getFilterType());
    Object value = FilterTranslator.value(filter, TYPE);
    if (value == null) {
      return Conditions.constant(operator == Operator.NE);
    }
    return Conditions.constant(Literals.test(DIRECT, operator, value, TYPE.isCaseExact()));
  }

  private static Condition memberOf(Condition group) {
    return group == Condition.none() ? Condition.none() : Condition.memberOf(group);
  }

  private static BadRequestException refused(Filter filter) {
    return BadRequestException.invalidFilter(
        "Filter a user's groups by groups.value, groups.display or groups.type: " + filter);
  }
}
