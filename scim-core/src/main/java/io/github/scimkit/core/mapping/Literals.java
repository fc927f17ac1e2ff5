package io.github.scimkit.core.mapping;

import io.github.scimkit.core.store.query.Operator;
import java.util.Locale;

/** Evaluates a comparison against a value a rule's element filter fixes. */
final class Literals {

  private Literals() {}

  /** Tests {@code literal operator value}, with the store's semantics for strings and booleans. */
  static boolean test(Object literal, Operator operator, Object value, boolean caseExact) {
    if (literal instanceof Boolean || value instanceof Boolean) {
      boolean equal = literal.equals(value);
      return operator == Operator.NE ? !equal : operator == Operator.EQ && equal;
    }
    if (!(literal instanceof String text) || !(value instanceof String wanted)) {
      return operator == Operator.NE;
    }
    String left = caseExact ? text : text.toLowerCase(Locale.ROOT);
    String right = caseExact ? wanted : wanted.toLowerCase(Locale.ROOT);
    return switch (operator) {
      case EQ -> left.equals(right);
      case NE -> !left.equals(right);
      case CO -> left.contains(right);
      case SW -> left.startsWith(right);
      case EW -> left.endsWith(right);
      case GT -> left.compareTo(right) > 0;
      case GE -> left.compareTo(right) >= 0;
      case LT -> left.compareTo(right) < 0;
      case LE -> left.compareTo(right) <= 0;
    };
  }
}
