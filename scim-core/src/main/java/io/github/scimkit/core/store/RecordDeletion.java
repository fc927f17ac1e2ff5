package io.github.scimkit.core.store;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A request to delete a record. The engine removes a deleted user's group memberships in the same
 * unit of work.
 *
 * @param id the record to delete
 * @param expectedVersion the version the caller read; when present and stale the store fails with
 *     a precondition error and deletes nothing
 */
public record RecordDeletion(String id, OptionalLong expectedVersion) {

  /** Checks the fields. */
  public RecordDeletion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(expectedVersion, "expectedVersion");
  }

  /**
   * Returns an unconditional deletion.
   *
   * @param id the record to delete
   * @return the deletion
   */
  public static RecordDeletion of(String id) {
    return new RecordDeletion(id, OptionalLong.empty());
  }
}
