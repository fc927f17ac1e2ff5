package io.github.scimkit.core.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Normalises attribute values into the closed set of types a record may carry.
 *
 * <p>Simple values are {@link String}, {@link Boolean}, {@link Long}, {@link BigDecimal}, {@link
 * Instant} (truncated to milliseconds) and {@link BinaryValue}. A value is simple, a {@link
 * ComplexValue}, or an unmodifiable list of simple or complex values. {@code null}, empty lists
 * and empty complex values stand for "absent" and are dropped by the callers.
 */
final class AttributeValues {

  private AttributeValues() {}

  /** Normalises a simple value, or returns {@code null} for {@code null}. */
  static Object simple(String name, Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String || value instanceof Boolean || value instanceof Long
        || value instanceof BigDecimal || value instanceof BinaryValue) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Instant instant) {
      return instant.truncatedTo(ChronoUnit.MILLIS);
    }
    if (value instanceof byte[] bytes) {
      return BinaryValue.of(bytes);
    }
    throw new IllegalArgumentException("Attribute '" + name + "' has a value of unsupported type "
        + value.getClass().getName() + "; use String, Boolean, Long, BigDecimal, Instant or byte[]");
  }

  /**
   * Normalises any attribute value: simple, complex (a {@link ComplexValue} or a map), or a list
   * of those. Returns {@code null} when the value is absent.
   */
  static Object any(String name, Object value) {
    if (value instanceof Collection<?> collection) {
      List<Object> items = new ArrayList<>(collection.size());
      for (Object item : collection) {
        if (item instanceof Collection<?>) {
          throw new IllegalArgumentException(
              "Attribute '" + name + "' holds a list inside a list, which records cannot carry");
        }
        Object normalised = single(name, item);
        if (normalised != null) {
          items.add(normalised);
        }
      }
      return items.isEmpty() ? null : Collections.unmodifiableList(items);
    }
    return single(name, value);
  }

  private static Object single(String name, Object value) {
    if (value instanceof ComplexValue complex) {
      return complex.isEmpty() ? null : complex;
    }
    if (value instanceof Map<?, ?> map) {
      ComplexValue complex = ComplexValue.of(map);
      return complex.isEmpty() ? null : complex;
    }
    return simple(name, value);
  }
}
