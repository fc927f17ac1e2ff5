package io.github.scimkit.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.types.AttributeDefinition.Type;
import io.github.scimkit.core.store.Attributes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rule with its path taken apart: schema, attribute, element filter and sub-attribute, names
 * in their canonical spelling.
 *
 * @param rule the rule
 * @param schemaUrn the schema the attribute belongs to
 * @param attribute the top-level attribute
 * @param filter the element filter of a filtered path as sub-attribute literals, else empty
 * @param subAttribute the bound sub-attribute, or {@code null}
 * @param shape what the path binds
 */
record BoundRule(
    MappingRule rule,
    String schemaUrn,
    String attribute,
    Map<String, Object> filter,
    String subAttribute,
    Shape shape) {

  /** What a rule's path binds. */
  enum Shape {
    /** A simple attribute. */
    SIMPLE,
    /** A complex attribute, kept whole. */
    WHOLE,
    /** A sub-attribute of a single-valued complex attribute. */
    SUB,
    /** A sub-attribute of the filtered element of a multi-valued complex attribute. */
    ELEMENT
  }

  /** Takes a rule's path apart, resolving a missing or core URN to {@code coreUrn}. */
  static BoundRule bind(MappingRule rule, String coreUrn) {
    String where = rule.path();
    if (rule.recordAttribute().isBlank()) {
      throw new MappingException(where, "the record attribute is blank");
    }
    if (Attributes.RESERVED_NAMES.contains(rule.recordAttribute())) {
      throw new MappingException(where,
          "'" + rule.recordAttribute() + "' is a record field, not a record attribute");
    }
    Path path;
    try {
      path = Path.fromString(rule.path());
    } catch (BadRequestException e) {
      throw new MappingException(where, "the path does not parse: " + e.getMessage());
    }
    if (path.isRoot() || path.size() > 2) {
      throw new MappingException(where, "a path names an attribute or one sub-attribute");
    }
    String urn = path.getSchemaUrn() == null || path.getSchemaUrn().equalsIgnoreCase(coreUrn)
        ? coreUrn : path.getSchemaUrn();
    if (urn.equalsIgnoreCase(ScimUrns.USER) != coreUrn.equals(ScimUrns.USER)
        && (urn.equalsIgnoreCase(ScimUrns.USER) || urn.equalsIgnoreCase(ScimUrns.GROUP))) {
      throw new MappingException(where, "the path names another resource type's core schema");
    }
    String prefix = urn.equals(coreUrn) ? "" : urn + ":";
    Path.Element top = path.getElement(0);
    String attribute = canonical(prefix + top.getAttribute(), top.getAttribute());
    if (Attributes.RESERVED_NAMES.contains(attribute) || attribute.equalsIgnoreCase("externalId")
        || attribute.equalsIgnoreCase("meta") || attribute.equalsIgnoreCase("schemas")) {
      throw new MappingException(where, "'" + attribute + "' is built in and cannot be mapped");
    }
    if (attribute.equalsIgnoreCase("password") && rule.type() != Type.STRING) {
      throw new MappingException(where, "password is a string");
    }
    boolean parentMulti = StandardAttributes.find(prefix + attribute)
        .map(known -> known.definition().multiValued())
        .orElse(top.getValueFilter() != null);
    if (path.size() == 1) {
      if (top.getValueFilter() != null) {
        throw new MappingException(where, "a filtered path must end in a sub-attribute");
      }
      if (rule.type() == Type.COMPLEX && rule.subAttributes().isEmpty()) {
        throw new MappingException(where, "a complex attribute kept whole needs sub-attributes");
      }
      if (rule.type() != Type.COMPLEX && !rule.subAttributes().isEmpty()) {
        throw new MappingException(where, "only a complex attribute has sub-attributes");
      }
      return new BoundRule(rule, urn, attribute, Map.of(), null,
          rule.type() == Type.COMPLEX ? Shape.WHOLE : Shape.SIMPLE);
    }
    if (rule.type() == Type.COMPLEX || rule.multiValued()) {
      throw new MappingException(where, "a sub-attribute binds one simple value");
    }
    String subName = path.getElement(1).getAttribute();
    String sub = canonical(prefix + attribute + "." + subName, subName);
    if (top.getValueFilter() == null) {
      if (parentMulti) {
        throw new MappingException(where, "'" + attribute
            + "' is multi-valued: keep it whole or bind a filtered path such as "
            + attribute + "[type eq \"work\"]." + sub);
      }
      return new BoundRule(rule, urn, attribute, Map.of(), sub, Shape.SUB);
    }
    if (!parentMulti) {
      throw new MappingException(where, "'" + attribute + "' is single-valued: drop the filter");
    }
    Map<String, Object> literals = new LinkedHashMap<>();
    collectLiterals(where, prefix + attribute, top.getValueFilter(), literals);
    if (literals.keySet().stream().anyMatch(sub::equalsIgnoreCase)) {
      throw new MappingException(where, "the filter cannot test the sub-attribute it binds");
    }
    return new BoundRule(rule, urn, attribute, Map.copyOf(literals), sub, Shape.ELEMENT);
  }

  /** Turns an element filter into sub-attribute literals; anything but eq and and is refused. */
  private static void collectLiterals(String where, String parent, Filter filter,
      Map<String, Object> literals) {
    if (filter.getFilterType() == FilterType.AND) {
      for (Filter operand : filter.getCombinedFilters()) {
        collectLiterals(where, parent, operand, literals);
      }
      return;
    }
    if (filter.getFilterType() != FilterType.EQUAL) {
      throw new MappingException(where,
          "an element filter is 'eq' tests joined by 'and', not '" + filter + "'");
    }
    Path path = filter.getAttributePath();
    if (path.size() != 1 || path.getSchemaUrn() != null) {
      throw new MappingException(where, "an element filter tests sub-attributes by name");
    }
    String raw = path.getElement(0).getAttribute();
    String name = canonical(parent + "." + raw, raw);
    JsonNode value = filter.getComparisonValue();
    Object literal;
    if (value.isTextual()) {
      literal = value.textValue();
    } else if (value.isBoolean()) {
      literal = value.booleanValue();
    } else {
      throw new MappingException(where, "an element filter compares with strings or booleans");
    }
    if (literals.put(name, literal) != null) {
      throw new MappingException(where, "the filter tests '" + name + "' twice");
    }
  }

  /** The spelling RFC 7643 uses for a standard path's last name, else the name as written. */
  static String canonical(String path, String asWritten) {
    return StandardAttributes.find(path).map(StandardAttributes.Standard::name).orElse(asWritten);
  }
}
