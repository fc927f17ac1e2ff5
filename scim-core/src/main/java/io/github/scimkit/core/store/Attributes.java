package io.github.scimkit.core.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The named attribute values of a record, immutable.
 *
 * <p>A value is one of:
 *
 * <ul>
 *   <li>a simple value: {@link String}, {@link Boolean}, {@link Long}, {@link BigDecimal}, {@link
 *       Instant} or {@link BinaryValue} ({@code Integer} is widened to {@code Long}, {@code
 *       byte[]} wrapped, and instants truncated to milliseconds);
 *   <li>a {@link ComplexValue} (a {@code Map} is converted to one);
 *   <li>an unmodifiable list of simple or complex values.
 * </ul>
 *
 * <p>Absent and empty are the same: {@code null} values, empty lists and empty complex values are
 * dropped. Attribute names are exact strings chosen by the mapping rules or by the host (for
 * attributes the host owns); {@link #RESERVED_NAMES} are the record's own fields and cannot be
 * used.
 */
public final class Attributes extends NamedValues {

  /** Names a record keeps outside its attributes, and that attributes therefore cannot use. */
  public static final Set<String> RESERVED_NAMES = Set.of("id", "version", "created", "lastModified");

  private static final Attributes EMPTY = new Attributes(Map.of());

  private Attributes(Map<String, Object> values) {
    super(values);
  }

  /**
   * Returns attributes with no values.
   *
   * @return the empty attributes
   */
  public static Attributes empty() {
    return EMPTY;
  }

  /**
   * Returns attributes holding normalised copies of the given values.
   *
   * @param values attribute names and values
   * @return the attributes
   * @throws IllegalArgumentException when a name is reserved or a value has a type records cannot
   *     carry
   */
  public static Attributes of(Map<String, ?> values) {
    Builder builder = builder();
    values.forEach(builder::set);
    return builder.build();
  }

  /**
   * Returns a builder with no values.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder(Map.of());
  }

  /**
   * Returns a builder that starts from these values.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder(values);
  }

  /**
   * Returns a copy with one attribute set, or removed when {@code value} is absent.
   *
   * @param name the attribute name
   * @param value the value, or {@code null}
   * @return the new attributes
   */
  public Attributes with(String name, Object value) {
    return toBuilder().set(name, value).build();
  }

  /**
   * Returns a copy without the given attribute.
   *
   * @param name the attribute name
   * @return the new attributes
   */
  public Attributes without(String name) {
    return toBuilder().remove(name).build();
  }

  /**
   * Returns a string value.
   *
   * @param name the attribute name
   * @return the value, or empty when absent or not a string
   */
  public Optional<String> getString(String name) {
    return typed(name, String.class);
  }

  /**
   * Returns a boolean value.
   *
   * @param name the attribute name
   * @return the value, or empty when absent or not a boolean
   */
  public Optional<Boolean> getBoolean(String name) {
    return typed(name, Boolean.class);
  }

  /**
   * Returns an integer value.
   *
   * @param name the attribute name
   * @return the value, or empty when absent or not an integer
   */
  public Optional<Long> getLong(String name) {
    return typed(name, Long.class);
  }

  /**
   * Returns an instant value.
   *
   * @param name the attribute name
   * @return the value, or empty when absent or not an instant
   */
  public Optional<Instant> getInstant(String name) {
    return typed(name, Instant.class);
  }

  /**
   * Returns the values of an attribute as a list: its list, a single value as a one-element
   * list, or an empty list when absent.
   *
   * @param name the attribute name
   * @return the values
   */
  public List<Object> getAll(String name) {
    Object value = values.get(name);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return Collections.unmodifiableList(list);
    }
    return List.of(value);
  }

  /**
   * Tells whether a value is present.
   *
   * @param name the attribute name
   * @return {@code true} when present
   */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  private <T> Optional<T> typed(String name, Class<T> type) {
    Object value = values.get(name);
    return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
  }

  /** Collects attribute values; not thread-safe. */
  public static final class Builder {

    private final Map<String, Object> values;

    private Builder(Map<String, Object> initial) {
      this.values = new LinkedHashMap<>(initial);
    }

    /**
     * Sets one attribute, or removes it when the value is absent.
     *
     * @param name the attribute name
     * @param value the value, or {@code null}
     * @return this builder
     * @throws IllegalArgumentException when the name is reserved or the value has a type records
     *     cannot carry
     */
    public Builder set(String name, Object value) {
      Objects.requireNonNull(name, "name");
      if (RESERVED_NAMES.contains(name)) {
        throw new IllegalArgumentException("'" + name + "' is a record field, not an attribute");
      }
      Object normalised = AttributeValues.any(name, value);
      if (normalised == null) {
        values.remove(name);
      } else {
        values.put(name, normalised);
      }
      return this;
    }

    /**
     * Removes one attribute.
     *
     * @param name the attribute name
     * @return this builder
     */
    public Builder remove(String name) {
      values.remove(name);
      return this;
    }

    /**
     * Returns the attributes collected so far.
     *
     * @return the attributes
     */
    public Attributes build() {
      return values.isEmpty() ? EMPTY : new Attributes(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }
  }
}
