package io.github.scimkit.core.store.memory;

import io.github.scimkit.core.store.BinaryValue;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.query.Sort;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Orders records by a {@link Sort}, as the {@link io.github.scimkit.core.store.query} package
 * documentation specifies.
 *
 * <p>The sort value is the first value at the sort attribute (sort attributes are single-valued),
 * folded with {@code toLowerCase(Locale.ROOT)} for a sort that is not case-exact. Records without
 * a value, or with a complex one, sort last ascending and first descending. Ties are broken by id
 * in the same direction. Strings order by UTF-16 code units, numbers numerically, instants in
 * time, {@code false} before {@code true} and binary values by unsigned bytes; should one
 * attribute hold values of several types, they order in that sequence of types.
 */
public final class RecordOrdering {

  private RecordOrdering() {}

  /**
   * Returns the comparator that puts records in a sort's order.
   *
   * @param sort the sort
   * @return the comparator
   */
  public static Comparator<ResourceRecord> of(Sort sort) {
    Objects.requireNonNull(sort, "sort");
    return Comparator.comparing(record -> position(record, sort), positions(sort));
  }

  /** Returns a record's position in a sort. */
  static SortPosition position(ResourceRecord record, Sort sort) {
    List<Object> values = RecordValues.of(record, sort.attribute());
    Object first = values.isEmpty() ? null : values.get(0);
    Object key = SimpleValues.isSimple(first) ? SimpleValues.fold(first, sort.caseExact()) : null;
    return new SortPosition(key, record.id());
  }

  /** Returns the order of positions in a sort. */
  static Comparator<SortPosition> positions(Sort sort) {
    Comparator<SortPosition> ascending = Comparator
        .comparing(SortPosition::key, Comparator.nullsLast(RecordOrdering::compareKeys))
        .thenComparing(SortPosition::id);
    return sort.descending() ? ascending.reversed() : ascending;
  }

  private static int compareKeys(Object left, Object right) {
    int byType = Integer.compare(typeRank(left), typeRank(right));
    if (byType != 0) {
      return byType;
    }
    if (left instanceof Boolean a) {
      return Boolean.compare(a, (Boolean) right);
    }
    if (left instanceof BinaryValue a) {
      return Arrays.compareUnsigned(a.toByteArray(), ((BinaryValue) right).toByteArray());
    }
    return SimpleValues.order(left, right).orElseThrow();
  }

  private static int typeRank(Object key) {
    if (key instanceof String) {
      return 0;
    }
    if (SimpleValues.isNumber(key)) {
      return 1;
    }
    if (key instanceof Instant) {
      return 2;
    }
    return key instanceof Boolean ? 3 : 4;
  }
}
