package io.github.scimkit.core.internal.dialect;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import io.github.scimkit.core.dialect.Tolerance;
import io.github.scimkit.core.dialect.Tolerances;
import java.util.function.Supplier;

/** Asks the enabled tolerances, and fails with the given error when one is off. */
final class ToleranceGuard {

  private final Tolerances tolerances;

  ToleranceGuard(Tolerances tolerances) {
    this.tolerances = tolerances;
  }

  boolean allows(Tolerance tolerance) {
    return tolerances.allows(tolerance);
  }

  void require(Tolerance tolerance, Supplier<BadRequestException> otherwise)
      throws BadRequestException {
    if (!tolerances.allows(tolerance)) {
      throw otherwise.get();
    }
  }
}
