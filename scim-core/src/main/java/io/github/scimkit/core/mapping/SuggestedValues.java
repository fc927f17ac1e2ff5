package io.github.scimkit.core.mapping;

import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Copies a resource type without canonical values, for the lenient mode's schema checker: RFC
 * 7643 §7 calls canonical values suggestions, and the SDK's checker refuses any value outside
 * them, which strict mode keeps and lenient mode does not.
 */
final class SuggestedValues {

  private SuggestedValues() {}

  /** The same resource type, schemas and attributes, with no attribute carrying canonical values. */
  static ResourceTypeDefinition withoutCanonicalValues(ResourceTypeDefinition type) {
    ResourceTypeDefinition.Builder copy = new ResourceTypeDefinition.Builder(type.getName(), type.getEndpoint())
        .setDescription(type.getDescription())
        .setCoreSchema(schema(type.getCoreSchema()));
    for (Map.Entry<SchemaResource, Boolean> extension : type.getSchemaExtensions().entrySet()) {
      if (extension.getValue()) {
        copy.addRequiredSchemaExtension(schema(extension.getKey()));
      } else {
        copy.addOptionalSchemaExtension(schema(extension.getKey()));
      }
    }
    return copy.build();
  }

  private static SchemaResource schema(SchemaResource schema) {
    return new SchemaResource(schema.getId(), schema.getName(), schema.getDescription(),
        attributes(schema.getAttributes()));
  }

  private static List<AttributeDefinition> attributes(Collection<AttributeDefinition> attributes) {
    return attributes == null ? List.of() : attributes.stream().map(SuggestedValues::attribute).toList();
  }

  private static AttributeDefinition attribute(AttributeDefinition attribute) {
    AttributeDefinition.Builder copy = new AttributeDefinition.Builder()
        .setName(attribute.getName())
        .setType(attribute.getType())
        .setMultiValued(attribute.isMultiValued())
        .setDescription(attribute.getDescription())
        .setRequired(attribute.isRequired())
        .setCaseExact(attribute.isCaseExact())
        .setMutability(attribute.getMutability())
        .setReturned(attribute.getReturned())
        .setUniqueness(attribute.getUniqueness());
    if (attribute.getReferenceTypes() != null) {
      copy.addReferenceTypes(attribute.getReferenceTypes().toArray(String[]::new));
    }
    if (attribute.getSubAttributes() != null) {
      copy.addSubAttributes(attributes(attribute.getSubAttributes()).toArray(AttributeDefinition[]::new));
    }
    return copy.build();
  }
}
