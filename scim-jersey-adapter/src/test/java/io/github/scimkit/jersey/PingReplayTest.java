package io.github.scimkit.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scimkit.core.store.ResourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * PingOne's SCIM Outbound connection (and the PingFederate SCIM Provisioner of the same family).
 *
 * <p>Transcribed from Bitwarden's "Ping Identity SCIM Integration" page (Remove Action Disable →
 * revoked, Delete → removed), docs.pingidentity.com (PingOne SCIM filter expressions such as
 * {@code username Eq "%s"}; the PingFederate SCIM Provisioner reference: users updated by PUT,
 * groups listed and matched client-side; PingOne's provisioner "supports SCIM core and enterprise
 * attributes") and Bitwarden's code honouring {@code members} on PUT /Groups for Ping, as
 * summarised in the project's IdP notes (§2.5). The bodies are our own test data in that shape:
 * core and enterprise schemas, on the default mapping.
 *
 * <p>Everything here is RFC 7644: attribute names and operators in filters are case-insensitive
 * in every mode. So the negative control finds no step that needs the ping profile.
 */
@DisplayName("Ping Identity: a provisioning conversation replayed over HTTP")
class PingReplayTest {

  private static final String TENANT = "ping";

  private final ReplayServer server = new ReplayServer();

  @AfterEach
  void stop() {
    server.close();
  }

  /**
   * A user as PingOne's SCIM Outbound connection sends it: the core and enterprise schemas, with
   * the core and enterprise attributes its attribute mapping fills (title, phone numbers, an
   * address, locale, the enterprise department, employee number, cost center and manager).
   */
  private static String user(String name, String given, String family, boolean active) {
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
         "userName":"%1$s@example.com","externalId":"%1$s",
         "name":{"givenName":"%2$s","familyName":"%3$s","formatted":"%2$s %3$s"},"displayName":"%2$s %3$s",
         "nickName":"%2$s","title":"Field Engineer","preferredLanguage":"en","locale":"en_US",
         "timezone":"America/Denver","active":%4$s,
         "emails":[{"value":"%1$s@example.com","type":"work","primary":true}],
         "phoneNumbers":[{"value":"+1 303 555 0100","type":"work"},{"value":"+1 303 555 0199","type":"mobile"}],
         "addresses":[{"type":"work","streetAddress":"1001 17th St","locality":"Denver","region":"CO",
                       "postalCode":"80202","country":"US","primary":true}],
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{
           "employeeNumber":"E-%1$s","department":"Field","costCenter":"CC-300","organization":"Ping",
           "division":"Services","manager":{"value":"m-100"}}}"""
        .formatted(name, given, family, active);
  }

  private static String group(String members) {
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Ops","externalId":"ops",
         "members":[%s]}""".formatted(members);
  }

  static Conversation conversation() {
    return Conversation.of("Ping")
        // The User Filter Expression: lower-case attribute name, capitalised operator.
        .step("look up hana")
        .get("Users?filter=username%20Eq%20%22hana.sato%40example.com%22").expectJson("/totalResults", 0)
        .step("create hana")
        .post("Users", user("hana.sato", "Hana", "Sato", true)).expect(201).capture("hana.id", "/id")
        .expectJson("/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User/department", "Field")
        .expectJson("/phoneNumbers/1/value", "+1 303 555 0199")
        .step("create hana again")
        .post("Users", user("hana.sato", "Hana", "Sato", true)).expect(409).expectError("uniqueness")
        .step("look up ivan")
        .get("Users?filter=USERNAME%20EQ%20%22ivan.roth%40example.com%22").expectJson("/totalResults", 0)
        .step("create ivan")
        .post("Users", user("ivan.roth", "Ivan", "Roth", true)).expect(201).capture("ivan.id", "/id")
        .step("create jun")
        .post("Users", user("jun.abe", "Jun", "Abe", true)).expect(201).capture("jun.id", "/id")
        .step("look up hana in other case")
        .get("Users?filter=userName%20eq%20%22Hana.Sato%40Example.com%22")
        .expectJson("/totalResults", 1).expectJson("/Resources/0/id", "{hana.id}")
        // Users are updated with PUT.
        .step("update hana")
        .put("Users/{hana.id}", user("hana.sato", "Hana", "Sato-Kerr", true)).expectJson("/name/familyName", "Sato-Kerr")
        // Groups: list all and match client-side, create, then PUT the full member list.
        .step("list groups")
        .get("Groups").expectJson("/totalResults", 0)
        .step("create Ops")
        .post("Groups", group("")).expect(201).capture("ops.id", "/id")
        .step("put Ops with hana, ivan and jun")
        .put("Groups/{ops.id}", group("{\"value\":\"{hana.id}\"},{\"value\":\"{ivan.id}\"},{\"value\":\"{jun.id}\"}"))
        .step("put Ops without ivan")
        .put("Groups/{ops.id}", group("{\"value\":\"{hana.id}\"},{\"value\":\"{jun.id}\"}"))
        // Remove Action "Disable": PUT with active false. "Delete": DELETE.
        .step("disable ivan")
        .put("Users/{ivan.id}", user("ivan.roth", "Ivan", "Roth", false)).expectJson("/active", false)
        .step("delete jun")
        .delete("Users/{jun.id}").expect(204)
        .step("get deleted jun")
        .get("Users/{jun.id}").expect(404).expectError(null)
        .step("get unknown group")
        .get("Groups/not-a-uuid").expect(404).expectError(null);
  }

  @Test
  @DisplayName("replays under the ping profile: PUT updates and member lists, disable and delete")
  void replaysUnderPingProfile() {
    String key = server.tenant(TENANT, "ping");

    Conversation.Transcript transcript = conversation().replay(server.base(TENANT), key).assertAllPassed();

    String hana = transcript.value("hana.id");
    String ivan = transcript.value("ivan.id");
    String ops = transcript.value("ops.id");
    assertThat(server.users(TENANT)).extracting(ResourceRecord::id).containsExactlyInAnyOrder(hana, ivan);
    assertThat(server.user(TENANT, hana).orElseThrow().getString("familyName")).hasValue("Sato-Kerr");
    assertThat(server.user(TENANT, hana).orElseThrow().getString("email")).hasValue("hana.sato@example.com");
    assertThat(server.user(TENANT, hana).orElseThrow().getString("department")).hasValue("Field");
    assertThat(server.user(TENANT, hana).orElseThrow().getString("managerId")).hasValue("m-100");
    assertThat(server.user(TENANT, hana).orElseThrow().getString("title")).hasValue("Field Engineer");
    assertThat(server.user(TENANT, ivan).orElseThrow().getBoolean("active")).hasValue(false);
    assertThat(server.members(TENANT, ops)).containsExactly(hana);
  }

  @Test
  @DisplayName("negative control: the strict generic profile takes every step too; Ping needs no tolerance here")
  void strictGenericTakesEveryStep() {
    Conversation conversation = conversation();
    Conversation.Transcript transcript = server.probeStrict(TENANT, "ping", conversation);

    transcript.assertAllPassed();
    assertThat(conversation.quirkSteps()).isEmpty();
    assertThat(transcript.strictFailedSteps()).isEmpty();
  }
}
