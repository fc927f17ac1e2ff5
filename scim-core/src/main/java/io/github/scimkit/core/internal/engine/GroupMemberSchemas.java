package io.github.scimkit.core.internal.engine;

import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import com.unboundid.scim2.common.types.AttributeDefinition.Returned;
import com.unboundid.scim2.common.types.AttributeDefinition.Type;
import com.unboundid.scim2.common.types.AttributeDefinition.Uniqueness;
import com.unboundid.scim2.common.types.SchemaResource;
import io.github.scimkit.core.resource.GroupMemberView;
import java.util.List;

/**
 * The published schemas of draft-zollner-scim-group-members-01 §7.1: the GroupMember resource
 * and the Group extension that carries {@code membersMetadata}, limited to what ScimKit serves
 * (members are users; groups do not nest).
 */
public final class GroupMemberSchemas {

  /** The policy ScimKit serves: members stay on the Group as well (§5.1). */
  public static final String POLICY = "inline";

  private GroupMemberSchemas() {}

  /**
   * Returns the GroupMember schema and the Group extension schema, in that order.
   *
   * @return the two schemas
   */
  public static List<SchemaResource> all() {
    AttributeDefinition group = complex("group", Mutability.IMMUTABLE, true,
        sub("value", Type.STRING, Mutability.IMMUTABLE, true).setCaseExact(true).build(),
        sub("$ref", Type.REFERENCE, Mutability.READ_ONLY, false).addReferenceTypes("Group").build(),
        sub("display", Type.STRING, Mutability.READ_ONLY, false).build());
    AttributeDefinition member = complex("member", Mutability.IMMUTABLE, true,
        sub("value", Type.STRING, Mutability.IMMUTABLE, true).setCaseExact(true).build(),
        sub("$ref", Type.REFERENCE, Mutability.READ_ONLY, false).addReferenceTypes("User").build(),
        sub("type", Type.STRING, Mutability.IMMUTABLE, false).addCanonicalValues(GroupMemberView.MEMBER_TYPE).build(),
        sub("display", Type.STRING, Mutability.READ_ONLY, false).build());
    AttributeDefinition metadata = complex("membersMetadata", Mutability.READ_ONLY, false,
        sub("policy", Type.STRING, Mutability.READ_ONLY, false)
            .addCanonicalValues("inline", "external", "hybrid").build(),
        sub("ref", Type.REFERENCE, Mutability.READ_ONLY, false).addReferenceTypes("uri").build(),
        sub("memberCount", Type.INTEGER, Mutability.READ_ONLY, false).build(),
        sub("allowedMemberTypes", Type.STRING, Mutability.READ_ONLY, false).setMultiValued(true)
            .addCanonicalValues(GroupMemberView.MEMBER_TYPE).build());
    return List.of(
        new SchemaResource(GroupMemberView.SCHEMA, GroupMemberView.RESOURCE_TYPE,
            "A direct membership of a user in a group", List.of(group, member)),
        new SchemaResource(GroupMemberView.GROUP_EXTENSION, "GroupMembersMetadata",
            "How a group's members are served", List.of(metadata)));
  }

  private static AttributeDefinition complex(
      String name, Mutability mutability, boolean required, AttributeDefinition... subAttributes) {
    return new AttributeDefinition.Builder().setName(name).setType(Type.COMPLEX).setMutability(mutability)
        .setRequired(required)
        .setReturned(Returned.DEFAULT).setUniqueness(Uniqueness.NONE).addSubAttributes(subAttributes).build();
  }

  private static AttributeDefinition.Builder sub(String name, Type type, Mutability mutability, boolean required) {
    return new AttributeDefinition.Builder().setName(name).setType(type).setMutability(mutability)
        .setRequired(required).setReturned(Returned.DEFAULT).setUniqueness(Uniqueness.NONE);
  }
}
