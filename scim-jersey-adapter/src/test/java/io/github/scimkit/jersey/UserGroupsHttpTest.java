package io.github.scimkit.jersey;

import static io.github.scimkit.jersey.CountingServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * A user's read-only {@code groups} over HTTP on the in-memory store: returned on GET and in
 * lists with one group-store call per page (counted on the store), skipped when excluded, and
 * {@code groups.value} / {@code groups.display} filters pushed down to the store.
 */
@DisplayName("A user's groups, over HTTP")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserGroupsHttpTest {

  private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

  private CountingServer server;

  @BeforeAll
  void start() {
    server = new CountingServer("groups");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String user(String name) {
    return ok(server.call("POST", "Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + name + "\"}"), 201)
        .path("id").asText();
  }

  private String group(String name, String... members) {
    List<String> values = new ArrayList<>();
    for (String member : members) {
      values.add("{\"value\":\"" + member + "\"}");
    }
    return ok(server.call("POST", "Groups", "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"" + name
        + "\",\"members\":[" + String.join(",", values) + "]}"), 201).path("id").asText();
  }

  private int calls(String method) {
    return server.counting().count("groups." + method);
  }

  private List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.path("Resources").forEach(resource -> ids.add(resource.path("id").asText()));
    return ids;
  }

  private static String filter(String text) {
    return "filter=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @EnumSource(ScimMode.class)
  @DisplayName("GET and lists return groups with value, $ref, display and type; one store call per page")
  void returnsGroupsWithOneCallPerPage(ScimMode mode) {
    server.tenant(mode);
    List<String> users = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      users.add(user(String.format("user%d", i)));
    }
    String ops = group("Ops", users.get(0), users.get(1));
    String dev = group("Dev", users.get(1));
    server.counting().reset();

    JsonNode list = ok(server.call("GET", "Users?sortBy=userName", null), 200);
    assertThat(calls("groupsOfMembers")).as("one batched lookup for the page of 6").isEqualTo(1);
    assertThat(calls("groupsOf") + calls("get") + calls("members") + calls("isMember")).isZero();
    JsonNode second = list.path("Resources").get(1);
    assertThat(second.path("groups").findValuesAsText("value")).containsExactlyElementsOf(
        ops.compareTo(dev) < 0 ? List.of(ops, dev) : List.of(dev, ops));
    JsonNode first = list.path("Resources").get(0).path("groups").get(0);
    assertThat(first.path("value").asText()).isEqualTo(ops);
    assertThat(first.path("display").asText()).isEqualTo("Ops");
    assertThat(first.path("type").asText()).isEqualTo("direct");
    assertThat(first.path("$ref").asText()).endsWith("/Groups/" + ops);
    assertThat(list.path("Resources").get(2).has("groups")).isFalse();

    server.counting().reset();
    ok(server.call("GET", "Users?count=2", null), 200);
    assertThat(calls("groupsOfMembers")).as("the same one lookup for a page of 2").isEqualTo(1);

    server.counting().reset();
    JsonNode one = ok(server.call("GET", "Users/" + users.get(0), null), 200);
    assertThat(one.path("groups").findValuesAsText("display")).containsExactly("Ops");
    assertThat(calls("groupsOfMembers")).isEqualTo(1);

    JsonNode root = ok(server.call("POST", ".search", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
        + "\"filter\":\"userName eq \\\"user1\\\"\"}"), 200);
    assertThat(root.path("Resources").get(0).path("groups").findValuesAsText("value")).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(ScimMode.class)
  @DisplayName("value filters, display operators and type on groups are pushed down; one group meets a value filter")
  void filtersByGroupValueFiltersAndType(ScimMode mode) {
    server.tenant(mode);
    String ann = user("ann");
    String bob = user("bob");
    String cat = user("cat");
    user("dan");
    String admins = group("Admins", ann, bob);
    group("Ops Team", bob);
    group("dev", cat);
    server.counting().reset();

    assertThat(ids(ok(server.call("GET", "Users?" + filter("groups[value eq \"" + admins + "\"]") + "&sortBy=userName", null), 200)))
        .containsExactly(ann, bob);
    assertThat(ids(ok(server.call("GET", "Users?" + filter("groups[display eq \"OPS TEAM\"]"), null), 200))).containsExactly(bob);
    assertThat(ids(ok(server.call("GET", "Users?" + filter("groups.display co \"team\""), null), 200))).containsExactly(bob);
    assertThat(ids(ok(server.call("GET", "Users?" + filter("groups.display sw \"D\""), null), 200))).containsExactly(cat);
    assertThat(ids(ok(server.call("GET", "Users?" + filter("groups[value eq \"" + admins + "\" and display co \"team\"]"), null), 200)))
        .as("no one group is both").isEmpty();
    assertThat(ids(ok(server.call("GET", "Users?" + filter("groups[value eq \"" + admins + "\"] and groups.display co \"team\""), null), 200)))
        .containsExactly(bob);
    assertThat(ok(server.call("GET", "Users?" + filter("groups.type eq \"direct\""), null), 200).path("totalResults").asInt())
        .isEqualTo(3);
    assertThat(ok(server.call("GET", "Users?" + filter("groups[type eq \"indirect\"]"), null), 200).path("totalResults").asInt())
        .isZero();
    JsonNode search = ok(server.call("POST", "Users/.search", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
        + "\"filter\":\"groups[type eq \\\"direct\\\" and display eq \\\"dev\\\"]\"}"), 200);
    assertThat(ids(search)).containsExactly(cat);
    assertThat(calls("groupsOf")).as("filters run in the user store's search").isZero();
  }

  @ParameterizedTest
  @EnumSource(ScimMode.class)
  @DisplayName("excluded or not asked for, groups are neither looked up nor returned")
  void skipsGroupsWhenExcluded(ScimMode mode) {
    server.tenant(mode);
    String ann = user("ann");
    group("Ops", ann);
    server.counting().reset();

    JsonNode excluded = ok(server.call("GET", "Users?excludedAttributes=groups", null), 200);
    JsonNode narrowed = ok(server.call("GET", "Users/" + ann + "?attributes=userName", null), 200);
    assertThat(excluded.path("Resources").get(0).has("groups")).isFalse();
    assertThat(narrowed.has("groups")).isFalse();
    assertThat(calls("groupsOfMembers")).isZero();

    JsonNode only = ok(server.call("GET", "Users/" + ann + "?attributes=groups.display", null), 200);
    assertThat(only.path("groups").get(0).path("display").asText()).isEqualTo("Ops");
    assertThat(only.path("groups").get(0).has("value")).isFalse();
  }

  @ParameterizedTest
  @EnumSource(ScimMode.class)
  @DisplayName("groups.value and groups.display filters find the members; groups cannot be written")
  void filtersByGroups(ScimMode mode) {
    server.tenant(mode);
    String ann = user("ann");
    String bob = user("bob");
    user("cat");
    String ops = group("Ops", ann, bob);
    group("Dev", bob);
    server.counting().reset();

    assertThat(ids(ok(server.call("GET", "Users?" + filter("groups.value eq \"" + ops + "\"") + "&sortBy=userName", null), 200)))
        .containsExactly(ann, bob);
    assertThat(ids(ok(server.call("GET", "Users?" + filter("groups.display eq \"dev\""), null), 200))).containsExactly(bob);
    assertThat(ids(ok(server.call("GET", "Users?" + filter("groups.display sw \"O\" and userName eq \"ann\""), null), 200)))
        .containsExactly(ann);
    assertThat(ok(server.call("GET", "Users?" + filter("not (groups pr)"), null), 200).path("totalResults").asInt())
        .isEqualTo(1);
    assertThat(calls("groupsOf")).as("filters run in the user store's search").isZero();

    JsonNode error = ok(server.call("PATCH", "Users/" + ann, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
        + "\"Operations\":[{\"op\":\"add\",\"path\":\"groups\",\"value\":[{\"value\":\"" + ops + "\"}]}]}"), 400);
    assertThat(error.path("scimType").asText()).isEqualTo("mutability");
    assertThat(ok(server.call("GET", "Users?" + filter("groups.$ref pr"), null), 400).path("scimType").asText())
        .isEqualTo("invalidFilter");
    assertThat(ok(server.call("GET", "Users?sortBy=groups.display", null), 400).path("scimType").asText())
        .isEqualTo("invalidValue");
  }
}
