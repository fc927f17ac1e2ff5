package io.github.scimkit.core.store.memory;

import io.github.scimkit.core.store.query.Sort;
import java.util.Iterator;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One sort order over every record of a table: a sorted map from each record's {@link
 * SortPosition} to the record, so a page in that order (either direction) starts in O(log n)
 * and costs one step per record it returns. Not thread-safe.
 */
final class OrderedIndex {

  private final Sort ascending;
  private final TreeMap<SortPosition, StoredRecord> entries;

  /** Creates an empty index for the ascending form of a sort. */
  OrderedIndex(Sort sort) {
    this.ascending = Sort.ascending(sort.attribute(), sort.caseExact());
    this.entries = new TreeMap<>(RecordOrdering.positions(ascending));
  }

  /** Tells whether this index orders records as a sort does, in either direction. */
  boolean serves(Sort sort) {
    return sort.attribute().equals(ascending.attribute()) && sort.caseExact() == ascending.caseExact();
  }

  void add(StoredRecord stored) {
    entries.put(RecordOrdering.position(stored.record(), ascending), stored);
  }

  void remove(StoredRecord stored) {
    entries.remove(RecordOrdering.position(stored.record(), ascending));
  }

  /**
   * Returns the records in a direction, strictly after a position in that direction's order.
   *
   * @param descending the direction
   * @param after the position to start after, or {@code null} for the start
   * @return the records, lazily
   */
  Iterator<StoredRecord> after(boolean descending, SortPosition after) {
    NavigableMap<SortPosition, StoredRecord> view = entries;
    if (descending) {
      view = after == null ? entries.descendingMap() : entries.headMap(after, false).descendingMap();
    } else if (after != null) {
      view = entries.tailMap(after, false);
    }
    return view.values().iterator();
  }
}
