package io.github.scimkit.core.store.memory;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.UserStore;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * One tenant's users in memory. Deleting a user leaves its memberships to the engine; a search
 * evaluates {@link io.github.scimkit.core.store.query.Condition.MemberOf} on the tenant's groups.
 */
final class InMemoryUserStore extends InMemoryRecordStore implements UserStore {

  private final InMemoryGroupStore groups;

  InMemoryUserStore(TenantLock lock, LongAdder examined, InMemoryGroupStore groups) {
    super(lock, examined);
    this.groups = groups;
  }

  @Override
  public Set<String> existingIds(Set<String> ids) throws ScimException {
    return lock.read(() -> {
      Set<String> found = new HashSet<>();
      for (String id : ids) {
        if (table.get(id).isPresent()) {
          found.add(id);
        }
      }
      return found;
    });
  }

  @Override
  List<ResourceRecord> groupRecordsOf(String memberId) {
    return groups.recordsOfGroupsOf(memberId);
  }

  @Override
  void deleted(String id, UndoLog undo) {
    // Memberships are removed by the engine, through the group store, in the same unit of work.
  }
}
