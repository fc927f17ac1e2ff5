package io.github.scimkit.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.ResourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * JumpCloud's SCIM Identity Management connector: the activation test against a fresh
 * organization, then users and a group.
 *
 * <p>Transcribed from Bitwarden's "JumpCloud SCIM Integration" help page (Base URL and Token Key,
 * Activate, the attribute tables: {@code email} → {@code emails}, group members as an array of
 * member objects) and JumpCloud's support articles "Identity Management using a Custom SCIM
 * Integration" and "Integrate with Bitwarden" (the activation test creates a test user and a test
 * group and deletes both; a lookup precedes every create; empty groups are not sent; a group is
 * taken over by name), as summarised in the project's IdP notes (§2.3). JumpCloud's wire formats
 * are thinly documented: the {@code userName eq} and {@code displayName eq} lookups, the
 * value-list removal and deactivation by PATCH of {@code active} are the notes' inferences and
 * observations, marked there. The bodies are our own test data.
 */
@DisplayName("JumpCloud: a provisioning conversation replayed over HTTP")
class JumpCloudReplayTest {

  private static final String TENANT = "jumpcloud";

  private final ReplayServer server = new ReplayServer();

  @AfterEach
  void stop() {
    server.close();
  }

  /** A JumpCloud user: its username (not an email address), names, email and state; no externalId. */
  private static String user(String username, String given, String family, boolean active) {
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%1$s",
         "name":{"givenName":"%2$s","familyName":"%3$s"},"displayName":"%2$s %3$s",
         "emails":[{"value":"%1$s@example.com","type":"work","primary":true}],"active":%4$s}"""
        .formatted(username, given, family, active);
  }

  static Conversation conversation() {
    String patchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    return Conversation.of("JumpCloud")
        // Activate: a test user and a test group, created and deleted; it must pass on a fresh org.
        .step("activation: look up the test user")
        .get("Users?filter=userName%20eq%20%22jctestuser%22").expectJson("/totalResults", 0)
        .step("activation: create the test user")
        .post("Users", user("jctestuser", "JumpCloud", "Test", true)).expect(201).capture("test.user", "/id")
        .step("activation: look up the test group")
        .get("Groups?filter=displayName%20eq%20%22JumpCloud%20Test%20Group%22").expectJson("/totalResults", 0)
        .step("activation: create the test group")
        .post("Groups", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"JumpCloud Test Group",
             "members":[{"value":"{test.user}"}]}""").expect(201).capture("test.group", "/id")
        .step("activation: delete the test group")
        .delete("Groups/{test.group}").expect(204)
        .step("activation: delete the test user")
        .delete("Users/{test.user}").expect(204)

        // Provisioning the bound users: a lookup before every create.
        .step("look up dana")
        .get("Users?filter=userName%20eq%20%22dana.ross%22").expectJson("/totalResults", 0)
        .step("create dana")
        .post("Users", user("dana.ross", "Dana", "Ross", true)).expect(201).capture("dana.id", "/id")
        .expectJson("/userName", "dana.ross")
        .step("create dana again")
        .post("Users", user("dana.ross", "Dana", "Ross", true)).expect(409).expectError("uniqueness")
        .step("look up eli")
        .get("Users?filter=userName%20eq%20%22eli.park%22").expectJson("/totalResults", 0)
        .step("create eli")
        .post("Users", user("eli.park", "Eli", "Park", true)).expect(201).capture("eli.id", "/id")
        // Groups: looked up by name (an existing one is taken over), created with their members.
        .step("look up Support")
        .get("Groups?filter=displayName%20eq%20%22Support%22").expectJson("/totalResults", 0)
        .step("create Support with dana and eli")
        .post("Groups", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Support",
             "members":[{"value":"{dana.id}"},{"value":"{eli.id}"}]}""").expect(201).capture("support.id", "/id")
        .step("find Support by name")
        .get("Groups?filter=displayName%20eq%20%22Support%22")
        .expectJson("/totalResults", 1).expectJson("/Resources/0/id", "{support.id}")
        // Unbinding eli from the group: remove with path "members" and a value list.
        .step("remove eli from Support").quirk()
        .patch("Groups/{support.id}", """
            {"schemas":["%s"],"Operations":[{"op":"remove","path":"members","value":[{"value":"{eli.id}"}]}]}"""
            .formatted(patchOp)).expect(204)
        .step("add eli to Support again")
        .patch("Groups/{support.id}", """
            {"schemas":["%s"],"Operations":[{"op":"add","path":"members","value":[{"value":"{eli.id}"}]}]}"""
            .formatted(patchOp)).expect(204)
        // Suspend and unsuspend: active is !suspended && !passwordExpired.
        .step("look up dana before suspending her")
        .get("Users?filter=userName%20eq%20%22dana.ross%22").expectJson("/Resources/0/id", "{dana.id}")
        .step("suspend dana")
        .patch("Users/{dana.id}", """
            {"schemas":["%s"],"Operations":[{"op":"replace","path":"active","value":false}]}""".formatted(patchOp))
        .expectJson("/active", false)
        .step("unsuspend dana")
        .patch("Users/{dana.id}", """
            {"schemas":["%s"],"Operations":[{"op":"replace","path":"active","value":true}]}""".formatted(patchOp))
        .expectJson("/active", true)
        // Deleting eli in JumpCloud deletes him here.
        .step("delete eli")
        .delete("Users/{eli.id}").expect(204)
        .step("look up deleted eli")
        .get("Users?filter=userName%20eq%20%22eli.park%22").expectJson("/totalResults", 0);
  }

  @Test
  @DisplayName("replays under the jumpcloud profile: the activation test leaves nothing, members are exact")
  void replaysUnderJumpCloudProfile() {
    String key = server.tenant(TENANT, "jumpcloud");

    Conversation.Transcript transcript = conversation().replay(server.base(TENANT), key).assertAllPassed();

    String dana = transcript.value("dana.id");
    String support = transcript.value("support.id");
    assertThat(server.users(TENANT)).extracting(ResourceRecord::id).containsExactly(dana);
    assertThat(server.groups(TENANT)).extracting(ResourceRecord::id).containsExactly(support);
    Attributes danaStored = server.user(TENANT, dana).orElseThrow();
    assertThat(danaStored.getString("userName")).hasValue("dana.ross");
    assertThat(danaStored.getString("email")).hasValue("dana.ross@example.com");
    assertThat(danaStored.getBoolean("active")).hasValue(true);
    assertThat(danaStored.has("externalId")).isFalse();
    assertThat(server.members(TENANT, support)).containsExactly(dana);
  }

  @Test
  @DisplayName("negative control: under the strict generic profile only the value-list removal fails")
  void strictGenericRefusesTheQuirkSteps() {
    Conversation conversation = conversation();
    Conversation.Transcript transcript = server.probeStrict(TENANT, "jumpcloud", conversation);

    transcript.assertAllPassed();
    transcript.assertStrictFailuresWere(conversation.quirkSteps());
    assertThat(transcript.strictFailedSteps()).containsExactly("remove eli from Support");
  }
}
