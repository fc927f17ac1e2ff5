package io.github.scimkit.core.mapping;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import com.unboundid.scim2.common.types.AttributeDefinition.Returned;
import com.unboundid.scim2.common.types.AttributeDefinition.Type;
import com.unboundid.scim2.common.types.AttributeDefinition.Uniqueness;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import com.unboundid.scim2.server.utils.SchemaChecker;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.UniqueAttribute;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.Sort;
import io.github.scimkit.core.tenant.ScimMode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The mapping of one resource type, such as User: which SCIM attributes a host keeps, under
 * which record attributes, and everything that follows from that: the schemas it publishes,
 * how records render and requests read, which filters and sorts are valid and what they become.
 * Immutable and thread-safe.
 *
 * <p>{@code id}, {@code externalId} (record attribute {@value #EXTERNAL_ID}) and {@code meta}
 * are built in. For groups, {@code members} is published but left to the engine; for users, so
 * is the read-only {@code groups}, which filters reach as {@link Condition.MemberOf}. Attribute
 * names are case-insensitive everywhere (RFC 7643 §2.1).
 */
public final class ResourceMapping {

  /** The record attribute that keeps {@code externalId}. */
  public static final String EXTERNAL_ID = "externalId";

  private final String name;
  private final String endpoint;
  private final String description;
  private final String coreUrn;
  private final List<MappingRule> rules;
  private final Map<String, SchemaInfo> extensions;
  private final List<DerivedValue> derivedValues;
  private final PasswordHandler passwordHandler;
  private final boolean externalIdUnique;
  private final boolean members;
  private final String groupDisplayAttribute;

  private final Map<String, AttributeBinding> bindings;
  private final List<SchemaResource> schemas;
  private final ResourceTypeDefinition resourceType;
  private final ResourceRenderer renderer;
  private final ResourceReader reader;
  private final FilterTranslator filters;
  private final SortTranslator sorts;
  private final List<Derivation> derivations;

  private ResourceMapping(Builder builder) {
    name = builder.name;
    endpoint = builder.endpoint;
    description = builder.description;
    coreUrn = builder.coreUrn;
    rules = List.copyOf(builder.rules);
    derivedValues = List.copyOf(builder.derived.values());
    passwordHandler = builder.passwordHandler;
    externalIdUnique = builder.externalIdUnique;
    members = builder.members;
    groupDisplayAttribute = builder.groupDisplayAttribute;

    List<BoundRule> bound = new ArrayList<>();
    for (MappingRule rule : rules) {
      bound.add(check(BoundRule.bind(rule, coreUrn)));
    }
    List<AttributeBinding> ordered = BindingFactory.bindings(bound);
    Map<String, AttributeBinding> byKey = new HashMap<>();
    ordered.forEach(binding -> byKey.put(
        AttributeBinding.key(binding.schemaUrn(), binding.name()), binding));
    bindings = Collections.unmodifiableMap(byKey);

    Map<String, SchemaInfo> used = new LinkedHashMap<>();
    for (AttributeBinding binding : ordered) {
      if (!binding.schemaUrn().equals(coreUrn)) {
        used.computeIfAbsent(binding.schemaUrn(), urn -> builder.extensions.entrySet().stream()
            .filter(entry -> entry.getKey().equalsIgnoreCase(urn))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElseGet(() -> SchemaInfo.defaultFor(urn)));
      }
    }
    extensions = Collections.unmodifiableMap(used);
    schemas = buildSchemas(ordered);
    ResourceTypeDefinition.Builder type = new ResourceTypeDefinition.Builder(name, endpoint)
        .setId(name)
        .setDescription(description)
        .setCoreSchema(schemas.get(0));
    schemas.subList(1, schemas.size()).forEach(type::addOptionalSchemaExtension);
    resourceType = type.build();

    checkDerivedAndPassword(bound);
    derivations = derivedValues.stream().map(Derivation::new).toList();
    renderer = new ResourceRenderer(coreUrn, ordered);
    reader = new ResourceReader(coreUrn, extensions.keySet(), bindings, passwordHandler);
    filters = new FilterTranslator(name, coreUrn, bindings, members ? null : groupDisplayAttribute);
    sorts = new SortTranslator(coreUrn, bindings);
  }

  /**
   * Returns an empty User mapping builder: {@code /Users}, core schema {@link ScimUrns#USER}.
   *
   * @return the builder
   */
  public static Builder userBuilder() {
    return new Builder("User", "/Users", "User Account", ScimUrns.USER, false);
  }

  /**
   * Returns an empty Group mapping builder: {@code /Groups}, core schema {@link ScimUrns#GROUP},
   * with {@code members} published.
   *
   * @return the builder
   */
  public static Builder groupBuilder() {
    return new Builder("Group", "/Groups", "Group", ScimUrns.GROUP, true);
  }

  /**
   * Returns a builder holding this mapping's settings, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder(name, endpoint, description, coreUrn, members);
    rules.forEach(builder::rule);
    builder.extensions.putAll(extensions);
    derivedValues.forEach(builder::derive);
    builder.passwordHandler = passwordHandler;
    builder.externalIdUnique = externalIdUnique;
    builder.groupDisplayAttribute = groupDisplayAttribute;
    return builder;
  }

  /**
   * Returns the resource type name, such as {@code User}; also its id.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the endpoint relative to the SCIM base, such as {@code /Users}.
   *
   * @return the endpoint
   */
  public String endpoint() {
    return endpoint;
  }

  /**
   * Returns the core schema URN.
   *
   * @return the URN
   */
  public String coreSchemaUrn() {
    return coreUrn;
  }

  /**
   * Returns the rules, in mapping order.
   *
   * @return the rules
   */
  public List<MappingRule> rules() {
    return rules;
  }

  /**
   * Returns the record attribute of the rule with a path, compared case-insensitively.
   *
   * @param path the SCIM path, such as {@code displayName}
   * @return the record attribute, or empty when no rule has the path
   */
  public Optional<String> recordAttribute(String path) {
    return rules.stream().filter(rule -> rule.path().equalsIgnoreCase(path))
        .map(MappingRule::recordAttribute).findFirst();
  }

  /**
   * Returns, for a User mapping, the group record attribute that a {@code groups.display}
   * filter compares: the Group mapping's {@code displayName} attribute, which {@link
   * ScimMapping} sets.
   *
   * @return the attribute
   */
  public String groupDisplayAttribute() {
    return groupDisplayAttribute;
  }

  /**
   * Returns the derived values, in mapping order.
   *
   * @return the derived values
   */
  public List<DerivedValue> derivedValues() {
    return derivedValues;
  }

  /**
   * Returns the schemas the rules define, core first, then extensions: what /Schemas publishes.
   *
   * @return the schemas
   */
  public List<SchemaResource> schemas() {
    return schemas;
  }

  /**
   * Returns the resource type built from {@link #schemas()}, with every extension optional:
   * what /ResourceTypes publishes and what a {@link SchemaChecker} checks against.
   *
   * @return the resource type definition
   */
  public ResourceTypeDefinition resourceTypeDefinition() {
    return resourceType;
  }

  /**
   * Returns a new schema checker over {@link #resourceTypeDefinition()}. Checkers have mutable
   * options, so each caller gets its own.
   *
   * @return the checker
   */
  public SchemaChecker newSchemaChecker() {
    return new SchemaChecker(resourceType);
  }

  /**
   * Returns the published definition of an attribute or sub-attribute path, names compared
   * case-insensitively; extension paths carry their URN.
   *
   * @param path the path; value filters are ignored
   * @return the definition, or empty when no schema publishes the path
   */
  public Optional<AttributeDefinition> definition(Path path) {
    return Optional.ofNullable(resourceType.getAttributeDefinition(path));
  }

  /**
   * Renders a record as SCIM JSON: {@code schemas} (the core URN, then the extensions that have
   * values), {@code id}, {@code externalId} and the mapped attributes. Neither {@code meta} nor
   * group {@code members}, which the engine adds, nor anything returned never.
   *
   * @param record the record
   * @return a new resource
   */
  public GenericScimResource render(ResourceRecord record) {
    return new GenericScimResource(renderer.render(record.id(), record.attributes()));
  }

  /**
   * Writes what {@link #render} renders, field by field into the object the generator has open,
   * without building the resource's tree.
   *
   * @param record the record
   * @param generator where to write; its codec writes the values
   * @throws IOException when writing fails
   */
  public void write(ResourceRecord record, JsonGenerator generator) throws IOException {
    renderer.write(generator, record.id(), record.attributes());
  }

  /**
   * Tells whether a rendered record may hold a value under a top-level attribute: some rule binds
   * it and it is not {@code returned: never}.
   *
   * @param schemaUrn the attribute's schema, or {@code null} for the core schema
   * @param attribute the attribute name
   * @return {@code true} when rendering may produce it
   */
  public boolean mayRender(String schemaUrn, String attribute) {
    return renderer.mayRender(schemaUrn == null ? coreUrn : schemaUrn, attribute);
  }

  /**
   * Reads the mapped attributes of a SCIM body as record attributes, derived values included.
   * {@code id}, {@code meta}, {@code members}, {@code groups} and read-only attributes are
   * skipped. Attributes, sub-attributes and schema URNs that no rule holds are skipped in
   * lenient mode and refused in strict mode ({@code invalidSyntax}); so are multi-valued
   * elements no rule can hold ({@code invalidValue}). A mapped {@code password} goes through
   * the {@link PasswordHandler}.
   *
   * @param resource the body, after the engine has normalised it
   * @param mode how strictly to read
   * @return the record attributes
   * @throws BadRequestException when the body cannot be read in this mode, or the password
   *     handler refuses the password
   */
  public Attributes read(GenericScimResource resource, ScimMode mode) throws BadRequestException {
    Attributes read = reader.read(resource.getObjectNode(), mode);
    return derive(read);
  }

  /** Sets every derived value from the SCIM view of the given attributes. */
  Attributes derive(Attributes attributes) {
    if (derivations.isEmpty()) {
      return attributes;
    }
    ObjectNode view = renderer.render(null, attributes);
    Attributes.Builder builder = attributes.toBuilder();
    for (Derivation derivation : derivations) {
      builder.set(derivation.value().recordAttribute(), derivation.derive(view).orElse(null));
    }
    return builder.build();
  }

  /**
   * Returns every record attribute this mapping writes: {@value #EXTERNAL_ID}, the attributes of
   * the rules clients may write, and the derived values. The engine keeps the others, which the
   * host owns, when it replaces a record.
   *
   * @return the record attribute names
   */
  public Set<String> ownedRecordAttributes() {
    Set<String> owned = new LinkedHashSet<>();
    owned.add(EXTERNAL_ID);
    rules.stream().filter(rule -> rule.mutability() != Mutability.READ_ONLY)
        .forEach(rule -> owned.add(rule.recordAttribute()));
    derivedValues.forEach(value -> owned.add(value.recordAttribute()));
    return Collections.unmodifiableSet(owned);
  }

  /**
   * Returns the record attributes the store keeps unique: those of rules with a uniqueness
   * other than none (such as {@code userName}, case-insensitive), and {@value #EXTERNAL_ID},
   * case-exact, when configured.
   *
   * @return the unique attributes
   */
  public List<UniqueAttribute> uniqueAttributes() {
    List<UniqueAttribute> unique = new ArrayList<>();
    for (MappingRule rule : rules) {
      if (rule.uniqueness() != Uniqueness.NONE) {
        unique.add(new UniqueAttribute(rule.recordAttribute(), rule.caseExact()));
      }
    }
    if (externalIdUnique) {
      unique.add(UniqueAttribute.caseExact(EXTERNAL_ID));
    }
    return List.copyOf(unique);
  }

  /**
   * Translates a SCIM filter into a store condition.
   *
   * @param filter the filter
   * @return the condition; {@link Condition#none()} when no rule can match
   * @throws BadRequestException {@code invalidFilter} when the filter names an attribute no
   *     schema publishes or uses an operator its type does not support
   */
  public Condition toCondition(Filter filter) throws BadRequestException {
    return filters.translate(filter);
  }

  /**
   * Translates {@code sortBy} and {@code sortOrder} into a store sort.
   *
   * @param sortBy the attribute to sort by
   * @param descending whether the order is descending
   * @return the sort
   * @throws BadRequestException {@code invalidValue} when the path is unknown or not a
   *     single-valued simple value a rule keeps
   */
  public Sort toSort(Path sortBy, boolean descending) throws BadRequestException {
    return sorts.translate(sortBy, descending);
  }

  private BoundRule check(BoundRule bound) {
    MappingRule rule = bound.rule();
    if (rule.recordAttribute().equals(EXTERNAL_ID)) {
      throw new MappingException(rule.path(), "'externalId' is the built-in externalId's record attribute");
    }
    String reserved = members ? "members" : "groups";
    if (bound.schemaUrn().equals(coreUrn) && bound.attribute().equalsIgnoreCase(reserved)) {
      throw new MappingException(rule.path(), "'" + reserved + "' is kept by the engine");
    }
    if (rule.uniqueness() != Uniqueness.NONE
        && (rule.multiValued() || rule.type() == Type.COMPLEX || bound.shape() == BoundRule.Shape.ELEMENT)) {
      throw new MappingException(rule.path(), "only a single-valued simple attribute can be unique");
    }
    return bound;
  }

  private void checkDerivedAndPassword(List<BoundRule> bound) {
    Set<String> taken = new LinkedHashSet<>();
    taken.add(EXTERNAL_ID);
    rules.forEach(rule -> taken.add(rule.recordAttribute()));
    for (DerivedValue value : derivedValues) {
      if (!taken.add(value.recordAttribute())) {
        throw new MappingException(value.name(),
            "record attribute '" + value.recordAttribute() + "' is already bound");
      }
    }
    boolean password = bound.stream().anyMatch(rule -> rule.schemaUrn().equals(coreUrn)
        && rule.attribute().equalsIgnoreCase("password"));
    if (password && passwordHandler == null) {
      throw new MappingException("password", "a mapping that maps password needs a PasswordHandler");
    }
  }

  private List<SchemaResource> buildSchemas(List<AttributeBinding> ordered) {
    List<SchemaResource> result = new ArrayList<>();
    List<AttributeDefinition> core = attributesOf(ordered, coreUrn);
    core.add(members ? EngineAttributes.members() : EngineAttributes.groups());
    result.add(new SchemaResource(coreUrn, name, description, core));
    extensions.forEach((urn, info) ->
        result.add(new SchemaResource(urn, info.name(), info.description(), attributesOf(ordered, urn))));
    return List.copyOf(result);
  }

  private static List<AttributeDefinition> attributesOf(List<AttributeBinding> ordered, String urn) {
    List<AttributeDefinition> attributes = new ArrayList<>();
    for (AttributeBinding binding : ordered) {
      if (binding.schemaUrn().equals(urn)) {
        attributes.add(binding.definition());
      }
    }
    return attributes;
  }

  /** The published name and description of a schema extension. */
  private record SchemaInfo(String name, String description) {
    static SchemaInfo defaultFor(String urn) {
      String local = urn.equalsIgnoreCase(ScimUrns.ENTERPRISE_USER) ? "EnterpriseUser"
          : urn.substring(urn.lastIndexOf(':') + 1);
      return new SchemaInfo(local, local + " extension");
    }
  }

  /** Collects a resource type's rules and settings; not thread-safe. */
  public static final class Builder {
    private final String name;
    private final String endpoint;
    private final String description;
    private final String coreUrn;
    private final boolean members;
    private final List<MappingRule> rules = new ArrayList<>();
    private final Map<String, SchemaInfo> extensions = new LinkedHashMap<>();
    private final Map<String, DerivedValue> derived = new LinkedHashMap<>();
    private PasswordHandler passwordHandler;
    private boolean externalIdUnique;
    private String groupDisplayAttribute = "displayName";

    private Builder(String name, String endpoint, String description, String coreUrn,
        boolean members) {
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
    public Builder rule(MappingRule rule) {
      Objects.requireNonNull(rule, "rule");
      for (int i = 0; i < rules.size(); i++) {
        if (rules.get(i).path().equalsIgnoreCase(rule.path())) {
          rules.set(i, rule);
          return this;
        }
      }
      rules.add(rule);
      return this;
    }

    /**
     * Adds a rule with the facts RFC 7643 gives its path; see {@link MappingRule#of}.
     *
     * @param path the SCIM path
     * @param recordAttribute the record attribute
     * @return this builder
     */
    public Builder rule(String path, String recordAttribute) {
      return rule(MappingRule.of(path, recordAttribute));
    }

    /**
     * Removes the rules with the given path, compared case-insensitively.
     *
     * @param path the SCIM path
     * @return this builder
     */
    public Builder withoutRule(String path) {
      rules.removeIf(rule -> rule.path().equalsIgnoreCase(path));
      return this;
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
    public Builder extension(String urn, String schemaName, String schemaDescription) {
      extensions.put(urn, new SchemaInfo(schemaName, schemaDescription));
      return this;
    }

    /**
     * Adds a derived value, or replaces the one with the same name.
     *
     * @param value the derived value
     * @return this builder
     */
    public Builder derive(DerivedValue value) {
      derived.put(value.name(), value);
      return this;
    }

    /**
     * Removes a derived value.
     *
     * @param valueName its name
     * @return this builder
     */
    public Builder withoutDerived(String valueName) {
      derived.remove(valueName);
      return this;
    }

    /**
     * Sets what protects a mapped {@code password}.
     *
     * @param handler the handler
     * @return this builder
     */
    public Builder passwordHandler(PasswordHandler handler) {
      passwordHandler = handler;
      return this;
    }

    /**
     * Sets, for a User mapping, the group record attribute a {@code groups.display} filter
     * compares; {@code displayName} unless set. {@link ScimMapping} sets it from its Group
     * mapping.
     *
     * @param recordAttribute the group record attribute
     * @return this builder
     */
    public Builder groupDisplayAttribute(String recordAttribute) {
      groupDisplayAttribute = Objects.requireNonNull(recordAttribute, "recordAttribute");
      return this;
    }

    /**
     * Sets whether {@code externalId} is unique, case-exactly; by default it is not.
     *
     * @param unique whether unique
     * @return this builder
     */
    public Builder externalIdUnique(boolean unique) {
      externalIdUnique = unique;
      return this;
    }

    /**
     * Builds the mapping.
     *
     * @return the mapping
     * @throws MappingException when a rule is wrong or rules clash
     */
    public ResourceMapping build() {
      return new ResourceMapping(this);
    }
  }
}
