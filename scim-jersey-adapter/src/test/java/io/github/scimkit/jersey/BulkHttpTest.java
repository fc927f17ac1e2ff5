package io.github.scimkit.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.mapping.DefaultMappings;
import io.github.scimkit.core.mapping.ScimMapping;
import io.github.scimkit.jersey.auth.ApiKeyAuthenticator;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** POST /Bulk over real HTTP: references, ordering, cycles, failOnErrors and limits (RFC 7644 §3.7). */
@DisplayName("POST /Bulk over HTTP")
class BulkHttpTest {

  private static final String BULK_REQUEST = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
  private static final String BULK_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
  private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
  private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TENANT = "acme";

  private TestServer server;
  private String key;

  @BeforeEach
  void start() {
    ScimMapping mapping = ScimMapping.builder()
        .users(DefaultMappings.users().rule(ENTERPRISE + ":manager.value", "managerId").build())
        .build();
    server = new TestServer(EngineConfig.builder().maxBulkOperations(5).maxBulkPayloadBytes(4096).build(),
        engine -> engine.mapping(mapping), ApiKeyAuthenticator::new, builder -> builder.rateLimit(0, 0));
    key = server.tenant(TENANT);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String user(String userName) {
    return "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + userName + "\"}";
  }

  private static String group(String displayName, String... members) {
    StringBuilder list = new StringBuilder();
    for (String member : members) {
      list.append(list.length() == 0 ? "" : ",").append("{\"value\":\"").append(member).append("\"}");
    }
    return "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"" + displayName + "\",\"members\":[" + list + "]}";
  }

  private static String op(String method, String bulkId, String path, String data) {
    return "{\"method\":\"" + method + "\"" + (bulkId == null ? "" : ",\"bulkId\":\"" + bulkId + "\"")
        + ",\"path\":\"" + path + "\"" + (data == null ? "" : ",\"data\":" + data) + "}";
  }

  private static String patch(String operation) {
    return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[" + operation + "]}";
  }

  private static String bulk(Integer failOnErrors, String... operations) {
    return "{\"schemas\":[\"" + BULK_REQUEST + "\"]" + (failOnErrors == null ? "" : ",\"failOnErrors\":" + failOnErrors)
        + ",\"Operations\":[" + String.join(",", operations) + "]}";
  }

