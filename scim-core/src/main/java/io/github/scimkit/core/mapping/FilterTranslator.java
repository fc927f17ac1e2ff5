package io.github.scimkit.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AttributeDefinition.Returned;
import com.unboundid.scim2.common.types.AttributeDefinition.Type;
import io.github.scimkit.core.mapping.AttributeBinding.Kind;
import io.github.scimkit.core.mapping.AttributeBinding.VirtualElement;
import io.github.scimkit.core.store.BinaryValue;
import io.github.scimkit.core.store.query.AttributeRef;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.Operator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Translates SCIM filters into store conditions over record attributes.
 *
 * <p>Filters on attributes no schema publishes, and operators that make no sense for a type,
 * are refused with {@code invalidFilter}. A published path that no rule can match becomes a
 * condition that matches nothing. On a multi-valued attribute bound through filtered paths,
 * each group of rules sharing one element filter stands for one element; elements the renderer
 * merges are tested separately.
 */
final class FilterTranslator {

  private final String resourceName;
  private final String coreUrn;
  private final Map<String, AttributeBinding> bindings;
  private final GroupsFilter groups;

  /**
   * Creates a translator.
   *
   * @param groupDisplayAttribute for users, the group record attribute {@code groups.display}
   *     compares; {@code null} for groups, which have no {@code groups}
   */
  FilterTranslator(String resourceName, String coreUrn, Map<String, AttributeBinding> bindings,
      String groupDisplayAttribute) {
    this.resourceName = resourceName;
    this.coreUrn = coreUrn;
    this.bindings = bindings;
    this.groups = groupDisplayAttribute == null ? null : new GroupsFilter(groupDisplayAttribute);
  }

  Condition translate(Filter filter) throws BadRequestException {
    return translate(filter, Scope.TOP);
  }

  /** Where a filter is read: at the top, or inside a value filter on one attribute. */
  private record Scope(AttributeBinding binding, VirtualElement element, boolean anyElement) {
    static final Scope TOP = new Scope(null, null, false);
  }

  private Condition translate(Filter filter, Scope scope) throws BadRequestException {
    FilterType type = filter.getFilterType();
    switch (type) {
      case AND, OR -> {
        List<Condition> operands = new ArrayList<>();
        for (Filter operand : filter.getCombinedFilters()) {
          operands.add(translate(operand, scope));
        }
        return type == FilterType.AND ? Conditions.and(operands) : Conditions.or(operands);
      }
      case NOT -> {
        return Conditions.not(translate(filter.getInvertedFilter(), scope));
      }
      case COMPLEX_VALUE -> {
        if (scope != Scope.TOP) {
          throw BadRequestException.invalidFilter("Value filters cannot nest: " + filter);
        }
        if (namesGroups(filter.getAttributePath())) {
          return groups.valueFilter(filter);
        }
        return valueFilter(filter);
      }
      default -> {
        return leaf(filter, scope);
      }
    }
  }

  private Condition valueFilter(Filter filter) throws BadRequestException {
    Path path = filter.getAttributePath();
    if (path.size() != 1) {
      throw BadRequestException.invalidFilter("A value filter applies to an attribute: " + filter);
    }
    AttributeBinding binding = binding(path, filter);
    AttributeDefinition definition = binding.definition();
    if (definition.getType() != Type.COMPLEX) {
      throw BadRequestException.invalidFilter("'" + binding.name() + "' is not complex: " + filter);
    }
    Filter inner = filter.getValueFilter();
    if (binding.kind() == Kind.ELEMENTS) {
      List<Condition> perElement = new ArrayList<>();
      for (VirtualElement element : binding.elements()) {
        perElement.add(inExistingElement(element, translate(inner, new Scope(binding, element, false))));
      }
      return Conditions.or(perElement);
    }
    if (binding.kind() == Kind.SINGLE && definition.isMultiValued()) {
      Condition element = translate(inner, new Scope(binding, null, true));
      if (element instanceof Condition.Constant) {
        return Conditions.and(List.of(
            Condition.present(AttributeRef.of(binding.single().rule().recordAttribute())), element));
      }
      return Condition.anyElement(binding.single().rule().recordAttribute(), element);
    }
    return translate(inner, new Scope(binding, null, false));
  }

