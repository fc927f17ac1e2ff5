package io.github.scimkit.core.store.memory;

import java.util.Objects;

/**
 * Where a record stands in a sort: its sort key and its id.
 *
 * @param key the record's sort value, case-folded for a sort that is not case-exact, or {@code
 *     null} when the record has none
 * @param id the record id, which breaks ties
 */
record SortPosition(Object key, String id) {

  SortPosition {
    Objects.requireNonNull(id, "id");
  }
}
