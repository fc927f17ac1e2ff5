package io.github.scimkit.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scimkit.core.mapping.DefaultMappings;
import io.github.scimkit.core.mapping.ResourceMapping;
import io.github.scimkit.core.mapping.ScimMapping;
import io.github.scimkit.core.mapping.ScimUrns;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.ResourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Microsoft Entra ID provisioning a non-gallery app, in its default PATCH dialect and with
 * {@code ?aadOptscim062020} on the tenant URL.
 *
 * <p>Transcribed from Microsoft Learn, "Tutorial: Develop and plan provisioning for a SCIM
 * endpoint" (MicrosoftDocs/entra-docs {@code use-scim-to-provision-users-and-groups.md}: the
 * user and group request samples, Test Connection, {@code excludedAttributes=members} lookups),
 * "Known issues and resolutions with SCIM 2.0 protocol compliance"
 * ({@code application-provisioning-config-problem-scim-compatibility.md}: the default and flag
 * PATCH forms) and {@code how-provisioning-works.md} (soft delete, then DELETE 30 days later), as
 * summarised in the project's IdP notes (§2.1). The bodies are our own test data in those shapes.
 *
 * <p>The tenant runs on the default mapping, which keeps the enterprise extension. Entra matches
 * groups by name; a host that wants duplicate names refused makes Group {@code displayName}
 * unique, which {@link #aHostWithUniqueGroupNamesRefusesEntrasDuplicate} shows apart from the
 * replay.
 */
@DisplayName("Microsoft Entra ID: a provisioning conversation replayed over HTTP")
class EntraReplayTest {

  static final String ENTERPRISE = ScimUrns.ENTERPRISE_USER;
  private static final String TENANT = "entra";
  private static final String PATCH = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[%s]}";

  private final ReplayServer server = new ReplayServer();

  @AfterEach
  void stop() {
    server.close();
  }

  private static String patch(String operations) {
    return PATCH.formatted(operations);
  }

  /** A user as Entra creates it: core and enterprise schemas, meta, name, empty roles. */
  private static String user(String nickname, String given, String family, String department, String number) {
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%6$s"],
         "externalId":"%1$s","userName":"%1$s@contoso.com","active":true,"displayName":"%2$s %3$s",
         "emails":[{"primary":true,"type":"work","value":"%1$s@contoso.com"}],
         "meta":{"resourceType":"User"},
         "name":{"formatted":"%2$s %3$s","familyName":"%3$s","givenName":"%2$s"},
         "roles":[],
         "%6$s":{"department":"%4$s","employeeNumber":"%5$s"}}"""
        .formatted(nickname, given, family, department, number, ENTERPRISE);
  }

  /** The group create of the tutorial, with Microsoft's own schema URN next to the core one. */
  private static String group(String objectId, String name) {
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group",
           "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
         "externalId":"%s","displayName":"%s","meta":{"resourceType":"Group"}}""".formatted(objectId, name);
  }

  /**
   * The steps both dialects share before the updates: Test Connection (no User-Agent, a random
   * GUID as the filter value, and a random id), lookups by userName and unquoted externalId,
   * creates, and a duplicate.
   */
  private static Conversation start(String name, String flag) {
    return Conversation.of(name)
        // Test Connection: a filter on a random GUID must give 200 and an empty ListResponse; it
        // also fetches a random user. Entra's requests may carry no User-Agent (none is sent here).
        .step("test connection: random filter value")
        .get("Users?filter=userName%20eq%20%22b3c5e0f6-93a7-4d0e-a3b1-6a1f2e4c9d70%22" + flag.replace('?', '&'))
        .expectJson("/totalResults", 0).expectJson("/Resources/0", null)
        .step("test connection: random user")
        .get("Users/6f0e4b9a-2a8c-4c1e-9d57-3e1f0b2a7c44" + flag).expect(404).expectError(null)
        // Matching: userName first, then externalId, whose documented example is unquoted.
        .step("query ann by userName")
        .get("Users?filter=userName%20eq%20%22ann.lee%40contoso.com%22" + flag.replace('?', '&'))
        .expectJson("/totalResults", 0)
        .step("query ann by unquoted externalId").quirk()
        .get("Users?filter=externalId%20eq%20ann.lee" + flag.replace('?', '&')).expectJson("/totalResults", 0)
        .step("create ann")
        .post("Users" + flag, user("ann.lee", "Ann", "Lee", "Research", "1001"))
        .expect(201).capture("ann.id", "/id")
        .expectJson("/" + ENTERPRISE.replace("/", "~1") + "/department", "Research")
        .step("create ann again")
        .post("Users" + flag, user("ann.lee", "Ann", "Lee", "Research", "1001")).expect(409).expectError("uniqueness")
        .step("create bob")
        .post("Users" + flag, user("bob.kim", "Bob", "Kim", "Research", "1002")).expect(201).capture("bob.id", "/id")
        .step("create carl")
        .post("Users" + flag, user("carl.ito", "Carl", "Ito", "Sales", "1003")).expect(201).capture("carl.id", "/id")
        .step("query ann by externalId")
        .get("Users?filter=externalId%20eq%20%22ann.lee%22" + flag.replace('?', '&'))
        .expectJson("/totalResults", 1).expectJson("/Resources/0/id", "{ann.id}")
        // Any attribute used for matching must work as a filter, the work email included.
        .step("query ann by work email").quirk()
        .get("Users?filter=emails%5Btype%20eq%20%22work%22%5D.value%20eq%20%22ann.lee%40contoso.com%22"
            + flag.replace('?', '&'))
        .expectJson("/totalResults", 1).expectJson("/Resources/0/id", "{ann.id}")
        .step("get ann before updating her")
        .get("Users/{ann.id}" + flag).expectJson("/userName", "ann.lee@contoso.com");
  }

  /** The default dialect (no flag): capitalised ops, one op per attribute, "True"/"False". */
  static Conversation defaultMode() {
    String managerPath = ENTERPRISE + ":manager";
    return start("Entra (default)", "")
        .step("update ann's family name").quirk()
        .patch("Users/{ann.id}", patch("""
            {"op":"Replace","path":"name.familyName","value":"Lee-Smith"}"""))
        .expectJson("/name/familyName", "Lee-Smith")
        .step("update ann's work email").quirk()
        .patch("Users/{ann.id}", patch("""
            {"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"ann.smith@contoso.com"}"""))
        .expectJson("/emails/0/value", "ann.smith@contoso.com")
        .step("update ann's enterprise attributes").quirk()
        .patch("Users/{ann.id}", patch("""
            {"op":"Replace","path":"%1$s:department","value":"Design"},
            {"op":"Replace","path":"%1$s:employeeNumber","value":"2001"},
            {"op":"Add","path":"%2$s","value":[{"$ref":null,"value":"{bob.id}"}]}""".formatted(ENTERPRISE, managerPath)))
        .expectJson("/" + ENTERPRISE.replace("/", "~1") + "/manager/value", "{bob.id}")
        // The manager as a bare string, read as manager.value.
        .step("set ann's manager as a bare string").quirk()
        .patch("Users/{ann.id}", patch("""
            {"op":"Replace","path":"%s","value":"{carl.id}"}""".formatted(managerPath)))
        .expectJson("/" + ENTERPRISE.replace("/", "~1") + "/manager/value", "{carl.id}")
        .step("set ann's manager back as a bare string").quirk()
        .patch("Users/{ann.id}", patch("""
            {"op":"Replace","path":"%s","value":"{bob.id}"}""".formatted(managerPath)))
        .expectJson("/" + ENTERPRISE.replace("/", "~1") + "/manager/value", "{bob.id}")
        // Soft delete: the string "False"; the user stays visible to GET and to filters.
        .step("soft-delete carl").quirk()
        .patch("Users/{carl.id}", patch("""
            {"op":"Replace","path":"active","value":"False"}"""))
        .expectJson("/active", false)
        .step("get soft-deleted carl")
        .get("Users/{carl.id}").expectJson("/active", false)
        .step("query soft-deleted carl")
        .get("Users?filter=userName%20eq%20%22carl.ito%40contoso.com%22")
        .expectJson("/totalResults", 1).expectJson("/Resources/0/active", false)
        .step("disable bob").quirk()
        .patch("Users/{bob.id}", patch("""
            {"op":"Replace","path":"active","value":"False"}"""))
        .expectJson("/active", false)
        .step("re-enable bob").quirk()
        .patch("Users/{bob.id}", patch("""
            {"op":"Replace","path":"active","value":"True"}"""))
        .expectJson("/active", true)
        // Groups: looked up by displayName without members, created empty, then patched.
        .step("query Research by displayName")
        .get("Groups?excludedAttributes=members&filter=displayName%20eq%20%22Research%22")
        .expectJson("/totalResults", 0)
        .step("create Research").quirk()
        .post("Groups", group("9e1c7d8a-61b2-4c4f-8f0e-2b7a5d3c1e90", "Research")).expect(201)
        .capture("research.id", "/id").expectJson("/members", null)
        .step("add ann, bob and carl to Research").quirk()
        .patch("Groups/{research.id}", patch("""
            {"op":"Add","path":"members","value":[{"$ref":null,"value":"{ann.id}"},
              {"$ref":null,"value":"{bob.id}"},{"$ref":null,"value":"{carl.id}"}]}"""))
        .expect(204)
        .step("get Research without members")
        .get("Groups/{research.id}?excludedAttributes=members")
        .expectJson("/displayName", "Research").expectJson("/members", null)
        .step("query Research by displayName again")
        .get("Groups?excludedAttributes=members&filter=displayName%20eq%20%22Research%22")
        .expectJson("/totalResults", 1).expectJson("/Resources/0/id", "{research.id}")
        .expectJson("/Resources/0/members", null)
        // Removal as a value list: only bob goes, never the whole group.
        .step("remove bob from Research").quirk()
        .patch("Groups/{research.id}", patch("""
            {"op":"Remove","path":"members","value":[{"value":"{bob.id}"}]}"""))
        .expect(204)
        // After a removal Entra may add members that are already there.
        .step("re-add ann to Research").quirk()
        .patch("Groups/{research.id}", patch("""
            {"op":"Add","path":"members","value":[{"$ref":null,"value":"{ann.id}"}]}"""))
        .expect(204)
        .step("rename Research").quirk()
        .patch("Groups/{research.id}", patch("""
            {"op":"Replace","path":"displayName","value":"Research and Design"}"""))
        .expect(204)
        .step("create Interns").quirk()
        .post("Groups", group("0d2f8e4b-7c19-4a3e-b6d5-8f1a2c3e4b57", "Interns")).expect(201)
        .capture("interns.id", "/id")
        .step("delete Interns")
        .delete("Groups/{interns.id}").expect(204)
        // Thirty days after the soft delete: the hard DELETE.
        .step("hard-delete carl")
        .delete("Users/{carl.id}").expect(204)
        .step("get hard-deleted carl")
        .get("Users/{carl.id}").expect(404).expectError(null);
  }

  /**
   * With {@code ?aadOptscim062020}: lower-case ops, JSON booleans, one no-path replace whose keys
   * are paths, and member removal by a value filter. Entra appends the flag to the tenant URL; we
   * send it on every request (our inference of how it carries over to each request).
   */
  static Conversation flagMode() {
    String flag = "?aadOptscim062020";
    return start("Entra (aadOptscim062020)", flag)
        .step("update ann").quirk()
        .patch("Users/{ann.id}" + flag, patch("""
            {"op":"replace","value":{"displayName":"Ann Lee-Smith","name.givenName":"Ann",
              "name.familyName":"Lee-Smith","%1$s:employeeNumber":"2001","%1$s:department":"Design"}},
            {"op":"replace","path":"emails[type eq \\"work\\"].value","value":"ann.smith@contoso.com"}"""
            .formatted(ENTERPRISE)))
        .expectJson("/name/familyName", "Lee-Smith").expectJson("/emails/0/value", "ann.smith@contoso.com")
        .step("set ann's manager")
        .patch("Users/{ann.id}" + flag, patch("""
            {"op":"add","path":"%s:manager","value":{"value":"{bob.id}"}}""".formatted(ENTERPRISE)))
        .expectJson("/" + ENTERPRISE.replace("/", "~1") + "/manager/value", "{bob.id}")
        .step("soft-delete carl")
        .patch("Users/{carl.id}" + flag, patch("""
            {"op":"replace","path":"active","value":false}"""))
        .expectJson("/active", false)
        .step("get soft-deleted carl")
        .get("Users/{carl.id}" + flag).expectJson("/active", false)
        .step("query soft-deleted carl")
        .get("Users?filter=userName%20eq%20%22carl.ito%40contoso.com%22&aadOptscim062020")
        .expectJson("/totalResults", 1).expectJson("/Resources/0/active", false)
        .step("query Research by displayName")
        .get("Groups?excludedAttributes=members&filter=displayName%20eq%20%22Research%22&aadOptscim062020")
        .expectJson("/totalResults", 0)
        .step("create Research").quirk()
        .post("Groups" + flag, group("9e1c7d8a-61b2-4c4f-8f0e-2b7a5d3c1e90", "Research")).expect(201)
        .capture("research.id", "/id")
        .step("add ann, bob and carl to Research")
        .patch("Groups/{research.id}" + flag, patch("""
            {"op":"add","path":"members","value":[{"$ref":null,"value":"{ann.id}"},
              {"$ref":null,"value":"{bob.id}"},{"$ref":null,"value":"{carl.id}"}]}"""))
        .expect(204)
        .step("remove bob from Research")
        .patch("Groups/{research.id}" + flag, patch("""
            {"op":"remove","path":"members[value eq \\"{bob.id}\\"]"}"""))
        .expect(204)
        .step("re-add ann to Research")
        .patch("Groups/{research.id}" + flag, patch("""
            {"op":"add","path":"members","value":[{"$ref":null,"value":"{ann.id}"}]}"""))
        .expect(204)
        .step("rename Research")
        .patch("Groups/{research.id}" + flag, patch("""
            {"op":"replace","path":"displayName","value":"Research and Design"}"""))
        .expect(204)
        .step("get Research without members")
        .get("Groups/{research.id}?excludedAttributes=members&aadOptscim062020")
        .expectJson("/displayName", "Research and Design").expectJson("/members", null)
        .step("hard-delete carl")
        .delete("Users/{carl.id}" + flag).expect(204)
        .step("get hard-deleted carl")
        .get("Users/{carl.id}" + flag).expect(404).expectError(null);
  }

  private void assertFinalState(Conversation.Transcript transcript) {
    String ann = transcript.value("ann.id");
    String bob = transcript.value("bob.id");
    String carl = transcript.value("carl.id");
    String research = transcript.value("research.id");
    Attributes annStored = server.user(TENANT, ann).orElseThrow();
    assertThat(annStored.getString("userName")).hasValue("ann.lee@contoso.com");
    assertThat(annStored.getString("familyName")).hasValue("Lee-Smith");
    // The work email Entra patched is the email: it is also the primary one.
    assertThat(annStored.getString("email")).hasValue("ann.smith@contoso.com");
    assertThat(annStored.getString("department")).hasValue("Design");
    assertThat(annStored.getString("employeeNumber")).hasValue("2001");
    assertThat(annStored.getString("managerId")).hasValue(bob);
    assertThat(annStored.getBoolean("active")).hasValue(true);
    assertThat(server.user(TENANT, bob).orElseThrow().getBoolean("active")).hasValue(true);
    assertThat(server.user(TENANT, carl)).isEmpty();
    assertThat(server.users(TENANT)).extracting(ResourceRecord::id).containsExactlyInAnyOrder(ann, bob);
    assertThat(server.groups(TENANT)).extracting(ResourceRecord::id).containsExactly(research);
    assertThat(server.group(TENANT, research).orElseThrow().getString("displayName")).hasValue("Research and Design");
    assertThat(server.group(TENANT, research).orElseThrow().getString("externalId"))
        .hasValue("9e1c7d8a-61b2-4c4f-8f0e-2b7a5d3c1e90");
    assertThat(server.members(TENANT, research)).containsExactly(ann);
  }

  @Test
  @DisplayName("default dialect: replays under the entra profile and leaves the expected users and members")
  void replaysDefaultDialect() {
    String key = server.tenant(TENANT, "entra");
    assertFinalState(defaultMode().replay(server.base(TENANT), key).assertAllPassed());
  }

  @Test
  @DisplayName("aadOptscim062020 dialect: replays under the entra profile and leaves the expected users and members")
  void replaysFlagDialect() {
    String key = server.tenant(TENANT, "entra");
    assertFinalState(flagMode().replay(server.base(TENANT), key).assertAllPassed());
  }

  @Test
  @DisplayName("negative control, default dialect: under the strict generic profile exactly the quirk steps fail")
  void strictGenericRefusesDefaultDialectQuirks() {
    assertStrictFailsAtQuirks(defaultMode());
  }

  @Test
  @DisplayName("negative control, aadOptscim062020 dialect: under the strict generic profile exactly the quirk steps fail")
  void strictGenericRefusesFlagDialectQuirks() {
    assertStrictFailsAtQuirks(flagMode());
  }

  @Test
  @DisplayName("a host that keeps group names unique answers Entra's duplicate create with 409 uniqueness")
  void aHostWithUniqueGroupNamesRefusesEntrasDuplicate() {
    try (ReplayServer unique = new ReplayServer(engine -> engine.mapping(ScimMapping.builder()
        .groups(ResourceMapping.groupBuilder().rule(DefaultMappings.uniqueGroupDisplayName()).build())
        .build()))) {
      String key = unique.tenant(TENANT, "entra");
      Conversation.of("Entra (unique group names)")
          .step("create Research").quirk()
          .post("Groups", group("9e1c7d8a-61b2-4c4f-8f0e-2b7a5d3c1e90", "Research")).expect(201)
          .step("create Research again").quirk()
          .post("Groups", group("9e1c7d8a-61b2-4c4f-8f0e-2b7a5d3c1e90", "research")).expect(409).expectError("uniqueness")
          .replay(unique.base(TENANT), key).assertAllPassed();
      assertThat(unique.groups(TENANT)).hasSize(1);
    }
  }

  private void assertStrictFailsAtQuirks(Conversation conversation) {
    Conversation.Transcript transcript = server.probeStrict(TENANT, "entra", conversation);
    assertFinalState(transcript.assertAllPassed());
    transcript.assertStrictFailuresWere(conversation.quirkSteps());
  }
}
