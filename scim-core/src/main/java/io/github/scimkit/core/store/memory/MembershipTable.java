package io.github.scimkit.core.store.memory;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Group members in ascending id order, with the reverse index from member to groups, so that
 * membership tests, single changes and keyset pages cost O(log n). Not thread-safe.
 */
final class MembershipTable {

  private final Map<String, NavigableSet<String>> membersByGroup = new HashMap<>();
  private final Map<String, NavigableSet<String>> groupsByMember = new HashMap<>();

  /** Adds a member; returns whether it was absent. */
  boolean add(String groupId, String memberId) {
    boolean added = membersByGroup.computeIfAbsent(groupId, unused -> new TreeSet<>()).add(memberId);
    if (added) {
      groupsByMember.computeIfAbsent(memberId, unused -> new TreeSet<>()).add(groupId);
    }
    return added;
  }

  /** Removes a member; returns whether it was present. */
  boolean remove(String groupId, String memberId) {
    boolean removed = removeFrom(membersByGroup, groupId, memberId);
    if (removed) {
      removeFrom(groupsByMember, memberId, groupId);
    }
    return removed;
  }

  /** Tells whether a user is a member of a group. */
  boolean contains(String groupId, String memberId) {
    return membersByGroup.getOrDefault(groupId, Collections.emptyNavigableSet()).contains(memberId);
  }

  /** Returns a group's members in ascending order, as a read-only view. */
  NavigableSet<String> members(String groupId) {
    return Collections.unmodifiableNavigableSet(
        membersByGroup.getOrDefault(groupId, Collections.emptyNavigableSet()));
  }

  /** Returns the groups of a member in ascending order, as a read-only view. */
  NavigableSet<String> groupsOf(String memberId) {
    return Collections.unmodifiableNavigableSet(
        groupsByMember.getOrDefault(memberId, Collections.emptyNavigableSet()));
  }

  private static boolean removeFrom(Map<String, NavigableSet<String>> index, String key, String value) {
    NavigableSet<String> values = index.get(key);
    if (values == null || !values.remove(value)) {
      return false;
    }
    if (values.isEmpty()) {
      index.remove(key);
    }
    return true;
  }
}
