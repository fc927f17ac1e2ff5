package io.github.scimkit.core.mapping;

import io.github.scimkit.core.store.query.Condition;
import java.util.ArrayList;
import java.util.List;

/** Builds conditions, folding away the constants that translation produces. */
final class Conditions {

  private Conditions() {}

  static Condition constant(boolean matches) {
    return matches ? Condition.all() : Condition.none();
  }

  static Condition and(List<Condition> operands) {
    List<Condition> kept = new ArrayList<>();
    for (Condition operand : operands) {
      if (operand == Condition.none()) {
        return Condition.none();
      }
      if (operand != Condition.all()) {
        kept.add(operand);
      }
    }
    return kept.isEmpty() ? Condition.all()
        : kept.size() == 1 ? kept.get(0) : new Condition.And(kept);
  }

  static Condition or(List<Condition> operands) {
    List<Condition> kept = new ArrayList<>();
    for (Condition operand : operands) {
      if (operand == Condition.all()) {
        return Condition.all();
      }
      if (operand != Condition.none()) {
        kept.add(operand);
      }
    }
    return kept.isEmpty() ? Condition.none()
        : kept.size() == 1 ? kept.get(0) : new Condition.Or(kept);
  }

  static Condition not(Condition operand) {
    if (operand == Condition.all()) {
      return Condition.none();
    }
    if (operand == Condition.none()) {
      return Condition.all();
    }
    return Condition.not(operand);
  }
}
