package io.github.scimkit.core.store.memory;

import io.github.scimkit.core.store.UserStore;
import java.util.concurrent.atomic.LongAdder;

/** One tenant's users in memory. Deleting a user leaves its memberships to the engine. */
final class InMemoryUserStore extends InMemoryRecordStore implements UserStore {

  InMemoryUserStore(TenantLock lock, LongAdder examined) {
    super(lock, examined);
  }

  @Override
  void deleted(String id, UndoLog undo) {
    // Memberships are removed by the engine, through the group store, in the same unit of work.
  }
}
