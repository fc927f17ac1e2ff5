package io.github.scimkit.core.store.memory;

import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.UniqueAttribute;
import io.github.scimkit.core.store.query.AttributeRef;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.Operator;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One store's records by id, with their unique index. Not thread-safe. */
final class RecordTable {

  private final Map<String, StoredRecord> records = new HashMap<>();
  private final UniqueIndex unique = new UniqueIndex();

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
    }
    if (next != null) {
      unique.claim(next);
    }
    return previous;
  }

  /**
   * Returns the records that match a condition, using an index when the condition allows; {@code
   * groupsOf} gives a user's group records for {@link Condition.MemberOf}.
   */
  List<ResourceRecord> matching(Condition condition, Function<String, List<ResourceRecord>> groupsOf) {
    Collection<StoredRecord> candidates = indexed(condition).orElseGet(records::values);
    return candidates.stream()
        .map(StoredRecord::record)
        .filter(record -> ConditionMatcher.matches(condition, record, groupsOf))
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
