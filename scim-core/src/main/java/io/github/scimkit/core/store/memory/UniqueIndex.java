package io.github.scimkit.core.store.memory;

import io.github.scimkit.core.store.UniqueAttribute;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The unique values records claim: per unique attribute, a map from value key ({@link
 * UniqueAttribute#key(Object)}) to the id of the record holding it. Not thread-safe.
 *
 * <p>A record claims a key for each declared unique attribute that holds a simple value there. It
 * covers an attribute when it declares it and holds a simple value or none there; an index
 * whose attribute every record covers answers equality lookups completely.
 */
final class UniqueIndex {

  private final Map<UniqueAttribute, Map<Object, String>> owners = new HashMap<>();
  private final Map<UniqueAttribute, Integer> covering = new HashMap<>();

  /** Returns the first declared unique attribute whose value another record holds. */
  Optional<UniqueAttribute> clash(StoredRecord stored) {
    for (UniqueAttribute attribute : stored.uniqueAttributes()) {
      Optional<Object> key = key(stored, attribute);
      if (key.isPresent()) {
        String owner = owners.getOrDefault(attribute, Map.of()).get(key.get());
        if (owner != null && !owner.equals(stored.id())) {
          return Optional.of(attribute);
        }
      }
    }
    return Optional.empty();
  }

  /** Claims a record's keys; its values must not clash. */
  void claim(StoredRecord stored) {
    for (UniqueAttribute attribute : stored.uniqueAttributes()) {
      if (covers(stored, attribute)) {
        covering.merge(attribute, 1, Integer::sum);
      }
      key(stored, attribute).ifPresent(key ->
          owners.computeIfAbsent(attribute, unused -> new HashMap<>()).put(key, stored.id()));
    }
  }

  /** Releases the keys a record claimed. */
  void release(StoredRecord stored) {
    for (UniqueAttribute attribute : stored.uniqueAttributes()) {
      if (covers(stored, attribute)) {
        covering.merge(attribute, -1, Integer::sum);
      }
      key(stored, attribute).ifPresent(key -> owners.get(attribute).remove(key));
    }
  }

  /** Tells whether every one of the table's records covers the attribute. */
  boolean complete(UniqueAttribute attribute, int tableSize) {
    return covering.getOrDefault(attribute, 0) == tableSize;
  }

  /** Returns the id of the record holding a value, as far as the index knows. */
  Optional<String> owner(UniqueAttribute attribute, Object value) {
    return Optional.ofNullable(owners.getOrDefault(attribute, Map.of()).get(attribute.key(value)));
  }

  private static Optional<Object> key(StoredRecord stored, UniqueAttribute attribute) {
    return stored.record().attributes().get(attribute.name())
        .filter(SimpleValues::isSimple)
        .map(attribute::key);
  }

  private static boolean covers(StoredRecord stored, UniqueAttribute attribute) {
    return stored.record().attributes().get(attribute.name())
        .map(SimpleValues::isSimple)
        .orElse(true);
  }
}
