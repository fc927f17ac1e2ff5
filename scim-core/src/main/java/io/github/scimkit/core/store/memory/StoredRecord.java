package io.github.scimkit.core.store.memory;

import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.UniqueAttribute;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A record as a table keeps it: the record and the unique attributes its last write declared.
 *
 * @param record the record
 * @param uniqueAttributes the declared unique attributes, without duplicates
 */
record StoredRecord(ResourceRecord record, List<UniqueAttribute> uniqueAttributes) {

  StoredRecord {
    Objects.requireNonNull(record, "record");
    uniqueAttributes = List.copyOf(new LinkedHashSet<>(uniqueAttributes));
  }

  String id() {
    return record.id();
  }

  /** Returns a copy with another record and the same unique attributes. */
  StoredRecord with(ResourceRecord next) {
    return new StoredRecord(next, uniqueAttributes);
  }
}
