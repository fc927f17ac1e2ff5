package io.github.scimkit.core.resource;

import java.time.Instant;
import java.util.Objects;

/**
 * One direct membership as the GroupMember resource of draft-zollner-scim-group-members-01 shows
 * it: a user in a group. Groups do not nest, so the member is always a {@code User}. The HTTP
 * layer adds {@code $ref}s and {@code meta.location}, which need the base address.
 *
 * <p>ScimKit keeps no time per membership: {@code created} and {@code lastModified} are the later
 * of the group's and the user's creation times, the earliest moment the membership can have been
 * made.
 *
 * @param id the opaque id, stable for the (group, member) pair
 * @param groupId the group's id
 * @param groupDisplay the group's display name, or {@code null} when it has none
 * @param memberId the user's id
 * @param memberDisplay the user's display name, or {@code null} when it has none
 * @param created see above
 * @param lastModified equal to {@code created}: a membership is never modified, only deleted
 */
public record GroupMemberView(
    String id,
    String groupId,
    String groupDisplay,
    String memberId,
    String memberDisplay,
    Instant created,
    Instant lastModified) {

  /** The GroupMember resource's core schema. */
  public static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:GroupMember";

  /** The Group extension that carries {@code membersMetadata}. */
  public static final String GROUP_EXTENSION = "urn:ietf:params:scim:schemas:extension:groupMembers:2.0:Group";

  /** The resource type's name, and the value of {@code meta.resourceType}. */
  public static final String RESOURCE_TYPE = "GroupMember";

  /** The member type: groups do not nest, so it is always a user. */
  public static final String MEMBER_TYPE = "User";

  /** Checks the fields. */
  public GroupMemberView {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(memberId, "memberId");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(lastModified, "lastModified");
  }
}
