package io.github.scimkit.core.store.memory;

import io.github.scimkit.core.store.BinaryValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/** Folds, equates and orders simple attribute values as store queries define. */
final class SimpleValues {

  private SimpleValues() {}

  /** Returns a string lower-cased with {@link Locale#ROOT} unless case-exact; others as they are. */
  static Object fold(Object value, boolean caseExact) {
    if (!caseExact && value instanceof String text) {
      return text.toLowerCase(Locale.ROOT);
    }
    return value;
  }

  /** Tells whether two already folded values are equal; values of different types never are. */
  static boolean equal(Object left, Object right) {
    if (isNumber(left) && isNumber(right)) {
      return compareNumbers(left, right) == 0;
    }
    if (left instanceof Instant a && right instanceof Instant b) {
      return millis(a).equals(millis(b));
    }
    if (left instanceof String || left instanceof Boolean || left instanceof BinaryValue) {
      return left.equals(right);
    }
    return false;
  }

  /**
   * Orders two already folded values of an orderable type: strings by UTF-16 code units, numbers
   * numerically, instants in time at millisecond precision.
   *
   * @return the comparison, or empty when the two cannot be ordered against each other
   */
  static Optional<Integer> order(Object left, Object right) {
    if (left instanceof String a && right instanceof String b) {
      return Optional.of(a.compareTo(b));
    }
    if (isNumber(left) && isNumber(right)) {
      return Optional.of(compareNumbers(left, right));
    }
    if (left instanceof Instant a && right instanceof Instant b) {
      return Optional.of(millis(a).compareTo(millis(b)));
    }
    return Optional.empty();
  }

  /** Tells whether a value is simple: neither complex nor a list. */
  static boolean isSimple(Object value) {
    return value instanceof String || isNumber(value) || value instanceof Instant
        || value instanceof Boolean || value instanceof BinaryValue;
  }

  /** Tells whether a value is a number records carry: {@code Long} or {@code BigDecimal}. */
  static boolean isNumber(Object value) {
    return value instanceof Long || value instanceof BigDecimal;
  }

  /** Compares two numbers by value. */
  static int compareNumbers(Object left, Object right) {
    if (left instanceof Long a && right instanceof Long b) {
      return Long.compare(a, b);
    }
    return decimal(left).compareTo(decimal(right));
  }

  private static BigDecimal decimal(Object number) {
    return number instanceof Long whole ? BigDecimal.valueOf(whole) : (BigDecimal) number;
  }

  private static Instant millis(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS);
  }
}
