package io.github.scimkit.core.mapping;

import com.unboundid.scim2.common.types.AttributeDefinition;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the rules bind under one top-level SCIM attribute, and the definition published
 * for it.
 *
 * @param schemaUrn the schema the attribute belongs to
 * @param name the attribute name, as published
 * @param kind how the rules hold it
 * @param rules the rules, in mapping order
 * @param elements for {@link Kind#ELEMENTS}, the rules grouped by element filter, else empty
 * @param definition the published definition
 */
record AttributeBinding(
    String schemaUrn,
    String name,
    Kind kind,
    List<BoundRule> rules,
    List<VirtualElement> elements,
    AttributeDefinition definition) {

  /** How the rules hold an attribute. */
  enum Kind {
    /** One rule, for a simple attribute or a complex one kept whole. */
    SINGLE,
    /** One rule per sub-attribute of a single-valued complex attribute. */
    SUBS,
    /** Rules over the filtered elements of a multi-valued complex attribute. */
    ELEMENTS
  }

  /**
   * The element that the rules sharing one element filter render into and read from.
   *
   * @param literals the sub-attribute values the filter fixes
   * @param rules the rules binding the element's other sub-attributes, by sub-attribute name
   */
  record VirtualElement(Map<String, Object> literals, Map<String, BoundRule> rules) {

    /** Returns the rule binding a sub-attribute, names compared case-insensitively. */
    Optional<BoundRule> rule(String subAttribute) {
      return rules.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(subAttribute))
          .map(Map.Entry::getValue)
          .findFirst();
    }

    /** Returns the literal of a sub-attribute, names compared case-insensitively. */
    Optional<Object> literal(String subAttribute) {
      return literals.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(subAttribute))
          .map(Map.Entry::getValue)
          .findFirst();
    }
  }

  /** The single rule of a {@link Kind#SINGLE} binding. */
  BoundRule single() {
    return rules.get(0);
  }

  /** The rule binding a sub-attribute of a {@link Kind#SUBS} binding. */
  Optional<BoundRule> subRule(String subAttribute) {
    return rules.stream()
        .filter(rule -> rule.subAttribute().equalsIgnoreCase(subAttribute))
        .findFirst();
  }

  /** The published definition of a sub-attribute. */
  Optional<AttributeDefinition> subDefinition(String subAttribute) {
    return definition.getSubAttributes() == null ? Optional.empty()
        : definition.getSubAttributes().stream()
            .filter(sub -> sub.getName().equalsIgnoreCase(subAttribute))
            .findFirst();
  }

  /** A lower-case key for looking bindings up by schema and name. */
  static String key(String schemaUrn, String name) {
    return (schemaUrn + ":" + name).toLowerCase(Locale.ROOT);
  }
}
