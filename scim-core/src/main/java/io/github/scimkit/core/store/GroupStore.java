package io.github.scimkit.core.store;

import com.unboundid.scim2.common.exceptions.ScimException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps one tenant's groups and their members.
 *
 * <p>Members are user ids; groups do not nest. Membership changes as deltas that touch only the
 * members they name: adding one member to a group of a million neither reads nor writes the
 * other members. A delta needs no expected version, raises the group's version by one when it
 * changes something, and is idempotent: adding a present member or removing an absent one is no
 * error and changes nothing. Concurrent deltas on one group never lose each other's members.
 *
 * <p>The store does not check that member ids are users; the engine does, in the same {@link
 * UnitOfWork}.
 */
public interface GroupStore extends RecordStore {

  /**
   * Adds members to a group. Cost grows with the number of ids named, not with the group's size.
   *
   * @param change the group, the member ids to add and the modification time
   * @return the group as it now is, and the ids that were not members before
   * @throws com.unboundid.scim2.common.exceptions.ResourceNotFoundException when there is no such
   *     group
   * @throws ScimException when the store fails
   */
  MembershipResult addMembers(MembershipChange change) throws ScimException;

  /**
   * Removes members from a group. Cost grows with the number of ids named, not with the group's
   * size.
   *
   * @param change the group, the member ids to remove and the modification time
   * @return the group as it now is, and the ids that were members before
   * @throws com.unboundid.scim2.common.exceptions.ResourceNotFoundException when there is no such
   *     group
   * @throws ScimException when the store fails
   */
  MembershipResult removeMembers(MembershipChange change) throws ScimException;

  /**
   * Makes the given ids the group's only members, carried out as the difference from the current
   * members. Cost grows with the size of the group and of the new list.
   *
   * @param change the group, the complete new member ids and the modification time
   * @return the group as it now is, the ids added and the ids removed
   * @throws com.unboundid.scim2.common.exceptions.ResourceNotFoundException when there is no such
   *     group
   * @throws ScimException when the store fails
   */
  MembershipResult replaceMembers(MembershipChange change) throws ScimException;

  /**
   * Lists a group's member ids in ascending order, one page at a time. The page streams: close it.
   *
   * @param query the group and the page
   * @return the page of member ids
   * @throws com.unboundid.scim2.common.exceptions.ResourceNotFoundException when there is no such
   *     group
   * @throws ScimException when the store fails
   */
  ResultPage<String> members(MemberQuery query) throws ScimException;

  /**
   * Tells whether a user is a member of a group, without reading the other members.
   *
   * @param groupId the group
   * @param memberId the user
   * @return {@code true} when the user is a member
   * @throws ScimException when the store fails
   */
  boolean isMember(String groupId, String memberId) throws ScimException;

  /**
   * Lists the ids of the groups a user belongs to, in ascending order. The stream may hold
   * resources: close it.
   *
   * @param memberId the user
   * @return the group ids, empty when there are none or the user is unknown
   * @throws ScimException when the store fails
   */
  Stream<String> groupsOf(String memberId) throws ScimException;

  /**
   * Returns the groups of many users at once, in one store round trip whatever the number of
   * users: what the engine renders as the users' {@code groups} on a page of results. Group
   * records come without their members.
   *
   * @param memberIds the users
   * @return for each user in at least one group, its groups in ascending id order; users in no
   *     group, or unknown, are absent
   * @throws ScimException when the store fails
   */
  Map<String, List<ResourceRecord>> groupsOfMembers(Set<String> memberIds) throws ScimException;
}
