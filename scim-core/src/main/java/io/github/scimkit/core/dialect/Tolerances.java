package io.github.scimkit.core.dialect;

import io.github.scimkit.core.tenant.ScimMode;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** An immutable set of enabled {@link Tolerance}s; the withers return new instances. */
public final class Tolerances {

  private final Set<Tolerance> enabled;

  private Tolerances(EnumSet<Tolerance> enabled) {
    this.enabled = Collections.unmodifiableSet(enabled);
  }

  /**
   * Returns the tolerances a mode enables by default.
   *
   * @param mode the tenant's mode
   * @return the tolerances
   */
  public static Tolerances forMode(ScimMode mode) {
    Objects.requireNonNull(mode, "mode");
    EnumSet<Tolerance> set = EnumSet.noneOf(Tolerance.class);
    for (Tolerance t : Tolerance.values()) {
      if (t.defaultIn(mode)) {
        set.add(t);
      }
    }
    return new Tolerances(set);
  }

  /**
   * Returns a copy with more tolerances enabled.
   *
   * @param tolerances the tolerances to enable
   * @return the tolerances
   */
  public Tolerances with(Tolerance... tolerances) {
    EnumSet<Tolerance> set = copy();
    set.addAll(Arrays.asList(tolerances));
    return new Tolerances(set);
  }

  /**
   * Returns a copy with some tolerances disabled.
   *
   * @param tolerances the tolerances to disable
   * @return the tolerances
   */
  public Tolerances without(Tolerance... tolerances) {
    EnumSet<Tolerance> set = copy();
    set.removeAll(Arrays.asList(tolerances));
    return new Tolerances(set);
  }

  /**
   * Tells whether a tolerance is enabled.
   *
   * @param tolerance the tolerance
   * @return whether it is enabled
   */
  public boolean allows(Tolerance tolerance) {
    return enabled.contains(Objects.requireNonNull(tolerance, "tolerance"));
  }

  /**
   * Returns the enabled tolerances.
   *
   * @return an unmodifiable set
   */
  public Set<Tolerance> enabled() {
    return enabled;
  }

  private EnumSet<Tolerance> copy() {
    return enabled.isEmpty() ? EnumSet.noneOf(Tolerance.class) : EnumSet.copyOf(enabled);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Tolerances that && enabled.equals(that.enabled);
  }

  @Override
  public int hashCode() {
    return enabled.hashCode();
  }

  @Override
  public String toString() {
    return "Tolerances" + enabled;
  }
}
