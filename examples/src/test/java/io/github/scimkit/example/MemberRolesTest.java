package io.github.scimkit.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Members' roles over HTTP, against the example server on an H2 file (ScimKit's JDBC store): SCIM
 * {@code roles}, the group-to-role rules of the admin API, the last Owner's protection, and the
 * admin API's validation. Each test works in an organization of its own.
 */
class MemberRolesTest {

  private static final String USER_SCHEMA = "'schemas':['urn:ietf:params:scim:schemas:core:2.0:User']";
  private static final String PATCH_SCHEMA = "'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp']";

  @TempDir
  static Path dataDir;

  private static ExampleServer server;
  private static String admin;

  private String org;
  private String scim;
  private String key;

  @BeforeAll
  static void start() {
    server = ExampleServer.start(ExampleConfig.defaults().withHost("127.0.0.1").withPort(0).withDataDir(dataDir));
    admin = server.firstStart().orElseThrow().adminToken();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void organization() throws Exception {
    org = Http.post(api("organizations"), admin, "{\"name\":\"Roles\"}").json().path("id").asText();
    JsonNode enabled = Http.post(api("organizations/" + org + "/scim/enable"), admin, null).json();
    scim = enabled.path("scimUrl").asText();
    key = enabled.path("apiKey").asText();
  }

  @Test
  void theRoleMarkedPrimaryOrTheOnlyOneIsTheMembersRoleAndFollowsPatches() throws Exception {
    String ann = createUser("ann", "[{'value':'user'},{'value':'admin','primary':true}]");
    assertRole(ann, "Admin", "roles");

    patchUser(ann, "{'op':'replace','path':'roles','value':[{'value':'CUSTOM','primary':true}]}");
    assertRole(ann, "Custom", "roles");

    patchUser(ann, "{'op':'replace','value':{'roles':[{'value':'superhero','primary':true}]}}");
    assertRole(ann, "User", "default"); // an unknown role is ignored (and logged)

    // Entra's AppRoleAssignmentsComplex sends each role as JSON inside the value's string.
    patchUser(ann, "{'op':'replace','path':'roles','value':[{'value':'{\\\"id\\\":\\\"4f1\\\",\\\"value\\\":\\\"Admin\\\"}'}]}");
    assertRole(ann, "Admin", "roles");

    // A PUT (Okta's AIW apps, Ping) replaces the roles with the rest of the resource.
    Http.Response put = Http.scim("PUT", scim + "/Users/" + ann, key, "{" + USER_SCHEMA + ",'userName':'ann',"
        + "'emails':[{'value':'ann@example.com','primary':true}],'active':true,'roles':[{'value':'Custom'}]}");
    assertThat(put.status()).as(put.toString()).isEqualTo(200);
    assertRole(ann, "Custom", "roles");

    String bob = createUser("bob", "[{'value':'admin'},{'value':'owner'}]");
    assertRole(bob, "User", "default"); // several values and none primary: none chosen
  }

  @Test
  void aGroupRulePromotesMembersAddedToTheGroupAndDemotesThemWhenRemoved() throws Exception {
    String carl = createUser("carl", null);
    String dora = createUser("dora", "[{'value':'Custom','primary':true}]");
    Http.Response groupCreated = Http.scim("POST", scim + "/Groups", key,
        "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'displayName':'Admins','members':[{'value':'" + dora + "'}]}");
    assertThat(groupCreated.status()).as(groupCreated.toString()).isEqualTo(201);
    String admins = groupCreated.json().path("id").asText();
    assertRole(dora, "Custom", "roles");

    Http.Response saved = Http.put(api("organizations/" + org + "/role-rules"), admin,
        "{\"rules\":[{\"group\":\"admins\",\"role\":\"admin\"}]}");
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    assertThat(saved.json().path("rules").get(0).path("role").asText()).isEqualTo("Admin");
    assertRole(dora, "Admin", "group:admins"); // saving the rules re-evaluates members at once
    assertThat(Http.get(api("organizations/" + org + "/role-rules"), admin).json().path("rules").size()).isEqualTo(1);

    patchGroup(admins, "{'op':'add','path':'members','value':[{'value':'" + carl + "'}]}");
    assertRole(carl, "Admin", "group:admins");

    patchGroup(admins, "{'op':'remove','path':'members[value eq \\\"" + carl + "\\\"]'}");
    assertRole(carl, "User", "default");
    patchGroup(admins, "{'op':'remove','path':'members[value eq \\\"" + dora + "\\\"]'}");
    assertRole(dora, "Custom", "roles"); // back to her own SCIM role

    // The most privileged source wins: her SCIM role Owner over the group's Admin.
    patchUser(dora, "{'op':'replace','path':'roles','value':[{'value':'owner','primary':true}]}");
    patchGroup(admins, "{'op':'add','path':'members','value':[{'value':'" + dora + "'}]}");
    assertRole(dora, "Owner", "roles");
  }

  @Test
  void provisioningNeverRemovesOrDemotesTheLastOwner() throws Exception {
    String olga = createUser("olga", "[{'value':'Owner','primary':true}]");
    assertRole(olga, "Owner", "roles");

    patchUser(olga, "{'op':'replace','path':'roles','value':[{'value':'User','primary':true}]}");
    assertRole(olga, "Owner", "roles"); // the last Owner stays Owner

    Http.Response refused = Http.scim("DELETE", scim + "/Users/" + olga, key, null);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().path("scimType").asText()).isEqualTo("mutability");
    assertThat(refused.json().path("detail").asText()).contains("last Owner").doesNotContain("Exception");
    assertThat(Http.scim("GET", scim + "/Users/" + olga, key, null).status()).isEqualTo(200);

    // An administrator makes another Owner; provisioning may then demote olga, and remove her.
    String pete = createUser("pete", null);
    Http.Response set = Http.put(api("organizations/" + org + "/members/" + pete + "/role"), admin, "{\"role\":\"owner\"}");
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    assertThat(set.json().path("roleSource").asText()).isEqualTo("admin");
    patchUser(olga, "{'op':'replace','path':'roles','value':[{'value':'Admin','primary':true}]}");
    assertRole(olga, "Admin", "roles");
    assertThat(Http.scim("DELETE", scim + "/Users/" + olga, key, null).status()).isEqualTo(204);

    // pete's role is the administrator's: provisioning leaves it, and the admin API keeps the last Owner too.
    patchUser(pete, "{'op':'replace','path':'roles','value':[{'value':'User','primary':true}]}");
    assertRole(pete, "Owner", "admin");
    assertThat(Http.put(api("organizations/" + org + "/members/" + pete + "/role"), admin, "{\"role\":\"Admin\"}").status())
        .isEqualTo(409);
    assertThat(Http.put(api("organizations/" + org + "/members/" + pete + "/role"), admin, "{\"role\":null}").status())
        .isEqualTo(409);
    assertThat(Http.scim("DELETE", scim + "/Users/" + pete, key, null).status()).isEqualTo(400);
  }

