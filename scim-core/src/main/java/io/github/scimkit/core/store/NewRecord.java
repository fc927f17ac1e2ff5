package io.github.scimkit.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A request to create a record. The store stamps it with version 1 and {@code lastModified} equal
 * to {@code created}.
 *
 * @param id the id the engine chose for the new resource
 * @param created the creation time
 * @param attributes the attribute values
 * @param uniqueAttributes the attributes whose values must not clash with another record's
 */
public record NewRecord(
    String id, Instant created, Attributes attributes, List<UniqueAttribute> uniqueAttributes) {

  /** Checks the fields and copies the list. */
  public NewRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(attributes, "attributes");
    uniqueAttributes = List.copyOf(uniqueAttributes);
  }
}