  private JsonNode post(String body) throws Exception {
    HttpResponse<String> response = server.send("POST", server.scim(TENANT, "Bulk"), key, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/scim+json"));
    JsonNode json = JSON.readTree(response.body());
    assertThat(json.path("schemas").get(0).asText()).isEqualTo(BULK_RESPONSE);
    return json;
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response = server.send("GET", server.scim(TENANT, path), key, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static List<String> statuses(JsonNode bulk) {
    List<String> statuses = new ArrayList<>();
    bulk.path("Operations").forEach(operation -> statuses.add(operation.path("status").asText()));
    return statuses;
  }

  private static String id(JsonNode operation) {
    String location = operation.path("location").asText();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private List<String> memberIds(String groupId) throws Exception {
    List<String> ids = new ArrayList<>();
    get("Groups/" + groupId).path("members").forEach(member -> ids.add(member.path("value").asText()));
    return ids;
  }

  private long total(String endpoint) throws Exception {
    return get(endpoint + "?count=0").path("totalResults").asLong();
  }

  @Test
  @DisplayName("bulkId references in members, in paths and in attribute values resolve to the new ids")
  void references() throws Exception {
    String manager = "{\"schemas\":[\"" + USER + "\",\"" + ENTERPRISE + "\"],\"userName\":\"bob\",\"" + ENTERPRISE
        + "\":{\"manager\":{\"value\":\"bulkId:u1\"}}}";
    JsonNode response = post(bulk(null,
        op("POST", "u1", "/Users", user("ann")),
        op("POST", "g1", "/Groups", group("Eng", "bulkId:u1")),
        op("POST", "u2", "/Users", manager),
        op("PATCH", null, "/Groups/bulkId:g1",
            patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"bulkId:u2\"}]}"))));

    assertThat(statuses(response)).containsExactly("201", "201", "201", "200");
    JsonNode operations = response.path("Operations");
    String ann = id(operations.get(0));
    String bob = id(operations.get(2));
    String eng = id(operations.get(1));
    assertThat(operations.get(0).path("location").asText()).endsWith("/scim/v2/acme/Users/" + ann);
    assertThat(operations.get(1).path("location").asText()).endsWith("/scim/v2/acme/Groups/" + eng);
    assertThat(operations.get(0).path("bulkId").asText()).isEqualTo("u1");
    assertThat(operations.get(0).path("version").asText()).startsWith("W/");
    assertThat(id(operations.get(3))).isEqualTo(eng);
    assertThat(memberIds(eng)).containsExactlyInAnyOrder(ann, bob);
    assertThat(get("Users/" + bob).path(ENTERPRISE).path("manager").path("value").asText()).isEqualTo(ann);
  }

  @Test
  @DisplayName("operations run in dependency order while the response keeps the request's order")
  void ordering() throws Exception {
    JsonNode response = post(bulk(null,
        op("POST", "g1", "/Groups", group("Eng", "bulkId:u1", "bulkId:u2")),
        op("PATCH", null, "/Users/bulkId:u2",
            patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Bob B\"}")),
        op("POST", "u1", "/Users", user("ann")),
        op("POST", "u2", "/Users", user("bob"))));

    assertThat(statuses(response)).containsExactly("201", "200", "201", "201");
    JsonNode operations = response.path("Operations");
    assertThat(operations).extracting(operation -> operation.path("method").asText())
        .containsExactly("POST", "PATCH", "POST", "POST");
    assertThat(memberIds(id(operations.get(0))))
        .containsExactlyInAnyOrder(id(operations.get(2)), id(operations.get(3)));
    assertThat(get("Users/" + id(operations.get(3))).path("displayName").asText()).isEqualTo("Bob B");
  }

  @Test
  @DisplayName("PUT, PATCH and DELETE of existing resources, each with its own status")
  void putPatchDelete() throws Exception {
    JsonNode created = post(bulk(null, op("POST", "a", "/Users", user("ann")), op("POST", "b", "/Users", user("bob"))));
    String ann = id(created.path("Operations").get(0));
    String bob = id(created.path("Operations").get(1));
    String put = "{\"schemas\":[\"" + USER + "\"],\"userName\":\"ann\",\"displayName\":\"Ann Put\"}";

    JsonNode response = post(bulk(null,
        op("PUT", null, "/Users/" + ann, put),
        op("PATCH", null, "/Users/" + ann, patch("{\"op\":\"replace\",\"path\":\"name.givenName\",\"value\":\"Annie\"}")),
        op("DELETE", null, "/Users/" + bob, null),
        op("DELETE", null, "/Users/" + bob, null)));

    assertThat(statuses(response)).containsExactly("200", "200", "204", "404");
    assertThat(response.path("Operations").get(3).path("response").path("schemas").get(0).asText()).isEqualTo(ERROR);
    JsonNode annNow = get("Users/" + ann);
    assertThat(annNow.path("displayName").asText()).isEqualTo("Ann Put");
    assertThat(annNow.path("name").path("givenName").asText()).isEqualTo("Annie");
    assertThat(server.send("GET", server.scim(TENANT, "Users/" + bob), key, null).statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("circular references fail with 409 and a SCIM Error; the other operations still run")
  void cycles() throws Exception {
    JsonNode response = post(bulk(null,
        op("POST", "u1", "/Users", user("ann")),
        op("POST", "ga", "/Groups", group("A", "bulkId:gb", "bulkId:u1")),
        op("POST", "gb", "/Groups", group("B", "bulkId:ga")),
        op("POST", "self", "/Groups", group("Self", "bulkId:self"))));

    assertThat(statuses(response)).containsExactly("201", "409", "409", "409");
    for (int index = 1; index <= 3; index++) {
      JsonNode error = response.path("Operations").get(index).path("response");
      assertThat(error.path("schemas").get(0).asText()).isEqualTo(ERROR);
      assertThat(error.path("status").asText()).isEqualTo("409");
      assertThat(error.path("scimType").asText()).isEqualTo("invalidValue");
      assertThat(response.path("Operations").get(index).has("location")).isFalse();
    }
    assertThat(total("Groups")).isZero();
    assertThat(total("Users")).isEqualTo(1);
  }

  @Test
  @DisplayName("failOnErrors 1 stops after the first failure; without it every operation runs")
  void failOnErrors() throws Exception {
    String failing = op("PATCH", null, "/Users/no-such-user",
        patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}"));
    JsonNode stopped = post(bulk(1, failing, op("POST", "u1", "/Users", user("ann"))));
    assertThat(statuses(stopped)).containsExactly("404");
    assertThat(total("Users")).isZero();

    JsonNode two = post(bulk(2, failing, op("POST", "u1", "/Users", user("ann")), failing,
        op("POST", "u2", "/Users", user("bob"))));
    assertThat(statuses(two)).containsExactly("404", "201", "404");
    assertThat(total("Users")).isEqualTo(1);

    JsonNode all = post(bulk(null, failing, op("POST", "u3", "/Users", user("cid"))));
    assertThat(statuses(all)).containsExactly("404", "201");
    assertThat(total("Users")).isEqualTo(2);

    HttpResponse<String> zero = server.send("POST", server.scim(TENANT, "Bulk"), key, bulk(0, failing));
    assertThat(zero.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(zero.body()).path("scimType").asText()).isEqualTo("invalidValue");
  }

  @Test
  @DisplayName("maxOperations and maxPayloadSize are advertised and enforced with 413; nothing is written")
  void limits() throws Exception {
    JsonNode spc = get("ServiceProviderConfig");
    assertThat(spc.path("bulk").path("supported").asBoolean()).isTrue();
    assertThat(spc.path("bulk").path("maxOperations").asInt()).isEqualTo(5);
    assertThat(spc.path("bulk").path("maxPayloadSize").asInt()).isEqualTo(4096);
    String before = server.fingerprint(TENANT);

    String[] six = new String[6];
    for (int i = 0; i < six.length; i++) {
      six[i] = op("POST", "u" + i, "/Users", user("user" + i));
    }
    HttpResponse<String> tooMany = server.send("POST", server.scim(TENANT, "Bulk"), key, bulk(null, six));
    assertThat(tooMany.statusCode()).isEqualTo(413);
    assertThat(tooMany.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/scim+json"));
    JsonNode manyError = JSON.readTree(tooMany.body());
    assertThat(manyError.path("schemas").get(0).asText()).isEqualTo(ERROR);
    assertThat(manyError.path("status").asText()).isEqualTo("413");
    assertThat(manyError.path("detail").asText()).contains("5");

    String padded = "{\"schemas\":[\"" + USER + "\"],\"userName\":\"big\",\"displayName\":\"" + "x".repeat(5000) + "\"}";
    HttpResponse<String> tooLarge = server.send("POST", server.scim(TENANT, "Bulk"), key,
        bulk(null, op("POST", "big", "/Users", padded)));
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    JsonNode largeError = JSON.readTree(tooLarge.body());
    assertThat(largeError.path("schemas").get(0).asText()).isEqualTo(ERROR);
    assertThat(largeError.path("status").asText()).isEqualTo("413");
    assertThat(server.fingerprint(TENANT)).isEqualTo(before);

    JsonNode five = post(bulk(null, six[0], six[1], six[2], six[3], six[4]));
    assertThat(statuses(five)).containsOnly("201").hasSize(5);
  }

  @Test
  @DisplayName("a body that is not a BulkRequest is 400 invalidSyntax")
  void notABulkRequest() throws Exception {
    for (String body : List.of("{\"Operations\":[]}", "{\"schemas\":[\"" + BULK_REQUEST + "\"]}",
        "{\"schemas\":[\"" + BULK_REQUEST + "\"],\"Operations\":[42]}")) {
      HttpResponse<String> response = server.send("POST", server.scim(TENANT, "Bulk"), key, body);
      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(JSON.readTree(response.body()).path("scimType").asText()).isEqualTo("invalidSyntax");
    }
  }
}