  @Test
  void theAdminApiRefusesBadRulesAndRoles() throws Exception {
    String rules = api("organizations/" + org + "/role-rules");
    for (String body : new String[] {
        "{\"rules\":[{\"group\":\"Admins\",\"role\":\"Superuser\"}]}",
        "{\"rules\":[{\"group\":\"Admins\"}]}",
        "{\"rules\":[{\"group\":\"  \",\"role\":\"Admin\"}]}",
        "{\"rules\":[{\"group\":\"Admins\",\"role\":\"Admin\"},{\"group\":\"ADMINS\",\"role\":\"Owner\"}]}",
        "{\"rules\":[\"Admins\"]}",
        "{\"rules\":{\"group\":\"Admins\",\"role\":\"Admin\"}}",
        "{\"rules\":[{\"group\":7,\"role\":\"Admin\"}]}",
        "{}",
        "{\"rules\":[",
        "[]"}) {
      Http.Response refused = Http.put(rules, admin, body);
      assertThat(refused.status()).as(body + " → " + refused).isEqualTo(400);
      assertThat(refused.json().path("status").asInt()).isEqualTo(400);
      assertThat(refused.json().path("error").asText()).isNotBlank().doesNotContain("Exception");
    }
    assertThat(Http.get(rules, admin).json().path("rules").size()).as("nothing was saved").isZero();
    assertThat(Http.put(rules, null, "{\"rules\":[]}").status()).isEqualTo(401);
    assertThat(Http.put(api("organizations/nope-1234/role-rules"), admin, "{\"rules\":[]}").status()).isEqualTo(404);

    String ann = createUser("ann", null);
    String role = api("organizations/" + org + "/members/" + ann + "/role");
    assertThat(Http.put(role, admin, "{\"role\":\"Superuser\"}").status()).isEqualTo(400);
    assertThat(Http.put(role, admin, "{}").status()).isEqualTo(400);
    assertThat(Http.put(api("organizations/" + org + "/members/nobody/role"), admin, "{\"role\":\"Admin\"}").status())
        .isEqualTo(404);
  }

  private static String api(String path) {
    return server.adminUrl() + "api/" + path;
  }

  private String createUser(String name, String roles) throws Exception {
    Http.Response created = Http.scim("POST", scim + "/Users", key, "{" + USER_SCHEMA + ",'userName':'" + name + "',"
        + "'emails':[{'value':'" + name + "@example.com','primary':true}],'active':true"
        + (roles == null ? "" : ",'roles':" + roles) + "}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("id").asText();
  }

  private void patchUser(String id, String operation) throws Exception {
    Http.Response patched = Http.scim("PATCH", scim + "/Users/" + id, key, "{" + PATCH_SCHEMA + ",'Operations':[" + operation + "]}");
    assertThat(patched.status()).as(patched.toString()).isIn(200, 204);
  }

  private void patchGroup(String id, String operation) throws Exception {
    Http.Response patched = Http.scim("PATCH", scim + "/Groups/" + id, key, "{" + PATCH_SCHEMA + ",'Operations':[" + operation + "]}");
    assertThat(patched.status()).as(patched.toString()).isIn(200, 204);
  }

  private void assertRole(String member, String role, String source) throws Exception {
    JsonNode shown = Http.get(api("organizations/" + org + "/members/" + member), admin).json();
    assertThat(shown.path("role").asText()).as(shown.toString()).isEqualTo(role);
    assertThat(shown.path("roleSource").asText()).as(shown.toString()).isEqualTo(source);
    JsonNode listed = Http.get(api("organizations/" + org + "/members"), admin).json();
    assertThat(listed.findValues("id").stream().anyMatch(id -> id.asText().equals(member))).isTrue();
  }
}
