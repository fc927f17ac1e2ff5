package io.github.scimkit.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scimkit.core.dialect.Tolerance;
import io.github.scimkit.core.request.RequestContext;
import io.github.scimkit.core.tenant.ScimMode;
import io.github.scimkit.core.tenant.TenantSettings;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("IdpProfiles")
class IdpProfilesTest {

  private static final IdpProfiles BUILT_INS = IdpProfiles.builtIns();

  private static RequestContext agent(String userAgent) {
    return new RequestContext("t", "p", "c", Optional.ofNullable(userAgent));
  }

  @Test
  @DisplayName("holds the six built-in profiles, in order")
  void builtIns() {
    assertThat(BUILT_INS.all()).extracting(IdpProfile::name)
        .containsExactly("generic", "okta", "entra", "jumpcloud", "onelogin", "ping");
    assertThat(BUILT_INS.all()).allSatisfy(profile -> {
      assertThat(profile.description()).isNotBlank();
      assertThat(profile.recognition()).isNotBlank();
      assertThat(profile.lifecycle()).isNotEmpty();
    });
  }

  @Test
  @DisplayName("looks names up case-insensitively")
  void lookup() {
    assertThat(BUILT_INS.lookup(" Entra ")).map(IdpProfile::name).contains("entra");
    assertThat(BUILT_INS.lookup("OKTA")).map(IdpProfile::name).contains("okta");
    assertThat(BUILT_INS.lookup("google")).isEmpty();
  }

  @Test
  @DisplayName("resolves an unknown name to generic, and require refuses it")
  void unknown() {
    assertThat(BUILT_INS.resolve("google")).isSameAs(BUILT_INS.generic());
    assertThatThrownBy(() -> BUILT_INS.require("google"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("google");
  }

  @Test
  @DisplayName("register returns a new registry and leaves the old one alone")
  void register() {
    IdpProfile rippling = IdpProfile.builder("Rippling").description("Rippling").build();
    IdpProfiles more = BUILT_INS.register(rippling);
    assertThat(more.lookup("rippling")).contains(rippling);
    assertThat(BUILT_INS.lookup("rippling")).isEmpty();
    IdpProfile quietOkta = BUILT_INS.require("okta").toBuilder().notRecognized("not here").build();
    IdpProfiles replaced = BUILT_INS.register(quietOkta);
    assertThat(replaced.all()).extracting(IdpProfile::name).containsExactly(
        "generic", "okta", "entra", "jumpcloud", "onelogin", "ping");
    assertThat(replaced.require("okta")).isSameAs(quietOkta);
  }

  @Test
  @DisplayName("recognises Okta by its User-Agent only")
  void recognition() {
    assertThat(BUILT_INS.recognize(agent("Okta SCIM Client 1.0.0"))).map(IdpProfile::name).contains("okta");
    assertThat(BUILT_INS.recognize(agent("Mozilla/5.0 (Okta-like)"))).isEmpty();
    assertThat(BUILT_INS.recognize(agent(null))).isEmpty();
    assertThat(BUILT_INS.all()).filteredOn(IdpProfile::hasRecognizer).extracting(IdpProfile::name)
        .containsExactly("okta");
  }

  @Test
  @DisplayName("tolerances: the tenant's preset, widened by a recognised profile, none in strict mode")
  void tolerances() {
    TenantSettings ping = TenantSettings.defaults().withIdpProfile("ping");
    assertThat(BUILT_INS.tolerances(ping, agent(null)).enabled()).containsExactly(Tolerance.UNKNOWN_ATTRIBUTES);
    assertThat(BUILT_INS.tolerances(ping, agent("Okta SCIM Client 1.0.0")).enabled())
        .containsExactlyInAnyOrder(Tolerance.UNKNOWN_ATTRIBUTES, Tolerance.NO_PATH_OPERATIONS);
    assertThat(BUILT_INS.tolerances(ping.withMode(ScimMode.STRICT), agent("Okta SCIM Client 1.0.0")).enabled())
        .isEmpty();
  }

  @Test
  @DisplayName("each IdP profile enables the tolerances its notes call for")
  void presets() {
    assertThat(BUILT_INS.require("okta").lenientTolerances())
        .containsExactlyInAnyOrder(Tolerance.NO_PATH_OPERATIONS, Tolerance.UNKNOWN_ATTRIBUTES);
    assertThat(BUILT_INS.require("entra").lenientTolerances()).contains(
        Tolerance.OP_NAME_ANY_CASE, Tolerance.STRING_BOOLEANS, Tolerance.NO_PATH_OPERATIONS,
        Tolerance.PATH_KEYS_IN_NO_PATH_VALUES, Tolerance.REMOVE_WITH_VALUE, Tolerance.NULL_MEMBER_REF,
        Tolerance.UNKNOWN_SCHEMA_URNS, Tolerance.UNQUOTED_FILTER_VALUES, Tolerance.FILTERED_PATH_COMPARISON)
        .doesNotContain(Tolerance.MESSAGE_MEMBER_ANY_CASE, Tolerance.EMPTY_STRING_AS_ABSENT);
    assertThat(BUILT_INS.require("jumpcloud").lenientTolerances())
        .containsExactlyInAnyOrder(Tolerance.REMOVE_WITH_VALUE, Tolerance.UNKNOWN_ATTRIBUTES);
    assertThat(BUILT_INS.require("onelogin").lenientTolerances()).contains(
        Tolerance.EMPTY_STRING_AS_ABSENT, Tolerance.SINGLE_VALUE_FOR_MULTI_VALUED, Tolerance.STRING_BOOLEANS);
  }

  @Test
  @DisplayName("a profile needs a name")
  void needsName() {
    assertThatThrownBy(() -> IdpProfile.builder(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
