package io.github.scimkit.core.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A stored user or group: its identity, its version and timestamps, and its attribute values.
 *
 * <p>The store assigns {@code version}: 1 on create, one more on every write, membership changes
 * of a group included. Timestamps are kept at millisecond precision. A group's members are not
 * part of its record; {@link GroupStore} manages them as deltas.
 *
 * @param id the resource id, unique in its tenant and store, compared case-exactly
 * @param version the store-assigned version, at least 1
 * @param created when the resource was created
 * @param lastModified when the resource last changed
 * @param attributes the attribute values, SCIM-mapped and host-owned alike
 */
public record ResourceRecord(
    String id, long version, Instant created, Instant lastModified, Attributes attributes) {

  /** Checks and normalises the fields. */
  public ResourceRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(attributes, "attributes");
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1: " + version);
    }
    created = Objects.requireNonNull(created, "created").truncatedTo(ChronoUnit.MILLIS);
    lastModified = Objects.requireNonNull(lastModified, "lastModified").truncatedTo(ChronoUnit.MILLIS);
  }
}
