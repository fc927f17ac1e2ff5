package io.github.scimkit.core.mapping;

import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import com.unboundid.scim2.common.types.AttributeDefinition.Returned;
import com.unboundid.scim2.common.types.AttributeDefinition.Type;
import com.unboundid.scim2.common.types.AttributeDefinition.Uniqueness;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Binds one SCIM attribute path to one record attribute, in both directions, with the schema
 * facts that /Schemas publishes for it.
 *
 * <p>The path takes one of four shapes:
 *
 * <ul>
 *   <li>a simple attribute, kept as a simple value or a list: {@code userName}, {@code
 *       urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department};
 *   <li>a complex attribute kept whole, as a {@link io.github.scimkit.core.store.ComplexValue}
 *       or a list of them: {@code emails}, {@code addresses};
 *   <li>a sub-attribute of a single-valued complex attribute: {@code name.givenName}, {@code
 *       ...:enterprise:2.0:User:manager.value};
 *   <li>a sub-attribute of the element of a multi-valued attribute that a filter picks, for
 *       hosts with flat columns: {@code emails[type eq "work"].value}. The filter is {@code eq}
 *       comparisons joined by {@code and}.
 * </ul>
 *
 * <p>The schema facts describe what the rule binds: for a filtered path, the sub-attribute.
 * {@link #builder(String, String)} takes them from RFC 7643 for standard attributes; custom
 * attributes are strings unless told otherwise.
 *
 * @param path the SCIM path, with its schema URN unless it is in the core schema
 * @param recordAttribute the record attribute that holds the value
 * @param type the SCIM type
 * @param multiValued whether the record holds a list
 * @param caseExact whether strings compare case-exactly, in filters and uniqueness alike
 * @param required whether creates must carry it
 * @param mutability whether and when clients may write it
 * @param returned when responses carry it
 * @param uniqueness whether the store keeps it unique
 * @param canonicalValues the values published for it
 * @param subAttributes the sub-attributes of a complex attribute kept whole, else empty
 * @param description the description published for it
 */
public record MappingRule(
    String path,
    String recordAttribute,
    Type type,
    boolean multiValued,
    boolean caseExact,
    boolean required,
    Mutability mutability,
    Returned returned,
    Uniqueness uniqueness,
    List<String> canonicalValues,
    List<SubAttribute> subAttributes,
    String description) {

  /** Checks and copies the fields. */
  public MappingRule {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(recordAttribute, "recordAttribute");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(mutability, "mutability");
    Objects.requireNonNull(returned, "returned");
    Objects.requireNonNull(uniqueness, "uniqueness");
    Objects.requireNonNull(description, "description");
    canonicalValues = List.copyOf(canonicalValues);
    subAttributes = List.copyOf(subAttributes);
  }

  /**
   * Returns a rule with the facts RFC 7643 gives a standard path, or those of a single-valued,
   * case-insensitive, read-write string for any other path.
   *
   * @param path the SCIM path
   * @param recordAttribute the record attribute
   * @return the rule
   */
  public static MappingRule of(String path, String recordAttribute) {
    return builder(path, recordAttribute).build();
  }

  /**
   * Returns a builder whose unset facts come from RFC 7643 for standard paths.
   *
   * @param path the SCIM path
   * @param recordAttribute the record attribute
   * @return the builder
   */
  public static Builder builder(String path, String recordAttribute) {
    return new Builder(path, recordAttribute);
  }

  /** Collects a rule's facts; those left unset come from RFC 7643 or the string defaults. */
  public static final class Builder {
    private final String path;
    private final String recordAttribute;
    private Type type;
    private Boolean multiValued;
    private Boolean caseExact;
    private Boolean required;
    private Mutability mutability;
    private Returned returned;
    private Uniqueness uniqueness;
    private List<String> canonicalValues;
    private List<SubAttribute> subAttributes;
    private final Map<String, List<String>> subCanonicalValues = new LinkedHashMap<>();
    private String description = "";

    private Builder(String path, String recordAttribute) {
      this.path = Objects.requireNonNull(path, "path");
      this.recordAttribute = Objects.requireNonNull(recordAttribute, "recordAttribute");
    }

    /**
     * Sets the type.
     *
     * @param value the type
     * @return this builder
     */
    public Builder type(Type value) {
      type = value;
      return this;
    }

    /**
     * Sets whether the record holds a list.
     *
     * @param value whether multi-valued
     * @return this builder
     */
    public Builder multiValued(boolean value) {
      multiValued = value;
      return this;
    }

    /**
     * Sets whether strings compare case-exactly.
     *
     * @param value whether case-exact
     * @return this builder
     */
    public Builder caseExact(boolean value) {
      caseExact = value;
      return this;
    }

    /**
     * Sets whether creates must carry the attribute.
     *
     * @param value whether required
     * @return this builder
     */
    public Builder required(boolean value) {
      required = value;
      return this;
    }

    /**
     * Sets the mutability.
     *
     * @param value the mutability
     * @return this builder
     */
    public Builder mutability(Mutability value) {
      mutability = value;
      return this;
    }

    /**
     * Sets when responses carry the attribute.
     *
     * @param value the returned rule
     * @return this builder
     */
    public Builder returned(Returned value) {
      returned = value;
      return this;
    }

    /**
     * Sets the uniqueness.
     *
     * @param value the uniqueness
     * @return this builder
     */
    public Builder uniqueness(Uniqueness value) {
      uniqueness = value;
      return this;
    }

    /**
     * Sets the canonical values.
     *
     * @param values the canonical values
     * @return this builder
     */
    public Builder canonicalValues(String... values) {
      canonicalValues = List.of(values);
      return this;
    }

    /**
     * Sets the sub-attributes of a complex attribute kept whole.
     *
     * @param values the sub-attributes
     * @return this builder
     */
    public Builder subAttributes(SubAttribute... values) {
      subAttributes = List.of(values);
      return this;
    }

    /**
     * Sets the canonical values of one sub-attribute, keeping the others as they are: what
     * /Schemas publishes for, say, {@code roles.type}. Strict mode refuses values outside them.
     *
     * @param subAttribute the sub-attribute's name, such as {@code type}
     * @param values the canonical values
     * @return this builder
     * @throws MappingException from {@link #build()} when the rule has no such sub-attribute
     */
    public Builder subAttributeCanonicalValues(String subAttribute, String... values) {
      subCanonicalValues.put(Objects.requireNonNull(subAttribute, "subAttribute"), List.of(values));
      return this;
    }

    /**
     * Sets the published description.
     *
     * @param value the description
     * @return this builder
     */
    public Builder description(String value) {
      description = Objects.requireNonNull(value, "description");
      return this;
    }

    /**
     * Builds the rule.
     *
     * @return the rule
     */
    public MappingRule build() {
      Optional<StandardAttributes.Standard> standard =
          StandardAttributes.find(path.replaceAll("\\[[^\\]]*\\]", ""));
      boolean password = path.equalsIgnoreCase("password");
      return new MappingRule(
          path,
          recordAttribute,
          first(type, standard.map(known -> known.definition().type()), Type.STRING),
          first(multiValued, standard.map(known -> known.definition().multiValued()), false),
          first(caseExact, standard.map(known -> known.definition().caseExact()), false),
          first(required, standard.map(known -> known.definition().required()), false),
          password ? Mutability.WRITE_ONLY
              : first(mutability, standard.map(known -> known.definition().mutability()),
                  Mutability.READ_WRITE),
          password ? Returned.NEVER
              : first(returned, standard.map(known -> known.definition().returned()),
                  Returned.DEFAULT),
          first(uniqueness, standard.map(known -> known.definition().uniqueness()), Uniqueness.NONE),
          first(canonicalValues, standard.map(known -> known.definition().canonicalValues()),
              List.of()),
          withSubCanonicalValues(first(subAttributes,
              standard.map(known -> known.definition().subAttributes()), List.of())),
          description);
    }

    private List<SubAttribute> withSubCanonicalValues(List<SubAttribute> subs) {
      for (String name : subCanonicalValues.keySet()) {
        if (subs.stream().noneMatch(sub -> sub.name().equalsIgnoreCase(name))) {
          throw new MappingException(path, "no sub-attribute '" + name + "' to give canonical values");
        }
      }
      return subs.stream().map(sub -> subCanonicalValues.entrySet().stream()
              .filter(entry -> entry.getKey().equalsIgnoreCase(sub.name())).findFirst()
              .map(entry -> sub.withCanonicalValues(entry.getValue().toArray(String[]::new)))
              .orElse(sub))
          .toList();
    }

    private static <T> T first(T set, Optional<T> standard, T fallback) {
      return set != null ? set : standard.orElse(fallback);
    }
  }
}
