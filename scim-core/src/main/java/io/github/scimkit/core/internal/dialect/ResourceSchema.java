package io.github.scimkit.core.internal.dialect;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.utils.SchemaUtils;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The schema lookup the normalisers use: a resource type's core schema, its extensions and the
 * common attributes ({@code id}, {@code externalId}, {@code meta}, {@code schemas}), with
 * attribute names and schema URNs matched case-insensitively (RFC 7643 §2.1).
 */
public final class ResourceSchema {

  private final String coreUrn;
  private final Map<String, String> urns;
  private final Map<String, Map<String, AttributeDefinition>> attributes;

  private ResourceSchema(SchemaResource core, List<SchemaResource> extensions) {
    this.coreUrn = core.getId();
    Map<String, String> urnMap = new LinkedHashMap<>();
    Map<String, Map<String, AttributeDefinition>> attributeMap = new LinkedHashMap<>();
    List<AttributeDefinition> coreAttributes = new ArrayList<>(core.getAttributes());
    coreAttributes.addAll(SchemaUtils.COMMON_ATTRIBUTE_DEFINITIONS);
    register(urnMap, attributeMap, core.getId(), coreAttributes);
    for (SchemaResource extension : extensions) {
      register(urnMap, attributeMap, extension.getId(), extension.getAttributes());
    }
    this.urns = Map.copyOf(urnMap);
    this.attributes = Map.copyOf(attributeMap);
  }

  /**
   * Returns the lookup for a resource type.
   *
   * @param core the core schema, such as the User schema
   * @param extensions the schema extensions of the resource type
   * @return the lookup
   */
  public static ResourceSchema of(SchemaResource core, SchemaResource... extensions) {
    Objects.requireNonNull(core, "core");
    return new ResourceSchema(core, List.of(extensions));
  }

  private static void register(
      Map<String, String> urnMap,
      Map<String, Map<String, AttributeDefinition>> attributeMap,
      String urn,
      Collection<AttributeDefinition> definitions) {
    urnMap.put(fold(urn), urn);
    attributeMap.put(urn, byName(definitions));
  }

  private static Map<String, AttributeDefinition> byName(
      Collection<AttributeDefinition> definitions) {
    Map<String, AttributeDefinition> map = new LinkedHashMap<>();
    for (AttributeDefinition definition : definitions) {
      map.put(fold(definition.getName()), definition);
    }
    return Map.copyOf(map);
  }

  private static String fold(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the URN of the core schema.
   *
   * @return the URN
   */
  public String coreUrn() {
    return coreUrn;
  }

  /**
   * Returns the canonical spelling of a schema URN of this resource type.
   *
   * @param urn a URN in any case
   * @return the URN as the schema spells it, or empty if the resource type has no such schema
   */
  public Optional<String> canonicalUrn(String urn) {
    return Optional.ofNullable(urns.get(fold(urn)));
  }

  /**
   * Tells whether a URN names one of the extensions.
   *
   * @param urn a URN in any case
   * @return whether it is an extension's URN
   */
  public boolean isExtension(String urn) {
    return canonicalUrn(urn).filter(canonical -> !canonical.equals(coreUrn)).isPresent();
  }

  /**
   * Finds a top-level attribute of a schema.
   *
   * @param schemaUrn the canonical URN of the schema
   * @param name the attribute name in any case
   * @return the definition, or empty if the schema has no such attribute
   */
  public Optional<AttributeDefinition> attribute(String schemaUrn, String name) {
    Map<String, AttributeDefinition> map = attributes.get(schemaUrn);
    return map == null ? Optional.empty() : Optional.ofNullable(map.get(fold(name)));
  }

  /**
   * Finds a sub-attribute of a complex attribute.
   *
   * @param parent the complex attribute
   * @param name the sub-attribute name in any case
   * @return the definition, or empty if there is no such sub-attribute
   */
  public static Optional<AttributeDefinition> subAttribute(AttributeDefinition parent, String name) {
    if (parent.getSubAttributes() == null) {
      return Optional.empty();
    }
    return parent.getSubAttributes().stream()
        .filter(sub -> sub.getName().equalsIgnoreCase(name))
        .findFirst();
  }

  /**
   * Finds the attribute a path ends at; value filters are not looked at.
   *
   * @param path an attribute path
   * @return the definition, or empty if the path names an unknown schema or attribute, or no
   *     attribute at all
   */
  public Optional<AttributeDefinition> find(Path path) {
    return canonicalPath(path).map(this::definitionOf);
  }

  /**
   * Returns a path with its schema URN and attribute names spelt as the schema spells them.
   *
   * @param path an attribute path
   * @return the path, or empty if it names an unknown schema or attribute, or no attribute at all
   */
  public Optional<Path> canonicalPath(Path path) {
    if (path.isRoot()) {
      return Optional.empty();
    }
    Optional<String> urn =
        path.getSchemaUrn() == null ? Optional.of(coreUrn) : canonicalUrn(path.getSchemaUrn());
    if (urn.isEmpty()) {
      return Optional.empty();
    }
    Optional<AttributeDefinition> current = attribute(urn.get(), path.getElement(0).getAttribute());
    Path canonical =
        path.getSchemaUrn() == null ? Path.root() : Path.root(urn.get());
    for (int i = 0; i < path.size(); i++) {
      if (i > 0) {
        String name = path.getElement(i).getAttribute();
        current = current.flatMap(parent -> subAttribute(parent, name));
      }
      if (current.isEmpty()) {
        return Optional.empty();
      }
      canonical = canonical.attribute(current.get().getName(), path.getElement(i).getValueFilter());
    }
    return Optional.of(canonical);
  }

  private AttributeDefinition definitionOf(Path canonical) {
    String urn = canonical.getSchemaUrn() == null ? coreUrn : canonical.getSchemaUrn();
    AttributeDefinition definition =
        attributes.get(urn).get(fold(canonical.getElement(0).getAttribute()));
    for (int i = 1; i < canonical.size(); i++) {
      definition = subAttribute(definition, canonical.getElement(i).getAttribute()).orElseThrow();
    }
    return definition;
  }
}
