package io.github.scimkit.core.store;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable map of named values, read the same way whether it holds a record's attributes
 * ({@link Attributes}) or a complex value's sub-values ({@link ComplexValue}). Two are equal when
 * they are of the same class and hold equal values.
 */
abstract sealed class NamedValues permits Attributes, ComplexValue {

  /** The values by name, unmodifiable, in insertion order. */
  final Map<String, Object> values;

  NamedValues(Map<String, Object> values) {
    this.values = values;
  }

  /**
   * Returns one value.
   *
   * @param name the name
   * @return the value, or empty when absent
   */
  public Optional<Object> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /**
   * Returns the names of the values present.
   *
   * @return the names, in insertion order
   */
  public Set<String> names() {
    return values.keySet();
  }

  /**
   * Returns the values as an unmodifiable map.
   *
   * @return the values
   */
  public Map<String, Object> asMap() {
    return values;
  }

  /**
   * Tells whether no value is present.
   *
   * @return {@code true} when empty
   */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    return other != null && other.getClass() == getClass() && values.equals(((NamedValues) other).values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
