package io.github.scimkit.core.store.memory;

import io.github.scimkit.core.store.ComplexValue;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.query.AttributeRef;
import java.util.ArrayList;
import java.util.List;

/** Resolves an {@link AttributeRef} to the values a record holds there. */
final class RecordValues {

  private RecordValues() {}

  /**
   * Returns the values at a reference: the record field for {@code id}, {@code created} and
   * {@code lastModified}; the attribute's values; or the sub-attribute's value in each complex
   * value of the attribute.
   */
  static List<Object> of(ResourceRecord record, AttributeRef ref) {
    if (ref.subAttribute() == null) {
      return switch (ref.name()) {
        case "id" -> List.of(record.id());
        case "created" -> List.of(record.created());
        case "lastModified" -> List.of(record.lastModified());
        default -> record.attributes().getAll(ref.name());
      };
    }
    return subValues(record.attributes().getAll(ref.name()), ref.subAttribute());
  }

  /** Returns the given sub-attribute's value of every complex value among {@code values}. */
  static List<Object> subValues(List<Object> values, String subAttribute) {
    List<Object> found = new ArrayList<>();
    for (Object value : values) {
      if (value instanceof ComplexValue complex) {
        complex.get(subAttribute).ifPresent(found::add);
      }
    }
    return found;
  }
}