  private Condition leaf(Filter filter, Scope scope) throws BadRequestException {
    Path path = filter.getAttributePath();
    for (Path.Element element : path) {
      if (element.getValueFilter() != null) {
        throw BadRequestException.invalidFilter(
            "Write a value filter as attribute[filter], not " + filter);
      }
    }
    if (scope != Scope.TOP) {
      if (path.size() != 1 || path.getSchemaUrn() != null) {
        throw BadRequestException.invalidFilter("Inside a value filter, name a sub-attribute: " + filter);
      }
      return subLeaf(scope.binding(), path.getElement(0).getAttribute(), scope, filter);
    }
    Optional<Condition> builtIn = builtIn(path, filter);
    if (builtIn.isPresent()) {
      return builtIn.get();
    }
    AttributeBinding binding = binding(path, filter);
    if (path.size() == 2) {
      return subLeaf(binding, path.getElement(1).getAttribute(), Scope.TOP, filter);
    }
    if (path.size() > 2) {
      throw BadRequestException.invalidFilter("Unknown attribute in filter: " + filter);
    }
    AttributeDefinition definition = binding.definition();
    if (definition.getType() == Type.COMPLEX) {
      if (filter.getFilterType() != FilterType.PRESENT) {
        throw BadRequestException.invalidFilter(
            "'" + binding.name() + "' is complex: compare one of its sub-attributes");
      }
      List<Condition> present = new ArrayList<>();
      for (BoundRule rule : binding.rules()) {
        present.add(Condition.present(AttributeRef.of(rule.rule().recordAttribute())));
      }
      return Conditions.or(present);
    }
    return compare(filter, definition, AttributeRef.of(binding.single().rule().recordAttribute()));
  }

  /** A sub-attribute test, at the top ({@code emails.value eq "x"}) or in a value filter. */
  private Condition subLeaf(AttributeBinding binding, String sub, Scope scope, Filter filter)
      throws BadRequestException {
    AttributeDefinition definition = binding.subDefinition(sub).orElseThrow(() ->
        BadRequestException.invalidFilter("Unknown attribute in filter: " + filter));
    return switch (binding.kind()) {
      case SINGLE -> {
        String recordAttribute = binding.single().rule().recordAttribute();
        yield compare(filter, definition, scope.anyElement()
            ? AttributeRef.of(definition.getName())
            : AttributeRef.of(recordAttribute, definition.getName()));
      }
      case SUBS -> compare(filter, definition,
          AttributeRef.of(binding.subRule(sub).orElseThrow().rule().recordAttribute()));
      case ELEMENTS -> {
        if (scope.element() != null) {
          yield inElement(scope.element(), definition, filter);
        }
        List<Condition> perElement = new ArrayList<>();
        for (VirtualElement element : binding.elements()) {
          perElement.add(inExistingElement(element, inElement(element, definition, filter)));
        }
        yield Conditions.or(perElement);
      }
    };
  }

  /** A sub-attribute test on one virtual element: a column, a filter literal, or nothing. */
  private Condition inElement(VirtualElement element, AttributeDefinition definition,
      Filter filter) throws BadRequestException {
    Optional<BoundRule> rule = element.rule(definition.getName());
    if (rule.isPresent()) {
      return compare(filter, definition, AttributeRef.of(rule.get().rule().recordAttribute()));
    }
    checkOperator(filter, definition);
    Optional<Object> literal = element.literal(definition.getName());
    if (filter.getFilterType() == FilterType.PRESENT) {
      return Conditions.constant(literal.isPresent());
    }
    Operator operator = operator(filter.getFilterType());
    Object value = value(filter, definition);
    if (value == null) {
      return Conditions.constant(literal.isPresent() == (operator == Operator.NE));
    }
    if (literal.isEmpty()) {
      return Conditions.constant(operator == Operator.NE);
    }
    return Conditions.constant(Literals.test(literal.get(), operator, value, definition.isCaseExact()));
  }

  /**
   * Requires that a virtual element exists, unless the condition already does: a comparison
   * other than {@code ne}, or a presence test, on one of its rules.
   */
  private static Condition inExistingElement(VirtualElement element, Condition condition) {
    return requiresPresence(condition) ? condition
        : Conditions.and(List.of(exists(element), condition));
  }

  private static boolean requiresPresence(Condition condition) {
    if (condition instanceof Condition.Compare compare) {
      return compare.operator() != Operator.NE;
    }
    if (condition instanceof Condition.And and) {
      return and.operands().stream().anyMatch(FilterTranslator::requiresPresence);
    }
    if (condition instanceof Condition.Or or) {
      return or.operands().stream().allMatch(FilterTranslator::requiresPresence);
    }
    return condition instanceof Condition.Present || condition == Condition.none();
  }

  /** Whether a virtual element exists: whether any of its rules holds a value. */
  private static Condition exists(VirtualElement element) {
    List<Condition> present = new ArrayList<>();
    for (BoundRule rule : element.rules().values()) {
      present.add(Condition.present(AttributeRef.of(rule.rule().recordAttribute())));
    }
    return Conditions.or(present);
  }

  private Optional<Condition> builtIn(Path path, Filter filter) throws BadRequestException {
    if (path.getSchemaUrn() != null && !path.getSchemaUrn().equalsIgnoreCase(coreUrn)) {
      return Optional.empty();
    }
    String name = path.getElement(0).getAttribute().toLowerCase(Locale.ROOT);
    if (path.size() == 1 && name.equals("id")) {
      return Optional.of(compare(filter, Builtins.ID, AttributeRef.ID));
    }
    if (path.size() == 1 && name.equals("externalid")) {
      return Optional.of(compare(filter, Builtins.EXTERNAL_ID,
          AttributeRef.of(ResourceMapping.EXTERNAL_ID)));
    }
    if (namesGroups(path)) {
      return Optional.of(groups.attributePath(path, filter));
    }
    if (name.equals("meta")) {
      String sub = path.size() == 2 ? path.getElement(1).getAttribute() : "";
      if (sub.equalsIgnoreCase("created")) {
        return Optional.of(compare(filter, Builtins.CREATED, AttributeRef.CREATED));
      }
      if (sub.equalsIgnoreCase("lastModified")) {
        return Optional.of(compare(filter, Builtins.LAST_MODIFIED, AttributeRef.LAST_MODIFIED));
      }
      throw BadRequestException.invalidFilter("Filtering on " + path + " is not supported");
    }
    return Optional.empty();
  }

