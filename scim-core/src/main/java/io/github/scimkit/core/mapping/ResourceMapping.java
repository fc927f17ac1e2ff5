package io.github.scimkit.core.mapping;

import com.fasterxml.jackson.core.JsonGenerator;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
  /** Each rule's record attribute by its path in lower case, the first rule of a path winning. */
  private final Map<String, String> recordAttributes;
  private final List<DerivedValue> derivedValues;
  private final PasswordHandler passwordHandler;
  private final boolean externalIdUnique;
  private final boolean members;
  private final String groupDisplayAttribute;
  private final CompiledMapping compiled;

  private ResourceMapping(Builder builder) {
    name = builder.name;
    endpoint = builder.endpoint;
    description = builder.description;
    coreUrn = builder.coreUrn;
    rules = List.copyOf(builder.rules);
    Map<String, String> byPath = new HashMap<>();
    rules.forEach(rule -> byPath.putIfAbsent(rule.path().toLowerCase(Locale.ROOT), rule.recordAttribute()));
    recordAttributes = Map.copyOf(byPath);
    derivedValues = List.copyOf(builder.derived.values());
    passwordHandler = builder.passwordHandler;
    externalIdUnique = builder.externalIdUnique;
    members = builder.members;
    groupDisplayAttribute = builder.groupDisplayAttribute;

    compiled = CompiledMapping.compile(this, builder.extensions);
  }

  String description() {
    return description;
  }

  boolean publishesMembers() {
    return members;
  }

  PasswordHandler passwordHandler() {
    return passwordHandler;
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
    builder.extensions.putAll(compiled.extensions());
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
    return Optional.ofNullable(recordAttributes.get(path.toLowerCase(Locale.ROOT)));
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
    return compiled.schemas();
  }

  /**
   * Returns the resource type built from {@link #schemas()}, with every extension optional:
   * what /ResourceTypes publishes and what a {@link SchemaChecker} checks against.
   *
   * @return the resource type definition
   */
  public ResourceTypeDefinition resourceTypeDefinition() {
    return compiled.resourceType();
  }

  /**
   * Returns a new schema checker over {@link #resourceTypeDefinition()}. Checkers have mutable
   * options, so each caller gets its own.
   *
   * @return the checker
   */
  public SchemaChecker newSchemaChecker() {
    return new SchemaChecker(compiled.resourceType());
  }

  /**
   * Returns a new schema checker that accepts values outside canonical values, for lenient mode:
   * RFC 7643 §7 makes them suggestions; {@link #newSchemaChecker()} refuses such values.
   *
   * @return the checker
   */
  public SchemaChecker newSuggestedValuesSchemaChecker() {
    return new SchemaChecker(compiled.suggestedValuesType());
  }

  /**
   * Returns the published definition of an attribute or sub-attribute path, names compared
   * case-insensitively; extension paths carry their URN.
   *
   * @param path the path; value filters are ignored
   * @return the definition, or empty when no schema publishes the path
   */
  public Optional<AttributeDefinition> definition(Path path) {
    return Optional.ofNullable(compiled.resourceType().getAttributeDefinition(path));
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
    return new GenericScimResource(compiled.renderer().render(record.id(), record.attributes()));
  }

  /**
   * Writes what {@link #render} renders, field by field into the object the generator has open,
   * without building the resource's tree. {@code schemas} ends with {@code moreSchemas}: the
   * extensions whose objects the caller writes after these fields.
   *
   * @param record the record
   * @param moreSchemas schema URNs to list after the mapping's own
   * @param generator where to write; its codec writes the values
   * @throws IOException when writing fails
   */
  public void write(ResourceRecord record, List<String> moreSchemas, JsonGenerator generator) throws IOException {
    compiled.renderer().write(generator, record.id(), record.attributes(), moreSchemas);
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
    return compiled.renderer().mayRender(schemaUrn == null ? coreUrn : schemaUrn, attribute);
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
    return derive(compiled.reader().read(resource.getObjectNode(), mode));
  }

  /** Sets every derived value from the SCIM view of the given attributes. */
  Attributes derive(Attributes attributes) {
    return compiled.derive(attributes);
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
    return compiled.filters().translate(filter);
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
    return compiled.sorts().translate(sortBy, descending);
  }

  /**
   * Collects a resource type's rules and settings, with the setters it inherits; not
   * thread-safe.
   */
  public static final class Builder extends MappingSettings<Builder> {

    private Builder(String name, String endpoint, String description, String coreUrn, boolean members) {
      super(name, endpoint, description, coreUrn, members);
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
