package io.github.scimkit.core.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scimkit.core.tenant.ScimMode;
import org.junit.jupiter.api.Test;

class TolerancesTest {

  @Test
  void lenient_enables_every_tolerance_and_strict_none() {
    assertThat(Tolerances.forMode(ScimMode.LENIENT).enabled()).containsExactly(Tolerance.values());
    assertThat(Tolerances.forMode(ScimMode.STRICT).enabled()).isEmpty();
    for (Tolerance t : Tolerance.values()) {
      assertThat(t.defaultIn(ScimMode.LENIENT)).isTrue();
      assertThat(t.defaultIn(ScimMode.STRICT)).isFalse();
    }
  }

  @Test
  void withers_return_new_sets() {
    Tolerances strict = Tolerances.forMode(ScimMode.STRICT);
    Tolerances one = strict.with(Tolerance.STRING_BOOLEANS);
    assertThat(strict.allows(Tolerance.STRING_BOOLEANS)).isFalse();
    assertThat(one.allows(Tolerance.STRING_BOOLEANS)).isTrue();
    assertThat(one.without(Tolerance.STRING_BOOLEANS)).isEqualTo(strict);
  }
}