  /** Whether a path names a user's {@code groups}, which {@link GroupsFilter} translates. */
  private boolean namesGroups(Path path) {
    return groups != null && path.size() >= 1
        && (path.getSchemaUrn() == null || path.getSchemaUrn().equalsIgnoreCase(coreUrn))
        && path.getElement(0).getAttribute().equalsIgnoreCase("groups");
  }

  private AttributeBinding binding(Path path, Filter filter) throws BadRequestException {
    String urn = path.getSchemaUrn() == null ? coreUrn : path.getSchemaUrn();
    AttributeBinding binding =
        bindings.get(AttributeBinding.key(urn, path.getElement(0).getAttribute()));
    if (binding == null || binding.definition().getReturned() == Returned.NEVER) {
      throw BadRequestException.invalidFilter("No " + resourceName
          + " schema defines the attribute in filter: " + filter);
    }
    return binding;
  }

  static Condition compare(Filter filter, AttributeDefinition definition, AttributeRef ref)
      throws BadRequestException {
    checkOperator(filter, definition);
    if (filter.getFilterType() == FilterType.PRESENT) {
      return Condition.present(ref);
    }
    Operator operator = operator(filter.getFilterType());
    Object value = value(filter, definition);
    if (value == null) {
      return operator == Operator.EQ ? Condition.not(Condition.present(ref)) : Condition.present(ref);
    }
    return Condition.compare(ref, operator, value, definition.isCaseExact());
  }

  static void checkOperator(Filter filter, AttributeDefinition definition)
      throws BadRequestException {
    FilterType type = filter.getFilterType();
    if (type == FilterType.PRESENT) {
      return;
    }
    Operator operator = operator(type);
    boolean valid = switch (definition.getType()) {
      case STRING, REFERENCE -> true;
      case INTEGER, DECIMAL, DATETIME -> !operator.isSubstring();
      case BOOLEAN, BINARY -> operator == Operator.EQ || operator == Operator.NE;
      case COMPLEX -> false;
    };
    if (!valid) {
      throw BadRequestException.invalidFilter("Operator '" + type.getStringValue()
          + "' does not apply to " + definition.getType().getName() + " attribute '"
          + definition.getName() + "'");
    }
    if (filter.getComparisonValue().isNull() && operator != Operator.EQ && operator != Operator.NE) {
      throw BadRequestException.invalidFilter("Only 'eq' and 'ne' compare with null: " + filter);
    }
  }

  static Operator operator(FilterType type) {
    return switch (type) {
      case EQUAL -> Operator.EQ;
      case NOT_EQUAL -> Operator.NE;
      case CONTAINS -> Operator.CO;
      case STARTS_WITH -> Operator.SW;
      case ENDS_WITH -> Operator.EW;
      case GREATER_THAN -> Operator.GT;
      case GREATER_OR_EQUAL -> Operator.GE;
      case LESS_THAN -> Operator.LT;
      case LESS_OR_EQUAL -> Operator.LE;
      default -> throw new IllegalArgumentException("Not a comparison: " + type);
    };
  }

  /** The filter's value as a record value of the attribute's type, or {@code null} for null. */
  static Object value(Filter filter, AttributeDefinition definition)
      throws BadRequestException {
    JsonNode node = filter.getComparisonValue();
    if (node.isNull()) {
      return null;
    }
    try {
      switch (definition.getType()) {
        case STRING, REFERENCE -> {
          return node.asText();
        }
        case BOOLEAN -> {
          if (node.isBoolean()) {
            return node.booleanValue();
          }
          if (node.asText().equalsIgnoreCase("true") || node.asText().equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(node.asText().toLowerCase(Locale.ROOT));
          }
        }
        case INTEGER -> {
          if (node.isIntegralNumber()) {
            return node.longValue();
          }
          return Long.parseLong(node.asText());
        }
        case DECIMAL -> {
          return node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText());
        }
        case DATETIME -> {
          return ValueCodec.parseInstant(node.asText(), definition.getName());
        }
        case BINARY -> {
          return BinaryValue.fromBase64(node.asText());
        }
        default -> {
        }
      }
    } catch (BadRequestException | IllegalArgumentException e) {
      // Parse failures fall through to the invalidFilter below.
    }
    throw BadRequestException.invalidFilter("'" + node + "' is not a "
        + definition.getType().getName() + " value for '" + definition.getName() + "'");
  }
}
