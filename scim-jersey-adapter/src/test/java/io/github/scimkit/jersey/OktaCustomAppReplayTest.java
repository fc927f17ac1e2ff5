package io.github.scimkit.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scimkit.core.store.ResourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Okta, as a custom SCIM app built with the app integration wizard (AIW): everything by PUT.
 *
 * <p>Transcribed from Okta's "SCIM 2.0 Protocol Reference" and the archived Okta "SCIM" page
 * ({@code +} for spaces in filters, creates with a password, groups pushed with members), with
 * AIW apps' PUT-only behaviour as reported in coder/coder#15828 (deactivation by PUT),
 * okta-blog-archive PR #1956 and okta-developer-docs#3853 (GET /Groups/{id}, then PUT with the
 * full member list), as summarised in the project's IdP notes (§2.2). The bodies are our own
 * test data.
 */
@DisplayName("Okta (custom AIW app): a provisioning conversation replayed over HTTP")
class OktaCustomAppReplayTest {

  private static final String TENANT = "okta-aiw";

  private final ReplayServer server = new ReplayServer();

  @AfterEach
  void stop() {
    server.close();
  }

  private static String user(String id, String name, String given, String family, String externalId, boolean active,
                             boolean password) {
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],%1$s"userName":"%2$s@example.com",
         "name":{"givenName":"%3$s","familyName":"%4$s"},
         "emails":[{"primary":true,"value":"%2$s@example.com","type":"work"}],
         "displayName":"%3$s %4$s","locale":"en-US","externalId":"%5$s","groups":[],%6$s"active":%7$s}"""
        .formatted(id == null ? "" : "\"id\":\"" + id + "\",", name, given, family, externalId,
            password ? "\"password\":\"Wint3rIsComing!\"," : "", active);
  }

  private static String sales(String members) {
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"{sales.id}","displayName":"Sales",
         "members":[%s]}""".formatted(members);
  }

  static Conversation conversation() {
    return Conversation.of("Okta AIW")
        .headers("User-Agent", "Okta SCIM Client 1.0.0", "Accept", "application/scim+json", "Accept-Charset", "utf-8")
        .contentType("application/scim+json; charset=utf-8")
        .step("look up carol")
        .get("Users?filter=userName+eq+%22carol.diaz%40example.com%22&startIndex=1&count=100")
        .expectJson("/totalResults", 0)
        .step("create carol")
        .post("Users", user(null, "carol.diaz", "Carol", "Diaz", "00u2carol00000000001", true, true))
        .expect(201).capture("carol.id", "/id")
        .step("look up dave")
        .get("Users?filter=userName+eq+%22dave.wu%40example.com%22&startIndex=1&count=100")
        .expectJson("/totalResults", 0)
        .step("create dave")
        .post("Users", user(null, "dave.wu", "Dave", "Wu", "00u2dave000000000002", true, true))
        .expect(201).capture("dave.id", "/id")
        .step("get carol before her profile change")
        .get("Users/{carol.id}").expectJson("/active", true)
        .step("put carol with a new family name")
        .put("Users/{carol.id}", user("{carol.id}", "carol.diaz", "Carol", "Diaz-Moss", "00u2carol00000000001", true, false))
        .expectJson("/name/familyName", "Diaz-Moss")
        // Groups: pushed with members, then GET and PUT of the full member list.
        .step("look up Sales")
        .get("Groups?filter=displayName+eq+%22Sales%22&startIndex=1&count=100").expectJson("/totalResults", 0)
        .step("push Sales with carol")
        .post("Groups", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Sales",
             "members":[{"value":"{carol.id}","display":"carol.diaz@example.com"}]}""")
        .expect(201).capture("sales.id", "/id").expectJson("/members/0/value", "{carol.id}")
        .step("get Sales")
        .get("Groups/{sales.id}").expectJson("/members/0/value", "{carol.id}")
        .step("put Sales with dave added")
        .put("Groups/{sales.id}", sales("""
            {"value":"{carol.id}","display":"carol.diaz@example.com"},{"value":"{dave.id}","display":"dave.wu@example.com"}"""))
        .step("put Sales without carol")
        .put("Groups/{sales.id}", sales("""
            {"value":"{dave.id}","display":"dave.wu@example.com"}"""))
        // Deactivation (unassign, deactivate or delete in Okta) is a PUT with active false.
        .step("deactivate carol")
        .put("Users/{carol.id}", user("{carol.id}", "carol.diaz", "Carol", "Diaz-Moss", "00u2carol00000000001", false, false))
        .expectJson("/active", false)
        .step("look up deactivated carol")
        .get("Users?filter=userName+eq+%22carol.diaz%40example.com%22&startIndex=1&count=100")
        .expectJson("/totalResults", 1).expectJson("/Resources/0/active", false);
  }

  @Test
  @DisplayName("replays under the okta profile: PUT for everything, deactivation included; nobody deleted")
  void replaysUnderOktaProfile() {
    String key = server.tenant(TENANT, "okta");

    Conversation.Transcript transcript = conversation().replay(server.base(TENANT), key).assertAllPassed();

    String carol = transcript.value("carol.id");
    String dave = transcript.value("dave.id");
    assertThat(server.users(TENANT)).extracting(ResourceRecord::id).containsExactlyInAnyOrder(carol, dave);
    assertThat(server.user(TENANT, carol).orElseThrow().getBoolean("active")).hasValue(false);
    assertThat(server.user(TENANT, carol).orElseThrow().getString("familyName")).hasValue("Diaz-Moss");
    assertThat(server.user(TENANT, dave).orElseThrow().getBoolean("active")).hasValue(true);
    assertThat(server.fingerprint(TENANT)).doesNotContain("Wint3rIsComing!");
    assertThat(server.members(TENANT, transcript.value("sales.id"))).containsExactly(dave);
  }

  @Test
  @DisplayName("negative control: the strict generic profile takes every step too, since the default mapping "
      + "keeps Okta's locale and password")
  void strictGenericTakesEveryStep() {
    Conversation conversation = conversation();
    Conversation.Transcript transcript = server.probeStrict(TENANT, "okta", conversation);

    transcript.assertAllPassed();
    assertThat(conversation.quirkSteps()).isEmpty();
    assertThat(transcript.strictFailedSteps()).isEmpty();
  }
}
