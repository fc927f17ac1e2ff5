package io.github.scimkit.core.store;

import java.util.Objects;
import java.util.Set;

/**
 * What a membership delta actually changed.
 *
 * @param group the group record after the change; its version is raised only when something
 *     changed
 * @param added the member ids that were added, absent before
 * @param removed the member ids that were removed, present before
 */
public record MembershipResult(ResourceRecord group, Set<String> added, Set<String> removed) {

  /** Checks the fields and copies the sets. */
  public MembershipResult {
    Objects.requireNonNull(group, "group");
    added = Set.copyOf(added);
    removed = Set.copyOf(removed);
  }

  /**
   * Tells whether the delta changed anything.
   *
   * @return {@code true} when members were added or removed
   */
  public boolean changed() {
    return !added.isEmpty() || !removed.isEmpty();
  }
}
