package io.github.scimkit.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #9's flow end to end, through HTTP only, against the example started as a user starts it
 * ({@link Main} in its own JVM, on a free port, with a fresh H2 data directory): read the printed
 * lines; create a second organization and enable SCIM; provision it as JumpCloud does; accept and
 * confirm a member; deactivate and reactivate it; remove one; rotate the key; restart and find
 * everything still there.
 */
class OrganizationFlowTest {

  @TempDir
  Path dataDir;

  @Test
  void theSeedsFlowEndToEndAcrossARestart() throws Exception {
    String admin;
    String adminApi;
    String acme;
    String scimUrl;
    String oldKey;
    String newKey;
    String demoUrl;
    String demoKey;
    Map<String, String> ids = new HashMap<>();

    try (ExampleProcess server = ExampleProcess.start("flow-first", "--port", "0", "--host", "127.0.0.1",
        "--data-dir", dataDir.toString())) {
      // The four lines of the first start.
      String adminUrl = server.awaitLine("ADMIN_URL");
      admin = server.awaitLine("ADMIN_TOKEN");
      demoUrl = server.awaitLine("SCIM_URL");
      demoKey = server.awaitLine("SCIM_API_KEY");
      assertThat(adminUrl).matches("http://localhost:\\d+/admin/");
      assertThat(admin).startsWith("scimkit_admin_");
      assertThat(demoKey).startsWith("scimkit_");
      String base = adminUrl.replaceAll("/admin/$", "");
      adminApi = base + "/admin/api";
      assertThat(demoUrl).startsWith(base + "/scim/v2/");

      assertThat(Http.get(base + "/health", null).json().path("status").asText()).isEqualTo("UP");
      assertThat(Http.get(base + "/scim/v2/health", null).json().path("status").asText()).isEqualTo("UP");
      assertThat(Http.get(adminApi + "/organizations", null).status()).isEqualTo(401);
      assertThat(Http.get(adminApi + "/organizations", "scimkit_admin_wrong").status()).isEqualTo(401);
      assertThat(Http.getWith(adminApi + "/organizations", "Authorization", admin).statusCode())
          .as("the admin token without the Bearer scheme").isEqualTo(401);
      var listed = Http.getWith(adminApi + "/organizations", "Authorization", "Bearer " + admin);
      assertThat(listed.statusCode()).isEqualTo(200);
      assertThat(listed.headers().firstValue("Cache-Control")).contains("no-store");
      assertThat(listed.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(Http.scim("GET", demoUrl + "/Users", demoKey, null).json().path("totalResults").asInt()).isZero();

      // The Admin Console: a second organization, its IdP profile, Enable SCIM.
      Http.Response created = Http.post(adminApi + "/organizations", admin, "{\"name\":\"Acme Corp\"}");
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      acme = created.json().path("id").asText();
      assertThat(created.json().path("scimEnabled").asBoolean()).isFalse();
      assertThat(Http.scim("GET", base + "/scim/v2/" + acme + "/Users", demoKey, null).status())
          .as("another organization's key").isEqualTo(401);
      JsonNode settings = Http.put(adminApi + "/organizations/" + acme + "/settings", admin,
          "{\"idpProfile\":\"jumpcloud\",\"mode\":\"lenient\"}").json();
      assertThat(settings.path("idpProfile").asText()).isEqualTo("jumpcloud");
      assertThat(Http.put(adminApi + "/organizations/" + acme + "/settings", admin, "{\"idpProfile\":\"nope\"}").status())
          .isEqualTo(400);
      JsonNode enabled = Http.post(adminApi + "/organizations/" + acme + "/scim/enable", admin, null).json();
      scimUrl = enabled.path("scimUrl").asText();
      oldKey = enabled.path("apiKey").asText();
      assertThat(scimUrl).isEqualTo(base + "/scim/v2/" + acme);
      assertThat(oldKey).startsWith("scimkit_");

      // JumpCloud provisions: a lookup before each create, then users, groups with members, member changes.
      for (String name : List.of("alice", "bob", "carol")) {
        JsonNode lookup = Http.scim("GET", scimUrl + "/Users?filter=" + Http.encode("userName eq \"" + name + "\""),
            oldKey, null).json();
        assertThat(lookup.path("totalResults").asInt()).isZero();
        Http.Response user = Http.scim("POST", scimUrl + "/Users", oldKey, "{'schemas':["
            + "'urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'" + name + "','displayName':'" + name + " Smith',"
            + "'name':{'givenName':'" + name + "','familyName':'Smith'},"
            + "'emails':[{'value':'" + name + "@acme.example','type':'work','primary':true}],'active':true}");
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        ids.put(name, user.json().path("id").asText());
      }
      Http.Response engineering = Http.scim("POST", scimUrl + "/Groups", oldKey, "{'schemas':["
          + "'urn:ietf:params:scim:schemas:core:2.0:Group'],'displayName':'Engineering',"
          + "'members':[{'value':'" + ids.get("alice") + "'},{'value':'" + ids.get("bob") + "'}]}");
      assertThat(engineering.status()).as(engineering.toString()).isEqualTo(201);
      ids.put("engineering", engineering.json().path("id").asText());
      Http.Response sales = Http.scim("POST", scimUrl + "/Groups", oldKey, "{'schemas':["
          + "'urn:ietf:params:scim:schemas:core:2.0:Group'],'displayName':'Sales','members':[{'value':'"
          + ids.get("carol") + "'}]}");
      assertThat(sales.status()).isEqualTo(201);
      ids.put("sales", sales.json().path("id").asText());
      assertThat(patchGroup(scimUrl, oldKey, ids.get("engineering"),
          "{'op':'add','path':'members','value':[{'value':'" + ids.get("carol") + "'}]}")).isIn(200, 204);
      assertThat(patchGroup(scimUrl, oldKey, ids.get("engineering"),
          "{'op':'remove','path':'members','value':[{'value':'" + ids.get("bob") + "'}]}")).isIn(200, 204);

      assertThat(statuses(adminApi, admin, acme))
          .containsExactlyInAnyOrderEntriesOf(Map.of("alice", "Invited", "bob", "Invited", "carol", "Invited"));
      assertThat(groupsOfMembers(adminApi, admin, acme)).containsEntry("alice", List.of("Engineering"))
          .containsEntry("bob", List.of()).containsEntry("carol", List.of("Engineering", "Sales"));

      // Alice follows her invitation link; the admin confirms her.
      JsonNode outbox = Http.get(adminApi + "/organizations/" + acme + "/outbox", admin).json();
      assertThat(outbox).hasSize(3).allSatisfy(message -> assertThat(message.path("kind").asText()).isEqualTo("invitation"));
      String aliceLink = StreamSupport.stream(outbox.spliterator(), false)
          .filter(message -> message.path("recipient").asText().equals("alice@acme.example"))
          .findFirst().orElseThrow().path("link").asText();
      assertThat(aliceLink).startsWith(base + "/invitations/");
      Http.Response page = Http.get(aliceLink, null);
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("<form method=\"post\">").contains("Accept invitation");
      assertThat(status(adminApi, admin, acme, ids.get("alice"))).as("GET accepts nothing").isEqualTo("Invited");
      Http.Response accepted = Http.submitForm(aliceLink);
      assertThat(accepted.status()).isEqualTo(200);
      assertThat(accepted.body()).contains("Invitation accepted");
      assertThat(Http.submitForm(aliceLink).status()).as("single-use").isEqualTo(404);
      assertThat(status(adminApi, admin, acme, ids.get("bob"))).isEqualTo("Invited");
      assertThat(Http.post(adminApi + "/organizations/" + acme + "/members/" + ids.get("bob") + "/confirm", admin, null)
          .status()).as("bob has not accepted").isEqualTo(409);
      assertThat(status(adminApi, admin, acme, ids.get("alice"))).isEqualTo("Accepted");
      JsonNode confirmed = Http.post(
          adminApi + "/organizations/" + acme + "/members/" + ids.get("alice") + "/confirm", admin, null).json();
      assertThat(confirmed.path("status").asText()).isEqualTo("Confirmed");

      // JumpCloud suspends alice, then restores her.
      assertThat(patchUser(scimUrl, oldKey, ids.get("alice"), "{'op':'replace','path':'active','value':false}"))
          .isIn(200, 204);
      JsonNode revoked = Http.get(adminApi + "/organizations/" + acme + "/members/" + ids.get("alice"), admin).json();
      assertThat(revoked.path("status").asText()).isEqualTo("Revoked");
      assertThat(revoked.path("statusBeforeRevoke").asText()).isEqualTo("Confirmed");
      assertThat(scimActive(scimUrl, oldKey)).containsExactlyInAnyOrderEntriesOf(
          Map.of("alice", false, "bob", true, "carol", true));
      assertThat(patchUser(scimUrl, oldKey, ids.get("alice"), "{'op':'replace','path':'active','value':true}"))
          .isIn(200, 204);
      assertThat(status(adminApi, admin, acme, ids.get("alice"))).isEqualTo("Confirmed");
      assertThat(scimActive(scimUrl, oldKey).values()).containsOnly(true);

      // JumpCloud deletes carol: she leaves her groups too.
      assertThat(Http.scim("DELETE", scimUrl + "/Users/" + ids.get("carol"), oldKey, null).status()).isEqualTo(204);
      assertThat(Http.scim("GET", scimUrl + "/Users/" + ids.get("carol"), oldKey, null).status()).isEqualTo(404);
      assertThat(statuses(adminApi, admin, acme))
          .containsExactlyInAnyOrderEntriesOf(Map.of("alice", "Confirmed", "bob", "Invited"));
      assertThat(membersOfGroups(adminApi, admin, acme))
          .containsExactlyInAnyOrderEntriesOf(Map.of("Engineering", List.of("alice"), "Sales", List.of()));

      // Rotate the key: the old one fails at once.
      newKey = Http.post(adminApi + "/organizations/" + acme + "/scim/rotate-key", admin, null).json()
          .path("apiKey").asText();
      assertThat(newKey).startsWith("scimkit_").isNotEqualTo(oldKey);
      assertThat(Http.scim("GET", scimUrl + "/Users", oldKey, null).status()).isEqualTo(401);
      assertThat(Http.scim("GET", scimUrl + "/Users", newKey, null).status()).isEqualTo(200);

      assertThat(kinds(adminApi, admin, acme))
          .containsExactly("invitation", "invitation", "invitation", "accepted", "confirmed", "revoked", "restored",
              "removed");
    }

    // A restart on the same data directory: no token or key is printed again, everything is still there.
    try (ExampleProcess server = ExampleProcess.start("flow-restart", "--port", "0", "--host", "127.0.0.1",
        "--data-dir", dataDir.toString())) {
      String base = server.awaitLine("ADMIN_URL").replaceAll("/admin/$", "");
      assertThat(server.moreLines(Duration.ofSeconds(1))).noneMatch(line -> line.contains("="));
      assertThat(server.printed()).containsOnlyKeys("ADMIN_URL");
      String api = base + "/admin/api";
      String url = base + "/scim/v2/" + acme;

      JsonNode organizations = Http.get(api + "/organizations", admin).json();
      assertThat(organizations).extracting(org -> org.path("name").asText())
          .containsExactly("Demo organization", "Acme Corp");
      JsonNode acmeNow = Http.get(api + "/organizations/" + acme, admin).json();
      assertThat(acmeNow.path("scimEnabled").asBoolean()).isTrue();
      assertThat(acmeNow.path("idpProfile").asText()).isEqualTo("jumpcloud");
      assertThat(acmeNow.path("scimUrl").asText()).isEqualTo(url);

      assertThat(Http.scim("GET", url + "/Users", newKey, null).json().path("totalResults").asInt()).isEqualTo(2);
      assertThat(Http.scim("GET", url + "/Users", oldKey, null).status()).isEqualTo(401);
      assertThat(Http.scim("GET", base + "/scim/v2/" + demoUrl.replaceAll(".*/", "") + "/Users", demoKey, null)
          .status()).isEqualTo(200);
      assertThat(statuses(api, admin, acme))
          .containsExactlyInAnyOrderEntriesOf(Map.of("alice", "Confirmed", "bob", "Invited"));
      assertThat(membersOfGroups(api, admin, acme))
          .containsExactlyInAnyOrderEntriesOf(Map.of("Engineering", List.of("alice"), "Sales", List.of()));
      assertThat(kinds(api, admin, acme)).hasSize(8);

      // The IdP keeps working: bob accepts his invitation from before the restart (the port changed, the
      // token did not), and is revoked and restored. A jumpcloud organization refuses Okta's path-less form.
      String bobLink = StreamSupport.stream(Http.get(api + "/organizations/" + acme + "/outbox", admin).json()
              .spliterator(), false)
          .filter(message -> message.path("recipient").asText().equals("bob@acme.example"))
          .findFirst().orElseThrow().path("link").asText();
      assertThat(Http.post(bobLink.replaceAll("^http://[^/]+", base),
          null, null).json().path("status").asText()).isEqualTo("Accepted");
      assertThat(patchUser(url, newKey, ids.get("bob"), "{'op':'replace','value':{'active':false}}")).isEqualTo(400);
      assertThat(patchUser(url, newKey, ids.get("bob"), "{'op':'replace','path':'active','value':false}"))
          .isIn(200, 204);
      assertThat(status(api, admin, acme, ids.get("bob"))).isEqualTo("Revoked");
      assertThat(patchUser(url, newKey, ids.get("bob"), "{'op':'replace','path':'active','value':true}"))
          .isIn(200, 204);
      assertThat(status(api, admin, acme, ids.get("bob"))).isEqualTo("Accepted");

      // Disable SCIM: the key stops working, the members stay.
      assertThat(Http.post(api + "/organizations/" + acme + "/scim/disable", admin, null).json()
          .path("scimEnabled").asBoolean()).isFalse();
      assertThat(Http.scim("GET", url + "/Users", newKey, null).status()).isEqualTo(401);
      assertThat(statuses(api, admin, acme)).hasSize(2);
    }
  }

  @Test
  void newKeyRotatesAtStartAndPrintsTheKey() throws Exception {
    String scimUrl;
    String firstKey;
    try (ExampleProcess server = ExampleProcess.start("newkey-first", "--port", "0", "--host", "127.0.0.1",
        "--data-dir", dataDir.toString())) {
      scimUrl = server.awaitLine("SCIM_URL");
      firstKey = server.awaitLine("SCIM_API_KEY");
    }
    String org = scimUrl.replaceAll(".*/", "");
    try (ExampleProcess server = ExampleProcess.start("newkey-second", "--port", "0", "--host", "127.0.0.1",
        "--data-dir", dataDir.toString(), "--new-key", org)) {
      String base = server.awaitLine("ADMIN_URL").replaceAll("/admin/$", "");
      String printedUrl = server.awaitLine("SCIM_URL");
      String key = server.awaitLine("SCIM_API_KEY");
      assertThat(server.printed()).doesNotContainKey("ADMIN_TOKEN");
      assertThat(printedUrl).isEqualTo(base + "/scim/v2/" + org);
      assertThat(key).isNotEqualTo(firstKey);
      assertThat(Http.scim("GET", printedUrl + "/Users", key, null).status()).isEqualTo(200);
      assertThat(Http.scim("GET", printedUrl + "/Users", firstKey, null).status()).isEqualTo(401);
    }
  }

  // ---------------------------------------------------------------- helpers

  private static int patchUser(String scimUrl, String key, String id, String operation) throws Exception {
    return Http.scim("PATCH", scimUrl + "/Users/" + id, key,
        "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[" + operation + "]}").status();
  }

  private static int patchGroup(String scimUrl, String key, String id, String operation) throws Exception {
    return Http.scim("PATCH", scimUrl + "/Groups/" + id, key,
        "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[" + operation + "]}").status();
  }

  private static String status(String api, String admin, String org, String member) throws Exception {
    return Http.get(api + "/organizations/" + org + "/members/" + member, admin).json().path("status").asText();
  }

  private static Map<String, String> statuses(String api, String admin, String org) throws Exception {
    Map<String, String> statuses = new HashMap<>();
    Http.get(api + "/organizations/" + org + "/members", admin).json()
        .forEach(member -> statuses.put(member.path("userName").asText(), member.path("status").asText()));
    return statuses;
  }

  private static Map<String, List<String>> groupsOfMembers(String api, String admin, String org) throws Exception {
    Map<String, List<String>> groups = new HashMap<>();
    Http.get(api + "/organizations/" + org + "/members", admin).json().forEach(member -> groups.put(
        member.path("userName").asText(),
        StreamSupport.stream(member.path("groups").spliterator(), false).map(g -> g.path("name").asText()).toList()));
    return groups;
  }

  private static Map<String, List<String>> membersOfGroups(String api, String admin, String org) throws Exception {
    Map<String, List<String>> members = new HashMap<>();
    Http.get(api + "/organizations/" + org + "/groups", admin).json().forEach(group -> members.put(
        group.path("displayName").asText(),
        StreamSupport.stream(group.path("members").spliterator(), false).map(m -> m.path("name").asText()).toList()));
    return members;
  }

  private static List<String> kinds(String api, String admin, String org) throws Exception {
    return StreamSupport.stream(Http.get(api + "/organizations/" + org + "/outbox", admin).json().spliterator(), false)
        .map(message -> message.path("kind").asText()).toList();
  }

  /** SCIM's own view: userName → active, from GET /Users. */
  private static Map<String, Boolean> scimActive(String scimUrl, String key) throws Exception {
    Map<String, Boolean> active = new HashMap<>();
    Http.scim("GET", scimUrl + "/Users", key, null).json().path("Resources")
        .forEach(user -> active.put(user.path("userName").asText(), user.path("active").asBoolean()));
    return active;
  }
}
