package io.github.scimkit.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scimkit.core.mapping.ScimMapping;
import io.github.scimkit.core.projection.Projection;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A resource written straight from its record (a request without {@code attributes} or {@code
 * excludedAttributes}) is the same JSON as the same resource rendered as a tree and trimmed (the
 * path a projecting request takes; excluding {@code password}, which is never returned, changes
 * nothing): for a user with every attribute of the User schema and its enterprise extension, a
 * user whose manager exists (so the manager's current name is filled in) and a group with its
 * {@code membersMetadata}, on GET, on a list page and on the root {@code /.search}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamedResourceHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TREE = "excludedAttributes=password";

  private TestServer server;
  private String key;
  private String userId;
  private String groupId;
  private String reportId;

  @BeforeAll
  void start() throws Exception {
    server = new TestServer(builder -> builder.rateLimit(0, 0));
    key = server.tenant("streamed");
    userId = created("Users", UserSchemaHttpTest.fullUser("ann", "1")).path("id").asText();
    groupId = created("Groups", """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Staff","externalId":"g-1",
         "members":[{"value":"%s"}]}""".formatted(userId)).path("id").asText();
    reportId = created("Users", """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
         "userName":"dee@example.com",
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":{"value":"%s"}}}"""
        .formatted(userId)).path("id").asText();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void theDefaultMappingsAreWrittenWithoutATree() {
    ScimMapping mapping = ScimMapping.defaults();
    assertThat(Projection.defaults(mapping.users()).trimsNothing()).isTrue();
    assertThat(Projection.defaults(mapping.groups()).trimsNothing()).isTrue();
  }

  @Test
  void aUserWithEveryAttributeIsTheSameJsonStreamedAsThroughItsTree() throws Exception {
    JsonNode streamed = get("Users/" + userId);
    assertThat(streamed.path("groups")).hasSize(1);
    assertThat(streamed.path("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").path("manager").isObject())
        .isTrue();
    assertThat(streamed.path("meta").path("location").asText()).endsWith("/Users/" + userId);
    assertThat(streamed).isEqualTo(get("Users/" + userId + "?" + TREE));
  }

  @Test
  void aGroupIsTheSameJsonStreamedAsThroughItsTree() throws Exception {
    JsonNode streamed = get("Groups/" + groupId);
    assertThat(streamed.path("members")).hasSize(1);
    assertThat(streamed.path("schemas").toString()).contains("groupMembers");
    assertThat(streamed.path("urn:ietf:params:scim:schemas:extension:groupMembers:2.0:Group")
        .path("membersMetadata").path("memberCount").asLong()).isEqualTo(1);
    assertThat(streamed).isEqualTo(get("Groups/" + groupId + "?" + TREE));
  }

  @Test
  void aUserWhoseManagerExistsCarriesTheManagersNameStreamedAsThroughItsTree() throws Exception {
    JsonNode streamed = get("Users/" + reportId);
    assertThat(streamed.path("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").path("manager")
        .path("displayName").asText()).isEqualTo(get("Users/" + userId).path("displayName").asText()).isNotEmpty();
    assertThat(streamed).isEqualTo(get("Users/" + reportId + "?" + TREE));
  }

  @Test
  void aListPageCarriesTheSameResourcesAsGet() throws Exception {
    String filter = "filter=" + URLEncoder.encode("userName eq \"ann@example.com\"", StandardCharsets.UTF_8);
    JsonNode page = get("Users?" + filter);
    assertThat(page.path("Resources")).hasSize(1);
    assertThat(page.path("Resources").get(0)).isEqualTo(get("Users/" + userId + "?" + TREE));
    assertThat(page).isEqualTo(get("Users?" + filter + "&" + TREE));
  }

  @Test
  void theRootSearchCarriesTheSameResourcesAsGet() throws Exception {
    HttpResponse<String> response = server.send("POST", server.scim("streamed", ".search"), key,
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"]}",
        "Content-Type", "application/scim+json");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode resources = JSON.readTree(response.body()).path("Resources");
    // memberCount costs a query per group, so only a single Group's response carries it.
    JsonNode group = get("Groups/" + groupId + "?" + TREE);
    ((com.fasterxml.jackson.databind.node.ObjectNode) group
        .path("urn:ietf:params:scim:schemas:extension:groupMembers:2.0:Group").path("membersMetadata"))
        .remove("memberCount");
    assertThat(resources).containsExactlyInAnyOrder(
        get("Users/" + userId + "?" + TREE), get("Users/" + reportId + "?" + TREE), group);
  }

  private JsonNode created(String endpoint, String body) throws Exception {
    HttpResponse<String> response = server.send("POST", server.scim("streamed", endpoint), key, body,
        "Content-Type", "application/scim+json");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body());
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response = server.send("GET", server.scim("streamed", path), key, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
