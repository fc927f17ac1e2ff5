package io.github.scimkit.core.store.memory;

import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.UniqueAttribute;
import io.github.scimkit.core.store.query.AttributeRef;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.Operator;
import io.github.scimkit.core.store.query.Sort;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * One store's records by id, with their unique index and ordered indexes: one in id order (the
 * default sort) and one per declared unique attribute, each over every record. Not thread-safe.
 */
final class RecordTable {

  private final Map<String, StoredRecord> records = new HashMap<>();
  private final UniqueIndex unique = new UniqueIndex();
  private final List<OrderedIndex> ordered = new ArrayList<>(List.of(new OrderedIndex(Sort.BY_ID)));
  private final LongAdder examined;

  /**
   * Creates an empty table.
   *
   * @param examined where the records each search looks at are counted
   */
  RecordTable(LongAdder examined) {
    this.examined = examined;
  }

  /** Returns how many records the table holds. */
  int size() {
    return records.size();
  }

  /** Returns a stored record. */
  Optional<StoredRecord> get(String id) {
    return Optional.ofNullable(records.get(id));
  }

  /** Returns the first declared unique attribute whose value another record holds. */
  Optional<UniqueAttribute> clash(StoredRecord stored) {
    return unique.clash(stored);
  }

  /**
   * Puts a record in place of the one with its id, or removes that one when {@code next} is
   * {@code null}, and updates the unique index. Installing the returned previous state undoes it.
   *
   * @param id the record id
   * @param next the new state, or {@code null} to remove
   * @return the previous state, or {@code null} when there was none
   */
  StoredRecord install(String id, StoredRecord next) {
    StoredRecord previous = next == null ? records.remove(id) : records.put(id, next);
    if (previous != null) {
      unique.release(previous);
      ordered.forEach(index -> index.remove(previous));
    }
    if (next != null) {
      unique.claim(next);
      ordered.forEach(index -> index.add(next));
      next.uniqueAttributes().forEach(this::ensureOrdered);
    }
    return previous;
  }

  /** Adds an ordered index for a unique attribute's sort, over every record, the first time it is declared. */
  private void ensureOrdered(UniqueAttribute attribute) {
    Sort sort = Sort.ascending(AttributeRef.of(attribute.name()), attribute.caseExact());
    if (ordered(sort).isEmpty()) {
      OrderedIndex index = new OrderedIndex(sort);
      records.values().forEach(index::add);
      ordered.add(index);
    }
  }

  /** Returns the ordered index that serves a sort, if there is one. */
  Optional<OrderedIndex> ordered(Sort sort) {
    return ordered.stream().filter(index -> index.serves(sort)).findFirst();
  }

  /**
   * Walks an ordered index, counting each record it steps over as examined.
   *
   * @param index the index
   * @param sort the sort it serves, whose direction is walked
   * @param after the position to start after, or {@code null}
   * @return the records in order
   */
  Iterator<ResourceRecord> walk(OrderedIndex index, Sort sort, SortPosition after) {
    Iterator<StoredRecord> records = index.after(sort.descending(), after);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return records.hasNext();
      }

      @Override
      public ResourceRecord next() {
        examined.increment();
        return records.next().record();
      }
    };
  }

  /** Returns the records that match a condition, using an index when the condition allows. */
  List<ResourceRecord> matching(Condition condition) {
    Collection<StoredRecord> candidates = indexed(condition).orElseGet(records::values);
    examined.add(candidates.size());
    return candidates.stream()
        .map(StoredRecord::record)
        .filter(record -> ConditionMatcher.matches(condition, record))
        .collect(Collectors.toList());
  }

  /**
   * Narrows a search to at most one record when the condition is, or is a conjunction holding,
   * a case-exact {@code id eq} or an {@code eq} on a unique attribute with a complete index.
   * Folded keys also serve case-exact lookups; the caller verifies the full condition.
   */
  private Optional<Collection<StoredRecord>> indexed(Condition condition) {
    if (condition instanceof Condition.And and) {
      return and.operands().stream()
          .map(this::indexed)
          .flatMap(Optional::stream)
          .findFirst();
    }
    if (!(condition instanceof Condition.Compare compare) || compare.operator() != Operator.EQ
        || compare.attribute().subAttribute() != null || !(compare.value() instanceof String value)) {
      return Optional.empty();
    }
    if (compare.attribute().equals(AttributeRef.ID)) {
      return compare.caseExact() ? Optional.of(only(Optional.of(value))) : Optional.empty();
    }
    String name = compare.attribute().name();
    List<UniqueAttribute> usable = compare.caseExact()
        ? List.of(UniqueAttribute.caseExact(name), UniqueAttribute.caseInsensitive(name))
        : List.of(UniqueAttribute.caseInsensitive(name));
    return usable.stream()
        .filter(attribute -> unique.complete(attribute, records.size()))
        .findFirst()
        .map(attribute -> only(unique.owner(attribute, value)));
  }

  private Collection<StoredRecord> only(Optional<String> id) {
    return id.map(records::get).map(List::of).orElse(List.of());
  }
}
