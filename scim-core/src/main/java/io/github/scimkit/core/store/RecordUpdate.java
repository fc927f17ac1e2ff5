package io.github.scimkit.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A request to replace a record's attributes. The store keeps {@code id} and {@code created},
 * sets {@code lastModified} and raises the version by one.
 *
 * @param id the record to change
 * @param expectedVersion the version the caller read; when present and stale the store fails with
 *     a precondition error and changes nothing
 * @param lastModified the modification time
 * @param attributes the complete new attribute values, host-owned ones included
 * @param uniqueAttributes the attributes whose values must not clash with another record's
 */
public record RecordUpdate(
    String id,
    OptionalLong expectedVersion,
    Instant lastModified,
    Attributes attributes,
    List<UniqueAttribute> uniqueAttributes) {

  /** Checks the fields and copies the list. */
  public RecordUpdate {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(expectedVersion, "expectedVersion");
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(attributes, "attributes");
    uniqueAttributes = List.copyOf(uniqueAttributes);
  }
}
