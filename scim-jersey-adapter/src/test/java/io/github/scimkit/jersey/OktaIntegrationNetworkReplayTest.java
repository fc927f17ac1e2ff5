package io.github.scimkit.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.ResourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Okta, as an Okta Integration Network (OIN) app such as Bitwarden's, provisioning users and
 * pushing groups.
 *
 * <p>Transcribed from Okta's "SCIM 2.0 Protocol Reference" (developer.okta.com, okta-developer-docs
 * {@code docs/reference/scim/scim-20/index.md}), the archived Okta "SCIM" standards page (wire
 * samples and headers) and Okta's "Test your SCIM API" Runscope spec test, as summarised in the
 * project's IdP notes (§2.2). The request bodies are our own test data in the documented shapes.
 */
@DisplayName("Okta (Integration Network app): a provisioning conversation replayed over HTTP")
class OktaIntegrationNetworkReplayTest {

  private static final String TENANT = "okta-oin";
  private static final String PASSWORD = "t1meMachine!";

  private final ReplayServer server = new ReplayServer();

  @AfterEach
  void stop() {
    server.close();
  }

  static Conversation conversation() {
    String group = "urn:ietf:params:scim:schemas:core:2.0:Group";
    return Conversation.of("Okta OIN")
        // Okta's headers (archived SCIM page): its User-Agent, SCIM Accept, and a charset on bodies.
        .headers("User-Agent", "Okta SCIM Client 1.0.0", "Accept", "application/scim+json", "Accept-Charset", "utf-8")
        .contentType("application/scim+json; charset=utf-8")

        // Spec test: an id that does not exist, and not a UUID either, is 404 with a SCIM Error.
        .step("spec test: unknown user id")
        .get("Users/010101001010101011001010101011").expect(404).expectError(null)
        .step("spec test: unknown numeric user id")
        .get("Users/00919288221112222").expect(404).expectError(null)

        // Import/lookup before assigning: userName eq, with startIndex=1&count=100 (Protocol Reference).
        .step("look up ann before creating her")
        .get("Users?filter=userName%20eq%20%22ann.lee%40example.com%22&startIndex=1&count=100")
        .expectJson("/totalResults", 0).expectJson("/startIndex", 1)
        // Create: core schema only, Okta's user id as externalId, groups:[], a password and a locale.
        .step("create ann")
        .post("Users", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
             "userName":"ann.lee@example.com",
             "name":{"givenName":"Ann","familyName":"Lee"},
             "emails":[{"primary":true,"value":"ann.lee@example.com","type":"work"}],
             "displayName":"Ann Lee","locale":"en-US","externalId":"00u1ann0000000000001",
             "groups":[],"password":"%s","active":true}""".formatted(PASSWORD))
        .expect(201).capture("ann.id", "/id")
        .expectJson("/name/givenName", "Ann").expectJson("/name/familyName", "Lee")
        .expectJson("/userName", "ann.lee@example.com").expectJson("/active", true).expectJson("/password", null)
        .step("create ann again")
        .post("Users", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
             "userName":"ann.lee@example.com",
             "name":{"givenName":"Ann","familyName":"Lee"},
             "emails":[{"primary":true,"value":"ann.lee@example.com","type":"work"}],
             "displayName":"Ann Lee","locale":"en-US","externalId":"00u1ann0000000000001",
             "groups":[],"password":"%s","active":true}""".formatted(PASSWORD))
        .expect(409).expectError("uniqueness")
        // Spec test step 9: the userName in capitals, spaces encoded as '+' (archived page).
        .step("look up ann in capitals")
        .get("Users?filter=userName+eq+%22ANN.LEE%40EXAMPLE.COM%22&startIndex=1&count=100")
        .expectJson("/totalResults", 1).expectJson("/Resources/0/id", "{ann.id}")
        .step("look up bob before creating him")
        .get("Users?filter=userName%20eq%20%22bob.kim%40example.com%22&startIndex=1&count=100")
        .expectJson("/totalResults", 0)
        .step("create bob")
        .post("Users", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
             "userName":"bob.kim@example.com",
             "name":{"givenName":"Bob","familyName":"Kim"},
             "emails":[{"primary":true,"value":"bob.kim@example.com","type":"work"}],
             "displayName":"Bob Kim","locale":"en-US","externalId":"00u1bob0000000000002",
             "groups":[],"password":"%s","active":true}""".formatted(PASSWORD))
        .expect(201).capture("bob.id", "/id")

        // Profile change (OIN): GET, then PUT of the whole resource, echoing id, meta (with the
        // non-ISO dates of the archived samples), groups and the password.
        .step("get ann before her profile change")
        .get("Users/{ann.id}").expectJson("/id", "{ann.id}")
        .step("put ann with a new family name")
        .put("Users/{ann.id}", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
             "id":"{ann.id}",
             "userName":"ann.lee@example.com",
             "name":{"givenName":"Ann","familyName":"Lee-Park"},
             "emails":[{"primary":true,"value":"ann.lee@example.com","type":"work"}],
             "displayName":"Ann Lee-Park","locale":"en-US","externalId":"00u1ann0000000000001",
             "groups":[],"password":"%s","active":true,
             "meta":{"resourceType":"User","created":"04-12-2018 00:00:00","lastModified":"04-12-2018 00:00:00"}}"""
            .formatted(PASSWORD))
        .expectJson("/name/familyName", "Lee-Park").expectJson("/password", null)
        .step("get ann after her profile change")
        .get("Users/{ann.id}").expectJson("/name/familyName", "Lee-Park").expectJson("/displayName", "Ann Lee-Park")
        // Password sync: a no-path replace of the password; write-only, never returned.
        .step("sync ann's password").quirk()
        .patch("Users/{ann.id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","value":{"password":"n3wPassword!"}}]}""")
        .expectJson("/password", null)
        // Deactivate and reactivate: no-path PATCH of {"active":…}.
        .step("deactivate ann").quirk()
        .patch("Users/{ann.id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","value":{"active":false}}]}""")
        .expectJson("/active", false).expectJson("/name/familyName", "Lee-Park")
        .step("get ann while deactivated")
        .get("Users/{ann.id}").expectJson("/active", false)
        .step("reactivate ann").quirk()
        .patch("Users/{ann.id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","value":{"active":true}}]}""")
        .expectJson("/active", true)

        // Group Push. Import lists the groups first.
        .step("list groups for import")
        .get("Groups?startIndex=1&count=100").expectJson("/totalResults", 0)
        .step("push Engineering")
        .post("Groups", """
            {"schemas":["%s"],"displayName":"Engineering","members":[]}""".formatted(group))
        .expect(201).capture("eng.id", "/id")
        .step("push Contractors with a member")
        .post("Groups", """
            {"schemas":["%s"],"displayName":"Contractors",
             "members":[{"value":"{bob.id}","display":"bob.kim@example.com"}]}""".formatted(group))
        .expect(201).capture("contractors.id", "/id")
        // Membership update: the no-path replace of {id, displayName} rides along on every one.
        .step("add ann to Engineering").quirk()
        .patch("Groups/{eng.id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","value":{"id":"{eng.id}","displayName":"Engineering"}},
               {"op":"add","path":"members","value":[{"value":"{ann.id}","display":"ann.lee@example.com"}]}]}""")
        .expect(204)
        .step("rename Engineering").quirk()
        .patch("Groups/{eng.id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","value":{"id":"{eng.id}","displayName":"Engineering Team"}}]}""")
        .expect(204)
        .step("swap ann for bob in Engineering").quirk()
        .patch("Groups/{eng.id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","value":{"id":"{eng.id}","displayName":"Engineering Team"}},
               {"op":"remove","path":"members[value eq \\"{ann.id}\\"]"},
               {"op":"add","path":"members","value":[{"value":"{bob.id}","display":"bob.kim@example.com"}]}]}""")
        .expect(204)
        .step("push Engineering's full member list")
        .patch("Groups/{eng.id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"members","value":[
               {"value":"{ann.id}","display":"ann.lee@example.com"},
               {"value":"{bob.id}","display":"bob.kim@example.com"}]}]}""")
        .expect(204)
        .step("list groups again")
        .get("Groups?startIndex=1&count=100").expectJson("/totalResults", 2)
        // Unlink a pushed group, deleting it in the app: DELETE with a Content-Type and no body.
        .step("delete Contractors")
        .delete("Groups/{contractors.id}").header("Content-Type", "application/scim+json; charset=utf-8").expect(204)
        .step("get Contractors after delete")
        .get("Groups/{contractors.id}").expect(404).expectError(null)

        // Deleting or unassigning bob in Okta deactivates him here: Okta never sends DELETE /Users.
        .step("deprovision bob").quirk()
        .patch("Users/{bob.id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","value":{"active":false}}]}""")
        .expectJson("/active", false)
        .step("look up deprovisioned bob")
        .get("Users?filter=userName%20eq%20%22bob.kim%40example.com%22&startIndex=1&count=100")
        .expectJson("/totalResults", 1).expectJson("/Resources/0/active", false);
  }

  @Test
  @DisplayName("replays under the okta profile; users are deactivated, never deleted, and groups hold the pushed members")
  void replaysUnderOktaProfile() {
    String key = server.tenant(TENANT, "okta");

    Conversation.Transcript transcript = conversation().replay(server.base(TENANT), key).assertAllPassed();

    String ann = transcript.value("ann.id");
    String bob = transcript.value("bob.id");
    String eng = transcript.value("eng.id");
    Attributes annStored = server.user(TENANT, ann).orElseThrow();
    assertThat(annStored.getString("userName")).hasValue("ann.lee@example.com");
    assertThat(annStored.getString("email")).hasValue("ann.lee@example.com");
    assertThat(annStored.getString("familyName")).hasValue("Lee-Park");
    assertThat(annStored.getString("externalId")).hasValue("00u1ann0000000000001");
    assertThat(annStored.getBoolean("active")).hasValue(true);
    assertThat(server.user(TENANT, bob).orElseThrow().getBoolean("active")).hasValue(false);
    // Okta never deletes: both users are still there; no password, clear or otherwise, is stored.
    assertThat(server.users(TENANT)).extracting(ResourceRecord::id).containsExactlyInAnyOrder(ann, bob);
    assertThat(server.fingerprint(TENANT)).doesNotContain(PASSWORD).doesNotContain("n3wPassword!")
        .doesNotContainIgnoringCase("password");
    assertThat(server.groups(TENANT)).extracting(ResourceRecord::id).containsExactly(eng);
    assertThat(server.group(TENANT, eng).orElseThrow().getString("displayName")).hasValue("Engineering Team");
    assertThat(server.members(TENANT, eng)).containsExactlyInAnyOrder(ann, bob);
    assertThat(server.groupsOf(TENANT, bob)).containsExactly(eng);
  }

  @Test
  @DisplayName("negative control: under the strict generic profile exactly the quirk steps fail, with SCIM 400s")
  void strictGenericRefusesTheQuirkSteps() {
    Conversation conversation = conversation();
    Conversation.Transcript transcript = server.probeStrict(TENANT, "okta", conversation);

    transcript.assertAllPassed();
    transcript.assertStrictFailuresWere(conversation.quirkSteps());
  }
}
