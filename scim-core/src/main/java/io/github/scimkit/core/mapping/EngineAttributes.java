package io.github.scimkit.core.mapping;

import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import com.unboundid.scim2.common.types.AttributeDefinition.Returned;
import com.unboundid.scim2.common.types.AttributeDefinition.Type;
import com.unboundid.scim2.common.types.AttributeDefinition.Uniqueness;

/**
 * The published definitions of the attributes the engine keeps rather than a rule: Group {@code
 * members} and User {@code groups} (RFC 7643 §4.1.2, §4.2).
 */
final class EngineAttributes {

  private EngineAttributes() {}

  /** Group {@code members}: users only, since groups do not nest, so neither type nor $ref offers Group. */
  static AttributeDefinition members() {
    AttributeDefinition value = sub("value", Type.STRING, Mutability.IMMUTABLE).setCaseExact(true).build();
    AttributeDefinition ref = sub("$ref", Type.REFERENCE, Mutability.IMMUTABLE)
        .addReferenceTypes("User").build();
    AttributeDefinition display = sub("display", Type.STRING, Mutability.READ_ONLY).build();
    AttributeDefinition type = sub("type", Type.STRING, Mutability.IMMUTABLE)
        .addCanonicalValues("User").build();
    return new AttributeDefinition.Builder().setName("members").setType(Type.COMPLEX)
        .setMultiValued(true).setMutability(Mutability.READ_WRITE).setReturned(Returned.DEFAULT)
        .setUniqueness(Uniqueness.NONE).addSubAttributes(value, ref, display, type).build();
  }

  /** User {@code groups}: read-only, changed only through the groups' members. */
  static AttributeDefinition groups() {
    AttributeDefinition value = sub("value", Type.STRING, Mutability.READ_ONLY).setCaseExact(true).build();
    AttributeDefinition ref = sub("$ref", Type.REFERENCE, Mutability.READ_ONLY)
        .addReferenceTypes("Group").build();
    AttributeDefinition display = sub("display", Type.STRING, Mutability.READ_ONLY).build();
    AttributeDefinition type = sub("type", Type.STRING, Mutability.READ_ONLY)
        .addCanonicalValues("direct", "indirect").build();
    return new AttributeDefinition.Builder().setName("groups").setType(Type.COMPLEX)
        .setMultiValued(true).setMutability(Mutability.READ_ONLY).setReturned(Returned.DEFAULT)
        .setUniqueness(Uniqueness.NONE).addSubAttributes(value, ref, display, type).build();
  }

  private static AttributeDefinition.Builder sub(String name, Type type, Mutability mutability) {
    return new AttributeDefinition.Builder().setName(name).setType(type)
        .setMutability(mutability).setReturned(Returned.DEFAULT).setUniqueness(Uniqueness.NONE);
  }
}
