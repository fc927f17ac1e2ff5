package io.github.scimkit.core.internal.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import io.github.scimkit.core.dialect.Tolerances;
import io.github.scimkit.core.tenant.ScimMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterParserTest {

  private final FilterParser lenient = new FilterParser(Tolerances.forMode(ScimMode.LENIENT));
  private final FilterParser strict = new FilterParser(Tolerances.forMode(ScimMode.STRICT));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "externalId eq jyoung | externalId eq \"jyoung\"",
        "active eq true | active eq true",
        "manager eq null | manager eq null",
        "count gt 42 | count gt 42",
        "members[value eq abc] | members[value eq \"abc\"]",
        "emails[type eq \"work\"].value eq \"x\" | emails[type eq \"work\" and value eq \"x\"]",
        "emails[type eq \"work\"].value eq x@y | emails[type eq \"work\" and value eq \"x@y\"]",
        "emails[type eq \"work\" or primary eq true].value pr"
            + " | emails[(type eq \"work\" or primary eq true) and value pr]",
        "userName eq \"a\" and emails[type eq \"work\"].value eq \"x\""
            + " | userName eq \"a\" and emails[type eq \"work\" and value eq \"x\"]",
      })
  void lenient_rewrites_entra_forms(String sent, String meant) throws BadRequestException {
    assertThat(lenient.parse(sent)).isEqualTo(Filter.fromString(meant));
  }

  @Test
  void both_modes_read_names_and_operators_in_any_case() throws BadRequestException {
    Filter ping = Filter.fromString("userName eq \"x\"");
    assertThat(strict.parse("username Eq \"x\"")).isEqualTo(ping);
    assertThat(lenient.parse("USERNAME EQ \"x\"")).isEqualTo(ping);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "externalId eq jyoung",
        "emails[type eq \"work\"].value eq \"x\"",
      })
  void strict_leaves_them_to_the_sdk(String sent) {
    assertThatThrownBy(() -> strict.parse(sent))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> assertThat(e.getScimError().getScimType()).isEqualTo("invalidFilter"));
  }

  @Test
  void a_bad_filter_names_itself() {
    assertThatThrownBy(() -> lenient.parse("userName eq"))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.getScimError().getScimType()).isEqualTo("invalidFilter");
              assertThat(e.getMessage()).contains("'userName eq'");
            });
    assertThatThrownBy(() -> lenient.parse(" ")).isInstanceOf(BadRequestException.class);
  }
}
