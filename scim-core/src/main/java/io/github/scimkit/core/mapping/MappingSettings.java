package io.github.scimkit.core.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rules and settings a {@link ResourceMapping} is built from: what {@link
 * ResourceMapping.Builder} collects. Its setters are public and return the builder, as {@link
 * StringBuilder}'s are inherited from a class of its package.
 *
 * @param <B> the builder
 */
abstract class MappingSettings<B extends MappingSettings<B>> {
  final String name;
  final String endpoint;
  final String description;
  final String coreUrn;
  final boolean members;
  final List<MappingRule> rules = new ArrayList<>();
  final Map<String, SchemaInfo> extensions = new LinkedHashMap<>();
  final Map<String, DerivedValue> derived = new LinkedHashMap<>();
  PasswordHandler passwordHandler;
  boolean externalIdUnique;
  String groupDisplayAttribute = "displayName";

  MappingSettings(String name, String endpoint, String description, String coreUrn, boolean members) {
    this.name = name;
    this.endpoint = endpoint;
    this.description = description;
    this.coreUrn = coreUrn;
    this.members = members;
  }

  /**
   * Adds a rule, in place of the rule with the same path (compared case-insensitively) if
   * there is one: so a host rebinds a default rule to its own record attribute.
   *
   * @param rule the rule
   * @return this builder
   */
  public B rule(MappingRule rule) {
    Objects.requireNonNull(rule, "rule");
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).path().equalsIgnoreCase(rule.path())) {
        rules.set(i, rule);
        return self();
      }
    }
    rules.add(rule);
    return self();
  }

  /**
   * Adds a rule with the facts RFC 7643 gives its path; see {@link MappingRule#of}.
   *
   * @param path the SCIM path
   * @param recordAttribute the record attribute
   * @return this builder
   */
  public B rule(String path, String recordAttribute) {
    return rule(MappingRule.of(path, recordAttribute));
  }

  /**
   * Removes the rules with the given path, compared case-insensitively.
   *
   * @param path the SCIM path
   * @return this builder
   */
  public B withoutRule(String path) {
    rules.removeIf(rule -> rule.path().equalsIgnoreCase(path));
    return self();
  }

  /**
   * Names an extension schema. Only extensions that rules use are published; those not
   * named here are published under the last part of their URN.
   *
   * @param urn the extension URN
   * @param schemaName the published name
   * @param schemaDescription the published description
   * @return this builder
   */
  public B extension(String urn, String schemaName, String schemaDescription) {
    extensions.put(urn, new SchemaInfo(schemaName, schemaDescription));
    return self();
  }

  /**
   * Adds a derived value, or replaces the one with the same name.
   *
   * @param value the derived value
   * @return this builder
   */
  public B derive(DerivedValue value) {
    derived.put(value.name(), value);
    return self();
  }

  /**
   * Sets what protects a mapped {@code password}.
   *
   * @param handler the handler
   * @return this builder
   */
  public B passwordHandler(PasswordHandler handler) {
    passwordHandler = handler;
    return self();
  }

  /**
   * Sets, for a User mapping, the group record attribute a {@code groups.display} filter
   * compares; {@code displayName} unless set. {@link ScimMapping} sets it from its Group
   * mapping.
   *
   * @param recordAttribute the group record attribute
   * @return this builder
   */
  public B groupDisplayAttribute(String recordAttribute) {
    groupDisplayAttribute = Objects.requireNonNull(recordAttribute, "recordAttribute");
    return self();
  }

  /**
   * Sets whether {@code externalId} is unique, case-exactly; by default it is not.
   *
   * @param unique whether unique
   * @return this builder
   */
  public B externalIdUnique(boolean unique) {
    externalIdUnique = unique;
    return self();
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
