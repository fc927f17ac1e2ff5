package io.github.scimkit.core.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable complex attribute value: named simple sub-values, such as an email's {@code
 * value}, {@code type} and {@code primary}.
 *
 * <p>Sub-values are simple (see {@link Attributes} for the types); {@code null} sub-values are
 * dropped, so a missing key and a {@code null} mean the same. Sub-attribute names are kept as
 * given: the mapping rules choose them.
 */
public final class ComplexValue extends NamedValues {

  private static final ComplexValue EMPTY = new ComplexValue(Map.of());

  private ComplexValue(Map<String, Object> values) {
    super(values);
  }

  /**
   * Returns a complex value with the given sub-values.
   *
   * @param values sub-attribute names and simple values; {@code null} values are dropped
   * @return the complex value
   * @throws IllegalArgumentException when a value has a type records cannot carry
   */
  public static ComplexValue of(Map<?, ?> values) {
    Map<String, Object> copy = new LinkedHashMap<>();
    values.forEach((key, value) -> {
      String name = Objects.requireNonNull(key, "sub-attribute name").toString();
      Object normalised = AttributeValues.simple(name, value);
      if (normalised != null) {
        copy.put(name, normalised);
      }
    });
    return copy.isEmpty() ? EMPTY : new ComplexValue(Collections.unmodifiableMap(copy));
  }

  /**
   * Returns a complex value from alternating names and values, for example {@code
   * ComplexValue.of("value", "a@example.com", "type", "work")}.
   *
   * @param namesAndValues names at even positions, their values after them
   * @return the complex value
   */
  public static ComplexValue of(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("Names and values must come in pairs");
    }
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return of(map);
  }

  /**
   * Returns a copy of this value with one sub-value set, or removed when {@code value} is {@code
   * null}.
   *
   * @param name the sub-attribute name
   * @param value the new simple value, or {@code null}
   * @return the new complex value
   */
  public ComplexValue with(String name, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.put(name, value);
    return of(copy);
  }
}
