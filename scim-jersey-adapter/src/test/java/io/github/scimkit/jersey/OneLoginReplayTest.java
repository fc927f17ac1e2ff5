package io.github.scimkit.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.ResourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * OneLogin's SCIM Provisioner with SAML (SCIM v2 Enterprise): users from the app's SCIM JSON
 * template, roles as groups.
 *
 * <p>Transcribed from OneLogin's developer documentation (developers.onelogin.com/scim, "Define
 * your SCIM user schema": the JSON template and its placeholders, the enterprise template with
 * {@code emails} as one object; "Implement RESTful SCIM APIs": the calls a service provider must
 * handle, user updates by PUT, the connection test by a userName filter) and Bitwarden's "OneLogin
 * SCIM Integration" page (roles become groups through a rule; "When users are deleted" → Delete,
 * "When accounts are suspended" → Suspend), as summarised in the project's IdP notes (§2.4).
 * Placeholders without a value arrive as empty strings, and this template carries {@code
 * "active": "{$user.active}"}, a string, as admins add it. Requests use {@code
 * application/json}. The bodies are our own test data.
 */
@DisplayName("OneLogin: a provisioning conversation replayed over HTTP")
class OneLoginReplayTest {

  private static final String TENANT = "onelogin";

  private final ReplayServer server = new ReplayServer();

  @AfterEach
  void stop() {
    server.close();
  }

  /** The SCIM JSON template filled in: unmapped title, department and manager are empty strings. */
  private static String template(String username, String first, String last, String active) {
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
           "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
         "userName":"%1$s","name":{"givenName":"%2$s","familyName":"%3$s"},"displayName":"",
         "emails":{"value":"%1$s","type":"work","primary":true},
         "title":"","active":"%4$s",
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"","manager":{"value":""}}}"""
        .formatted(username, first, last, active);
  }

  static Conversation conversation() {
    String patchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    return Conversation.of("OneLogin")
        .contentType("application/json")
        .headers("Accept", "application/json")
        // Enabling the API connection: a userName filter on a value known not to exist.
        .step("connection test")
        .get("Users?filter=userName%20eq%20%22onelogin-connection-test%22").expectJson("/totalResults", 0)
        .step("get fay by userName")
        .get("Users?filter=userName%20eq%20%22fay.ng%40example.com%22").expectJson("/totalResults", 0)
        .step("create fay").quirk()
        .post("Users", template("fay.ng@example.com", "Fay", "Ng", "true")).expect(201).capture("fay.id", "/id")
        .step("create fay again").quirk()
        .post("Users", template("fay.ng@example.com", "Fay", "Ng", "true")).expect(409).expectError("uniqueness")
        .step("get fay by id")
        .get("Users/{fay.id}").expectJson("/userName", "fay.ng@example.com")
        .step("update fay").quirk()
        .put("Users/{fay.id}", template("fay.ng@example.com", "Fay", "Ng-Lowe", "true"))
        .expectJson("/name/familyName", "Ng-Lowe")
        .step("get gus by userName")
        .get("Users?filter=userName%20eq%20%22gus.ortiz%40example.com%22").expectJson("/totalResults", 0)
        .step("create gus").quirk()
        .post("Users", template("gus.ortiz@example.com", "Gus", "Ortiz", "true")).expect(201).capture("gus.id", "/id")
        // Roles → groups: list, create, then PATCH members.
        .step("get groups")
        .get("Groups").expectJson("/totalResults", 0)
        .step("create the Admins role group")
        .post("Groups", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Admins"}""")
        .expect(201).capture("admins.id", "/id")
        .step("give fay and gus the Admins role")
        .patch("Groups/{admins.id}", """
            {"schemas":["%s"],"Operations":[{"op":"add","path":"members","value":[{"value":"{fay.id}"},{"value":"{gus.id}"}]}]}"""
            .formatted(patchOp)).expect(204)
        .step("take the Admins role from gus").quirk()
        .patch("Groups/{admins.id}", """
            {"schemas":["%s"],"Operations":[{"op":"remove","path":"members","value":[{"value":"{gus.id}"}]}]}"""
            .formatted(patchOp)).expect(204)
        // "When accounts are suspended" → Suspend: the template again, with active false.
        .step("suspend fay").quirk()
        .put("Users/{fay.id}", template("fay.ng@example.com", "Fay", "Ng-Lowe", "false")).expectJson("/active", false)
        // "When users are deleted" → Delete.
        .step("delete gus")
        .delete("Users/{gus.id}").header("Content-Type", "application/json").expect(204)
        .step("get users")
        .get("Users").expectJson("/totalResults", 1).expectJson("/Resources/0/id", "{fay.id}");
  }

  @Test
  @DisplayName("replays under the onelogin profile: one-object emails, empty placeholders dropped, suspend by PUT")
  void replaysUnderOneLoginProfile() {
    String key = server.tenant(TENANT, "onelogin");

    Conversation.Transcript transcript = conversation().replay(server.base(TENANT), key).assertAllPassed();

    String fay = transcript.value("fay.id");
    String admins = transcript.value("admins.id");
    assertThat(transcript.exchange("get fay by id").header("Content-Type")).startsWith("application/scim+json");
    Attributes fayStored = server.user(TENANT, fay).orElseThrow();
    assertThat(fayStored.getString("userName")).hasValue("fay.ng@example.com");
    assertThat(fayStored.getString("email")).hasValue("fay.ng@example.com");
    assertThat(fayStored.getAll("emails")).hasSize(1);
    assertThat(fayStored.getString("familyName")).hasValue("Ng-Lowe");
    assertThat(fayStored.getBoolean("active")).hasValue(false);
    // The empty displayName placeholder is no value, not an empty string.
    assertThat(fayStored.has("displayName")).isFalse();
    assertThat(server.users(TENANT)).extracting(ResourceRecord::id).containsExactly(fay);
    assertThat(server.members(TENANT, admins)).containsExactly(fay);
  }

  @Test
  @DisplayName("negative control: under the strict generic profile exactly the template and value-list steps fail")
  void strictGenericRefusesTheQuirkSteps() {
    Conversation conversation = conversation();
    Conversation.Transcript transcript = server.probeStrict(TENANT, "onelogin", conversation);

    transcript.assertAllPassed();
    transcript.assertStrictFailuresWere(conversation.quirkSteps());
  }
}
