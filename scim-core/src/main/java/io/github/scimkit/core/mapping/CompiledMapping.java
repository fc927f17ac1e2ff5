package io.github.scimkit.core.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AttributeDefinition.Type;
import com.unboundid.scim2.common.types.AttributeDefinition.Uniqueness;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.github.scimkit.core.store.Attributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a {@link ResourceMapping}'s rules compile to: the rules checked and bound, the schemas
 * and resource type it publishes, and the renderer, reader, filter and sort translators and
 * derivations built from the bindings. Immutable.
 *
 * @param extensions the extensions the rules use, with their published names
 * @param schemas the core schema, then the extensions
 * @param resourceType the resource type over the schemas
 * @param suggestedValuesType the same without canonical values, for the lenient mode's checker
 * @param renderer renders records as SCIM
 * @param reader reads SCIM bodies as record attributes
 * @param filters translates filters
 * @param sorts translates sorts
 * @param derivations computes the derived values
 */
record CompiledMapping(
    Map<String, SchemaInfo> extensions,
    List<SchemaResource> schemas,
    ResourceTypeDefinition resourceType,
    ResourceTypeDefinition suggestedValuesType,
    ResourceRenderer renderer,
    ResourceReader reader,
    FilterTranslator filters,
    SortTranslator sorts,
    List<Derivation> derivations) {

  /**
   * Checks and binds a mapping's rules and builds what follows from them.
   *
   * @param mapping the mapping, whose settings are set
   * @param named the extensions the host named
   * @return the compiled mapping
   * @throws MappingException when a rule is wrong or rules clash
   */
  static CompiledMapping compile(ResourceMapping mapping, Map<String, SchemaInfo> named) {
    String coreUrn = mapping.coreSchemaUrn();
    List<BoundRule> bound = new ArrayList<>();
    for (MappingRule rule : mapping.rules()) {
      bound.add(check(mapping, BoundRule.bind(rule, coreUrn)));
    }
    List<AttributeBinding> ordered = BindingFactory.bindings(bound);
    Map<String, AttributeBinding> byKey = new HashMap<>();
    ordered.forEach(binding -> byKey.put(AttributeBinding.key(binding.schemaUrn(), binding.name()), binding));
    Map<String, AttributeBinding> bindings = Collections.unmodifiableMap(byKey);

    Map<String, SchemaInfo> used = new LinkedHashMap<>();
    for (AttributeBinding binding : ordered) {
      if (!binding.schemaUrn().equals(coreUrn)) {
        used.computeIfAbsent(binding.schemaUrn(), urn -> named.entrySet().stream()
            .filter(entry -> entry.getKey().equalsIgnoreCase(urn))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElseGet(() -> SchemaInfo.defaultFor(urn)));
      }
    }
    Map<String, SchemaInfo> extensions = Collections.unmodifiableMap(used);
    List<SchemaResource> schemas = schemas(mapping, extensions, ordered);
    ResourceTypeDefinition.Builder type = new ResourceTypeDefinition.Builder(mapping.name(), mapping.endpoint())
        .setId(mapping.name())
        .setDescription(mapping.description())
        .setCoreSchema(schemas.get(0));
    schemas.subList(1, schemas.size()).forEach(type::addOptionalSchemaExtension);

    checkDerivedAndPassword(mapping, bound);
    boolean members = mapping.publishesMembers();
    ResourceTypeDefinition resourceType = type.build();
    return new CompiledMapping(
        extensions,
        schemas,
        resourceType,
        SuggestedValues.withoutCanonicalValues(resourceType),
        new ResourceRenderer(coreUrn, ordered),
        new ResourceReader(coreUrn, extensions.keySet(), bindings, mapping.passwordHandler()),
        new FilterTranslator(mapping.name(), coreUrn, bindings, members ? null : mapping.groupDisplayAttribute()),
        new SortTranslator(coreUrn, bindings),
        mapping.derivedValues().stream().map(Derivation::new).toList());
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

  private static BoundRule check(ResourceMapping mapping, BoundRule bound) {
    MappingRule rule = bound.rule();
    if (rule.recordAttribute().equals(ResourceMapping.EXTERNAL_ID)) {
      throw new MappingException(rule.path(), "'externalId' is the built-in externalId's record attribute");
    }
    String reserved = mapping.publishesMembers() ? "members" : "groups";
    if (bound.schemaUrn().equals(mapping.coreSchemaUrn()) && bound.attribute().equalsIgnoreCase(reserved)) {
      throw new MappingException(rule.path(), "'" + reserved + "' is kept by the engine");
    }
    if (rule.uniqueness() != Uniqueness.NONE
        && (rule.multiValued() || rule.type() == Type.COMPLEX || bound.shape() == BoundRule.Shape.ELEMENT)) {
      throw new MappingException(rule.path(), "only a single-valued simple attribute can be unique");
    }
    return bound;
  }

  private static void checkDerivedAndPassword(ResourceMapping mapping, List<BoundRule> bound) {
    Set<String> taken = new LinkedHashSet<>();
    taken.add(ResourceMapping.EXTERNAL_ID);
    mapping.rules().forEach(rule -> taken.add(rule.recordAttribute()));
    for (DerivedValue value : mapping.derivedValues()) {
      if (!taken.add(value.recordAttribute())) {
        throw new MappingException(value.name(),
            "record attribute '" + value.recordAttribute() + "' is already bound");
      }
    }
    boolean password = bound.stream().anyMatch(rule -> rule.schemaUrn().equals(mapping.coreSchemaUrn())
        && rule.attribute().equalsIgnoreCase("password"));
    if (password && mapping.passwordHandler() == null) {
      throw new MappingException("password", "a mapping that maps password needs a PasswordHandler");
    }
  }

  private static List<SchemaResource> schemas(
      ResourceMapping mapping, Map<String, SchemaInfo> extensions, List<AttributeBinding> ordered) {
    List<SchemaResource> result = new ArrayList<>();
    List<AttributeDefinition> core = attributesOf(ordered, mapping.coreSchemaUrn());
    core.add(mapping.publishesMembers() ? EngineAttributes.members() : EngineAttributes.groups());
    result.add(new SchemaResource(mapping.coreSchemaUrn(), mapping.name(), mapping.description(), core));
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
}
