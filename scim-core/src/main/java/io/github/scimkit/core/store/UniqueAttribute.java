package io.github.scimkit.core.store;

import java.util.Locale;
import java.util.Objects;

/**
 * An attribute whose value must be unique among a store's records, with its case rule.
 *
 * <p>Uniqueness applies to single-valued simple attributes. A record without the attribute
 * claims nothing. With {@code caseExact} false, two strings clash when their {@link
 * Locale#ROOT} lower-case forms are equal ({@code User.A} and {@code user.a}); see {@link
 * #key(Object)}.
 *
 * @param name the record attribute name
 * @param caseExact whether strings are compared as they are rather than case-folded
 */
public record UniqueAttribute(String name, boolean caseExact) {

  /** Checks the fields. */
  public UniqueAttribute {
    Objects.requireNonNull(name, "name");
  }

  /**
   * Returns a case-insensitive unique attribute, such as {@code userName}.
   *
   * @param name the record attribute name
   * @return the unique attribute
   */
  public static UniqueAttribute caseInsensitive(String name) {
    return new UniqueAttribute(name, false);
  }

  /**
   * Returns a case-exact unique attribute, such as {@code externalId}.
   *
   * @param name the record attribute name
   * @return the unique attribute
   */
  public static UniqueAttribute caseExact(String name) {
    return new UniqueAttribute(name, true);
  }

  /**
   * Returns the key under which a value is unique: strings case-folded unless case-exact, other
   * values as they are.
   *
   * @param value an attribute value
   * @return the comparison key
   */
  public Object key(Object value) {
    if (!caseExact && value instanceof String text) {
      return text.toLowerCase(Locale.ROOT);
    }
    return value;
  }
}
