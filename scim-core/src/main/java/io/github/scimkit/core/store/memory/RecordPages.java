package io.github.scimkit.core.store.memory;

import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.ResultPage;
import io.github.scimkit.core.store.query.PageRequest;
import io.github.scimkit.core.store.query.StoreQuery;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** Cuts the page a query asks for out of its matching records. */
final class RecordPages {

  private RecordPages() {}

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
