package io.github.scimkit.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What third-party suites check of the protocol: discovery that claims only what works, error types. */
@DisplayName("Protocol details")
class ProtocolFixesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

  private TestServer server;
  private String key;

  @BeforeEach
  void start() {
    server = new TestServer(builder -> builder.rateLimit(0, 0));
    key = server.tenant("acme");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  @DisplayName("/Schemas offers only users as group members, since groups do not nest, and a Group member is refused")
  void membersAreUsersOnly() throws Exception {
    HttpResponse<String> schema = server.send("GET", server.scim("acme", "Schemas/" + GROUP), key, null);
    assertThat(schema.statusCode()).as(schema.body()).isEqualTo(200);
    JsonNode members = null;
    for (JsonNode attribute : JSON.readTree(schema.body()).path("attributes")) {
      if ("members".equals(attribute.path("name").asText())) {
        members = attribute;
      }
    }
    assertThat(members).isNotNull();
    for (JsonNode sub : members.path("subAttributes")) {
      switch (sub.path("name").asText()) {
        case "type" -> assertThat(strings(sub.path("canonicalValues"))).containsExactly("User");
        case "$ref" -> assertThat(strings(sub.path("referenceTypes"))).containsExactly("User");
        default -> { }
      }
    }
    HttpResponse<String> group = server.send("POST", server.scim("acme", "Groups"), key,
        "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"Outer\"}");
    String groupId = JSON.readTree(group.body()).path("id").asText();
    HttpResponse<String> nested = server.send("POST", server.scim("acme", "Groups"), key,
        "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"Inner\",\"members\":[{\"value\":\"" + groupId + "\",\"type\":\"Group\"}]}");
    assertThat(nested.statusCode()).as(nested.body()).isEqualTo(400);
  }

  @Test
  @DisplayName("a missing required attribute is 400 invalidValue (RFC 7644 §3.12) on POST and PUT")
  void missingRequiredIsInvalidValue() throws Exception {
    HttpResponse<String> alice = server.send("POST", server.scim("acme", "Users"), key,
        "{\"schemas\":[\"" + USER + "\"],\"userName\":\"alice\"}");
    String id = JSON.readTree(alice.body()).path("id").asText();
    List<HttpResponse<String>> refused = List.of(
        server.send("POST", server.scim("acme", "Users"), key, "{\"schemas\":[\"" + USER + "\"],\"displayName\":\"No Name\"}"),
        server.send("PUT", server.scim("acme", "Users/" + id), key, "{\"schemas\":[\"" + USER + "\"],\"displayName\":\"A\"}"),
        server.send("POST", server.scim("acme", "Groups"), key, "{\"schemas\":[\"" + GROUP + "\"]}"));
    for (HttpResponse<String> response : refused) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
      JsonNode error = JSON.readTree(response.body());
      assertThat(error.path("scimType").asText()).as(response.body()).isEqualTo("invalidValue");
      assertThat(error.path("detail").asText()).as(response.body()).contains("required");
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
