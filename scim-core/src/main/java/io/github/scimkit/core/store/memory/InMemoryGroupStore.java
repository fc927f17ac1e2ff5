package io.github.scimkit.core.store.memory;

import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.GroupStore;
import io.github.scimkit.core.store.MemberQuery;
import io.github.scimkit.core.store.MembershipChange;
import io.github.scimkit.core.store.MembershipResult;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.ResultPage;
import io.github.scimkit.core.store.query.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One tenant's groups in memory, with their members in a {@link MembershipTable}. A membership
 * delta touches only the ids it names and raises the group's version only when it changes
 * something.
 */
final class InMemoryGroupStore extends InMemoryRecordStore implements GroupStore {

  private final MembershipTable memberships = new MembershipTable();

  InMemoryGroupStore(TenantLock lock, LongAdder examined) {
    super(lock, examined);
  }

  @Override
  public MembershipResult addMembers(MembershipChange change) throws ScimException {
    return lock.write(undo -> {
      StoredRecord group = existing(change.groupId(), OptionalLong.empty());
      Set<String> added = add(change.groupId(), change.memberIds(), undo);
      return result(group, change.modifiedAt(), added, Set.of(), undo);
    });
  }

  @Override
  public MembershipResult removeMembers(MembershipChange change) throws ScimException {
    return lock.write(undo -> {
      StoredRecord group = existing(change.groupId(), OptionalLong.empty());
      Set<String> removed = remove(change.groupId(), change.memberIds(), undo);
      return result(group, change.modifiedAt(), Set.of(), removed, undo);
    });
  }

  @Override
  public MembershipResult replaceMembers(MembershipChange change) throws ScimException {
    return lock.write(undo -> {
      StoredRecord group = existing(change.groupId(), OptionalLong.empty());
      List<String> former = new ArrayList<>(memberships.members(change.groupId()));
      former.removeAll(change.memberIds());
      Set<String> removed = remove(change.groupId(), former, undo);
      Set<String> added = add(change.groupId(), change.memberIds(), undo);
      return result(group, change.modifiedAt(), added, removed, undo);
    });
  }

  @Override
  public ResultPage<String> members(MemberQuery query) throws ScimException {
    String groupId = query.groupId();
    String after = null;
    if (query.page() instanceof PageRequest.Keyset keyset && keyset.token() != null) {
      after = KeysetTokens.membersAfter(groupId, keyset.token());
    }
    String start = after;
    return lock.read(() -> {
      existing(groupId, OptionalLong.empty());
      NavigableSet<String> members = memberships.members(groupId);
      OptionalLong total = OptionalLong.of(members.size());
      PageRequest page = query.page();
      if (page instanceof PageRequest.Offset offset) {
        List<String> items = members.stream()
            .skip(offset.offset())
            .limit(offset.count())
            .collect(Collectors.toList());
        return ResultPage.of(items, total, Optional.empty());
      }
      if (page instanceof PageRequest.Keyset keyset) {
        return keysetPage(groupId, members, start, keyset.count(), total);
      }
      return ResultPage.of(List.of(), total, Optional.empty());
    });
  }

  @Override
  public boolean isMember(String groupId, String memberId) throws ScimException {
    return lock.read(() -> memberships.contains(groupId, memberId));
  }

  @Override
  public Stream<String> groupsOf(String memberId) throws ScimException {
    return lock.read(() -> List.copyOf(memberships.groupsOf(memberId))).stream();
  }

  @Override
  public Map<String, List<ResourceRecord>> groupsOfMembers(Set<String> memberIds) throws ScimException {
    return lock.read(() -> {
      Map<String, List<ResourceRecord>> result = new HashMap<>();
      for (String memberId : memberIds) {
        List<ResourceRecord> groups = new ArrayList<>();
        for (String groupId : memberships.groupsOf(memberId)) {
          groups.add(existing(groupId, OptionalLong.empty()).record());
        }
        if (!groups.isEmpty()) {
          result.put(memberId, List.copyOf(groups));
        }
      }
      return result;
    });
  }

  @Override
  void deleted(String id, UndoLog undo) {
    remove(id, List.copyOf(memberships.members(id)), undo);
  }

  private static ResultPage<String> keysetPage(
      String groupId, NavigableSet<String> members, String after, int count, OptionalLong total) {
    Iterator<String> following =
        (after == null ? members : members.tailSet(after, false)).iterator();
    List<String> items = new ArrayList<>(Math.min(count, members.size()));
    while (items.size() < count && following.hasNext()) {
      items.add(following.next());
    }
    Optional<String> next = Optional.empty();
    if (following.hasNext()) {
      String last = items.isEmpty() ? after : items.get(items.size() - 1);
      next = Optional.of(KeysetTokens.forMembers(groupId, last));
    }
    return ResultPage.of(items, total, next);
  }

  private Set<String> add(String groupId, Iterable<String> memberIds, UndoLog undo) {
    Set<String> added = new LinkedHashSet<>();
    for (String memberId : memberIds) {
      if (memberships.add(groupId, memberId)) {
        added.add(memberId);
        undo.record(() -> memberships.remove(groupId, memberId));
      }
    }
    return added;
  }

  private Set<String> remove(String groupId, Iterable<String> memberIds, UndoLog undo) {
    Set<String> removed = new LinkedHashSet<>();
    for (String memberId : memberIds) {
      if (memberships.remove(groupId, memberId)) {
        removed.add(memberId);
        undo.record(() -> memberships.add(groupId, memberId));
      }
    }
    return removed;
  }

  /** Raises the group's version and sets its modification time when members changed. */
  private MembershipResult result(StoredRecord group, Instant modifiedAt, Set<String> added,
      Set<String> removed, UndoLog undo) {
    ResourceRecord record = group.record();
    if (!added.isEmpty() || !removed.isEmpty()) {
      record = new ResourceRecord(record.id(), record.version() + 1, record.created(), modifiedAt,
          record.attributes());
      install(record.id(), group.with(record), undo);
    }
    return new MembershipResult(record, added, removed);
  }
}
