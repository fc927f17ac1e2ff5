package io.github.scimkit.core.store.memory;

import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.NewRecord;
import io.github.scimkit.core.store.RecordDeletion;
import io.github.scimkit.core.store.RecordStore;
import io.github.scimkit.core.store.RecordUpdate;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.ResultPage;
import io.github.scimkit.core.store.UniqueAttribute;
import io.github.scimkit.core.store.query.PageRequest;
import io.github.scimkit.core.store.query.StoreQuery;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The record operations users and groups share, over one {@link RecordTable} guarded by the
 * tenant's {@link TenantLock}. A search that matches every record in an indexed order reads its
 * page from the index under the read lock; any other search copies its matches and sorts them. Each write checks everything before it changes anything, and
 * records how to undo each change.
 */
abstract class InMemoryRecordStore implements RecordStore {

  /** The tenant's lock, shared by its stores. */
  final TenantLock lock;

  /** The records; read and written only under {@link #lock}. */
  final RecordTable table;

  InMemoryRecordStore(TenantLock lock, LongAdder examined) {
    this.lock = lock;
    this.table = new RecordTable(examined);
  }

  @Override
  public ResourceRecord create(NewRecord request) throws ScimException {
    ResourceRecord record = new ResourceRecord(
        request.id(), 1, request.created(), request.created(), request.attributes());
    StoredRecord stored = new StoredRecord(record, request.uniqueAttributes());
    return lock.write(undo -> {
      if (table.get(request.id()).isPresent()) {
        throw ResourceConflictException.uniqueness("The id '" + request.id() + "' is taken");
      }
      checkUnique(stored);
      install(stored.id(), stored, undo);
      return record;
    });
  }

  @Override
  public Optional<ResourceRecord> get(String id) throws ScimException {
    return lock.read(() -> table.get(id).map(StoredRecord::record));
  }

  @Override
  public ResourceRecord replace(RecordUpdate update) throws ScimException {
    return lock.write(undo -> {
      StoredRecord current = existing(update.id(), update.expectedVersion());
      ResourceRecord record = new ResourceRecord(update.id(), current.record().version() + 1,
          current.record().created(), update.lastModified(), update.attributes());
      StoredRecord stored = new StoredRecord(record, update.uniqueAttributes());
      checkUnique(stored);
      install(stored.id(), stored, undo);
      return record;
    });
  }

  @Override
  public void delete(RecordDeletion deletion) throws ScimException {
    lock.write(undo -> {
      existing(deletion.id(), deletion.expectedVersion());
      install(deletion.id(), null, undo);
      deleted(deletion.id(), undo);
      return null;
    });
  }

  @Override
  public ResultPage<ResourceRecord> search(StoreQuery query) throws ScimException {
    SortPosition after = null;
    if (query.page() instanceof PageRequest.Keyset keyset && keyset.token() != null) {
      after = KeysetTokens.recordsAfter(query, keyset.token());
    }
    SortPosition start = after;
    Optional<ResultPage<ResourceRecord>> indexed = lock.read(() -> RecordPages.indexed(query, table, start));
    if (indexed.isPresent()) {
      return indexed.get();
    }
    List<ResourceRecord> matches = lock.read(() -> table.matching(query.condition()));
    return RecordPages.page(query, matches, after);
  }

  /**
   * Removes what else belongs to a record that has just been deleted, recording the undo
   * actions. Runs under the write lock.
   *
   * @param id the deleted record's id
   * @param undo the log of the running write
   */
  abstract void deleted(String id, UndoLog undo);

  /** Returns a record that must exist and, when a version is expected, have it. */
  StoredRecord existing(String id, OptionalLong expectedVersion) throws ScimException {
    StoredRecord current = table.get(id)
        .orElseThrow(() -> new ResourceNotFoundException("No resource with id '" + id + "'"));
    long version = current.record().version();
    if (expectedVersion.isPresent() && expectedVersion.getAsLong() != version) {
      throw new PreconditionFailedException("Resource '" + id + "' has version " + version
          + ", not the expected " + expectedVersion.getAsLong());
    }
    return current;
  }

  /** Puts a record's new state in place, or removes it for {@code null}, recording the undo. */
  void install(String id, StoredRecord next, UndoLog undo) {
    StoredRecord previous = table.install(id, next);
    undo.record(() -> table.install(id, previous));
  }

  private void checkUnique(StoredRecord stored) throws ResourceConflictException {
    Optional<UniqueAttribute> clash = table.clash(stored);
    if (clash.isPresent()) {
      throw ResourceConflictException.uniqueness(
          "The value of '" + clash.get().name() + "' is already taken");
    }
  }
}
