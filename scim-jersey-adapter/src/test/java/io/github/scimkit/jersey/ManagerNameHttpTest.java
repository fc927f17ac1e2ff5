package io.github.scimkit.jersey;

import static io.github.scimkit.jersey.CountingServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.scimkit.core.mapping.ScimUrns;
import io.github.scimkit.core.tenant.ScimMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The enterprise {@code manager.displayName} (readOnly, RFC 7643 §4.3) over HTTP on the in-memory
 * store: the server fills it with the manager's current {@code displayName}, on GET, in lists
 * with one user-store search per page (counted on the store), and in write responses; a client's
 * value is never kept, and it is not looked up when the projection leaves it out.
 */
@DisplayName("manager.displayName, filled by the server")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagerNameHttpTest {

  private static final String USER = ScimUrns.USER;
  private static final String ENTERPRISE = ScimUrns.ENTERPRISE_USER;

  private CountingServer server;

  @BeforeAll
  void start() {
    server = new CountingServer("managers");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private JsonNode post(String userName, String displayName, String managerId) {
    String schemas = managerId == null ? "\"" + USER + "\"" : "\"" + USER + "\",\"" + ENTERPRISE + "\"";
    String manager = managerId == null ? ""
        : ",\"" + ENTERPRISE + "\":{\"manager\":{\"value\":\"" + managerId + "\"}}";
    return ok(server.call("POST", "Users", "{\"schemas\":[" + schemas + "],\"userName\":\"" + userName
        + "\",\"displayName\":\"" + displayName + "\"" + manager + "}"), 201);
  }

  private static String managerName(JsonNode user) {
    JsonNode name = user.path(ENTERPRISE).path("manager").path("displayName");
    return name.isMissingNode() ? null : name.asText();
  }

  @ParameterizedTest
  @EnumSource(ScimMode.class)
  @DisplayName("GET, lists and write responses carry the manager's current name; one search per page")
  void fillsTheManagersNameWithOneSearchPerPage(ScimMode mode) {
    server.tenant(mode);
    String ann = post("a-ann", "Ann Boss", null).path("id").asText();
    String cy = post("b-cy", "Cy Chief", null).path("id").asText();
    JsonNode created = post("c-report0", "Report 0", ann);
    assertThat(managerName(created)).as("the POST response").isEqualTo("Ann Boss");
    List<String> reports = new ArrayList<>(List.of(created.path("id").asText()));
    for (int i = 1; i < 5; i++) {
      reports.add(post("c-report" + i, "Report " + i, i % 2 == 0 ? ann : cy).path("id").asText());
    }
    String orphan = post("d-orphan", "Orphan", "not-a-user").path("id").asText();

    server.counting().reset();
    JsonNode list = ok(server.call("GET", "Users?sortBy=userName", null), 200).path("Resources");
    assertThat(server.counting().count("users.search")).as("the page, then one lookup for all its managers").isEqualTo(2);
    List<String> names = new ArrayList<>();
    list.forEach(user -> names.add(managerName(user)));
    assertThat(names).containsExactly(null, null, "Ann Boss", "Cy Chief", "Ann Boss", "Cy Chief", "Ann Boss", null);
    assertThat(list.get(7).path(ENTERPRISE).path("manager").path("value").asText()).isEqualTo("not-a-user");

    server.counting().reset();
    ok(server.call("GET", "Users?sortBy=userName&startIndex=3&count=2", null), 200);
    assertThat(server.counting().count("users.search")).as("the same for a page of 2").isEqualTo(2);

    ok(server.call("PATCH", "Users/" + ann, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
        + "\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Ann Renamed\"}]}"), 200);
    assertThat(managerName(ok(server.call("GET", "Users/" + reports.get(0), null), 200))).isEqualTo("Ann Renamed");
    assertThat(managerName(ok(server.call("GET", "Users/" + orphan, null), 200))).isNull();
  }

  @ParameterizedTest
  @EnumSource(ScimMode.class)
  @DisplayName("a client's manager.displayName is not kept; left out of the projection, it is not looked up")
  void ignoresTheClientsValueAndSkipsTheLookupWhenNotReturned(ScimMode mode) {
    server.tenant(mode);
    String ann = post("ann", "Ann Boss", null).path("id").asText();
    String body = "{\"schemas\":[\"" + USER + "\",\"" + ENTERPRISE + "\"],\"userName\":\"bob\",\"" + ENTERPRISE
        + "\":{\"manager\":{\"value\":\"" + ann + "\",\"displayName\":\"Not Her Name\"}}}";
    String bob = ok(server.call("POST", "Users", body), 201).path("id").asText();
    assertThat(managerName(ok(server.call("GET", "Users/" + bob, null), 200))).isEqualTo("Ann Boss");

    server.counting().reset();
    String excluded = URLEncoder.encode(ENTERPRISE + ":manager", StandardCharsets.UTF_8);
    JsonNode without = ok(server.call("GET", "Users?excludedAttributes=" + excluded, null), 200);
    assertThat(without.path("Resources").get(1).has(ENTERPRISE)).isFalse();
    ok(server.call("GET", "Users?attributes=userName", null), 200);
    assertThat(server.counting().count("users.search")).as("only the two pages").isEqualTo(2);

    String only = URLEncoder.encode(ENTERPRISE + ":manager.displayName", StandardCharsets.UTF_8);
    JsonNode narrowed = ok(server.call("GET", "Users/" + bob + "?attributes=" + only, null), 200);
    assertThat(managerName(narrowed)).isEqualTo("Ann Boss");
    assertThat(narrowed.path(ENTERPRISE).path("manager").has("value")).isFalse();
  }

  @ParameterizedTest
  @EnumSource(ScimMode.class)
  @DisplayName("a filter or sort on manager.displayName is refused, since no store holds it")
  void refusesFiltersAndSortsOnTheManagersName(ScimMode mode) {
    server.tenant(mode);
    String ann = post("ann", "Ann Boss", null).path("id").asText();
    post("bob", "Bob", ann);
    String path = ENTERPRISE + ":manager.displayName";
    String filter = URLEncoder.encode(path + " eq \"Ann Boss\"", StandardCharsets.UTF_8);
    JsonNode filtered = ok(server.call("GET", "Users?filter=" + filter, null), 400);
    assertThat(filtered.path("scimType").asText()).isEqualTo("invalidFilter");
    JsonNode sorted = ok(server.call("GET", "Users?sortBy=" + URLEncoder.encode(path, StandardCharsets.UTF_8), null), 400);
    assertThat(sorted.path("scimType").asText()).isEqualTo("invalidValue");
  }
}
