package io.github.scimkit.core.store;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A membership delta for one group: the member ids to add, to remove, or to keep as the only
 * members, depending on the {@link GroupStore} method it is given to.
 *
 * @param groupId the group
 * @param memberIds the user ids, in the order given, without duplicates
 * @param modifiedAt the time that becomes the group's {@code lastModified} when it changes
 */
public record MembershipChange(String groupId, Set<String> memberIds, Instant modifiedAt) {

  /** Checks the fields and copies the ids. */
  public MembershipChange {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(modifiedAt, "modifiedAt");
    memberIds = Collections.unmodifiableSet(new LinkedHashSet<>(memberIds));
  }

  /**
   * Returns a change for the given ids.
   *
   * @param groupId the group
   * @param memberIds the user ids; duplicates are dropped
   * @param modifiedAt the modification time
   * @return the change
   */
  public static MembershipChange of(String groupId, Collection<String> memberIds, Instant modifiedAt) {
    return new MembershipChange(groupId, new LinkedHashSet<>(memberIds), modifiedAt);
  }
}
