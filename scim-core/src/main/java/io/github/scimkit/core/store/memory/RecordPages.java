package io.github.scimkit.core.store.memory;

import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.ResultPage;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.PageRequest;
import io.github.scimkit.core.store.query.StoreQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Cuts the page a query asks for: from an ordered index when the query matches every record in
 * an indexed order (O(log n + page) for keyset pages, O(offset + page) for offset pages), else
 * out of the matching records, sorted.
 */
final class RecordPages {

  private RecordPages() {}

  /**
   * Returns the page of a query that matches every record in the order of one of the table's
   * ordered indexes, read straight from that index; empty for any other query. Runs under the
   * tenant's read lock.
   *
   * @param query the query
   * @param table the records
   * @param after for a keyset page, the position after which it starts; {@code null} for the start
   * @return the page, or empty
   */
  static Optional<ResultPage<ResourceRecord>> indexed(StoreQuery query, RecordTable table, SortPosition after) {
    if (query.condition() != Condition.all()) {
      return Optional.empty();
    }
    Optional<OrderedIndex> index = table.ordered(query.sort());
    if (index.isEmpty()) {
      return Optional.empty();
    }
    OptionalLong total = OptionalLong.of(table.size());
    PageRequest page = query.page();
    if (page instanceof PageRequest.Offset offset) {
      Iterator<ResourceRecord> records = table.walk(index.get(), query.sort(), null);
      for (long skipped = 0; skipped < offset.offset() && records.hasNext(); skipped++) {
        records.next();
      }
      return Optional.of(ResultPage.of(take(records, offset.count()), total, Optional.empty()));
    }
    if (page instanceof PageRequest.Keyset keyset) {
      Iterator<ResourceRecord> records = table.walk(index.get(), query.sort(), after);
      List<ResourceRecord> items = take(records, keyset.count());
      Optional<String> next = Optional.empty();
      if (records.hasNext()) {
        SortPosition last = items.isEmpty() ? after
            : RecordOrdering.position(items.get(items.size() - 1), query.sort());
        next = Optional.of(KeysetTokens.forRecords(query, last));
      }
      return Optional.of(ResultPage.of(items, total, next));
    }
    return Optional.of(ResultPage.of(List.of(), total, Optional.empty()));
  }

  private static List<ResourceRecord> take(Iterator<ResourceRecord> records, int count) {
    List<ResourceRecord> items = new ArrayList<>(Math.min(count, 1024));
    while (items.size() < count && records.hasNext()) {
      items.add(records.next());
    }
    return items;
  }

  /**
   * Returns a page of the matches, with the total.
   *
   * @param query the query
   * @param matches every record that matches, in any order
   * @param after for a keyset page, the position after which it starts; {@code null} for the
   *     start
   */
  static ResultPage<ResourceRecord> page(
      StoreQuery query, List<ResourceRecord> matches, SortPosition after) {
    OptionalLong total = OptionalLong.of(matches.size());
    PageRequest page = query.page();
    if (page instanceof PageRequest.Offset offset) {
      List<ResourceRecord> items = sorted(positioned(query, matches), order(query)).stream()
          .skip(offset.offset())
          .limit(offset.count())
          .map(Positioned::record)
          .collect(Collectors.toList());
      return ResultPage.of(items, total, Optional.empty());
    }
    if (page instanceof PageRequest.Keyset keyset) {
      return keyset(query, matches, after, keyset.count(), total);
    }
    return ResultPage.of(List.of(), total, Optional.empty());
  }

  private static ResultPage<ResourceRecord> keyset(StoreQuery query, List<ResourceRecord> matches,
      SortPosition after, int count, OptionalLong total) {
    Comparator<SortPosition> order = order(query);
    List<Positioned> following = sorted(positioned(query, matches).stream()
        .filter(item -> after == null || order.compare(item.position(), after) > 0)
        .collect(Collectors.toList()), order);
    List<Positioned> items = following.subList(0, Math.min(count, following.size()));
    Optional<String> next = Optional.empty();
    if (following.size() > items.size()) {
      SortPosition last = items.isEmpty() ? after : items.get(items.size() - 1).position();
      next = Optional.of(KeysetTokens.forRecords(query, last));
    }
    return ResultPage.of(
        items.stream().map(Positioned::record).collect(Collectors.toList()), total, next);
  }

  private static Comparator<SortPosition> order(StoreQuery query) {
    return RecordOrdering.positions(query.sort());
  }

  private static List<Positioned> positioned(StoreQuery query, List<ResourceRecord> matches) {
    return matches.stream()
        .map(record -> new Positioned(record, RecordOrdering.position(record, query.sort())))
        .collect(Collectors.toList());
  }

  private static List<Positioned> sorted(List<Positioned> items, Comparator<SortPosition> order) {
    items.sort(Comparator.comparing(Positioned::position, order));
    return items;
  }

  /** A record with its position, computed once per search. */
  private record Positioned(ResourceRecord record, SortPosition position) {}
}
