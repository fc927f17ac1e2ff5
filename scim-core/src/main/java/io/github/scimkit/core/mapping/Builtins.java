package io.github.scimkit.core.mapping;

import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import com.unboundid.scim2.common.types.AttributeDefinition.Returned;
import com.unboundid.scim2.common.types.AttributeDefinition.Type;
import com.unboundid.scim2.common.types.AttributeDefinition.Uniqueness;

/** Definitions of the built-in attributes every resource has, as filters see them. */
final class Builtins {

  static final AttributeDefinition ID = string("id", Mutability.READ_ONLY, Uniqueness.SERVER);
  static final AttributeDefinition EXTERNAL_ID =
      string("externalId", Mutability.READ_WRITE, Uniqueness.NONE);
  static final AttributeDefinition GROUP_DISPLAY = new AttributeDefinition.Builder().setName("display")
      .setType(Type.STRING).setCaseExact(false).setMutability(Mutability.READ_ONLY)
      .setReturned(Returned.DEFAULT).setUniqueness(Uniqueness.NONE).build();
  static final AttributeDefinition CREATED = dateTime("created");
  static final AttributeDefinition LAST_MODIFIED = dateTime("lastModified");

  private Builtins() {}

  private static AttributeDefinition string(String name, Mutability mutability,
      Uniqueness uniqueness) {
    return new AttributeDefinition.Builder().setName(name).setType(Type.STRING)
        .setCaseExact(true).setMutability(mutability).setReturned(Returned.DEFAULT)
        .setUniqueness(uniqueness).build();
  }

  private static AttributeDefinition dateTime(String name) {
    return new AttributeDefinition.Builder().setName(name).setType(Type.DATETIME)
        .setMutability(Mutability.READ_ONLY).setReturned(Returned.DEFAULT)
        .setUniqueness(Uniqueness.NONE).build();
  }
}
