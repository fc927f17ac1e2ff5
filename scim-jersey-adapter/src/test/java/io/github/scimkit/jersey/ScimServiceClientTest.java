package io.github.scimkit.jersey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.jersey.apache5.connector.Apache5ConnectorProvider;
import org.glassfish.jersey.client.ClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Drives the endpoints with the UnboundID SDK's own client over real HTTP. */
@DisplayName("The SDK's ScimService client")
class ScimServiceClientTest {

  private TestServer server;
  private Client client;
  private ScimService scim;
  private String key;

  @BeforeEach
  void start() {
    server = new TestServer();
    key = server.tenant("acme");
    client = ClientBuilder.newClient(new ClientConfig().connectorProvider(new Apache5ConnectorProvider()));
    client.register((jakarta.ws.rs.client.ClientRequestFilter) request ->
        request.getHeaders().putSingle("Authorization", "Bearer " + key));
    scim = new ScimService(client.target(server.scim("acme", "")));
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private UserResource user(String userName) {
    UserResource user = new UserResource().setUserName(userName);
    user.setName(new Name().setGivenName("Ann").setFamilyName("Lee"));
    user.setEmails(List.of(new Email().setValue(userName + "@example.com").setType("work").setPrimary(true)));
    user.setActive(true);
    return user;
  }

  @Test
  @DisplayName("creates, reads, searches, replaces, patches and deletes a user")
  void userLifecycle() throws ScimException {
    UserResource created = scim.create("Users", user("ann"));
    assertThat(created.getId()).isNotBlank();
    assertThat(created.getMeta().getLocation().toString()).endsWith("/scim/v2/acme/Users/" + created.getId());
    assertThat(created.getName().getFamilyName()).isEqualTo("Lee");

    UserResource read = scim.retrieve("Users", created.getId(), UserResource.class);
    assertThat(read.getUserName()).isEqualTo("ann");

    ListResponse<UserResource> found = scim.searchRequest("Users").filter("userName eq \"ANN\"")
        .invoke(UserResource.class);
    assertThat(found.getTotalResults()).isEqualTo(1);

    read.setDisplayName("Ann Lee");
    UserResource replaced = scim.replace(read);
    assertThat(replaced.getDisplayName()).isEqualTo("Ann Lee");
    assertThat(replaced.getMeta().getVersion()).isEqualTo("W/\"2\"");

    UserResource patched = scim.modifyRequest("Users", created.getId())
        .replaceValue("active", false).invoke(UserResource.class);
    assertThat(patched.getActive()).isFalse();

    scim.delete("Users", created.getId());
    assertThatThrownBy(() -> scim.retrieve("Users", created.getId(), UserResource.class))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  @DisplayName("creates a group with members and changes them with PATCH, answering 204")
  void groupMembers() throws ScimException {
    String ann = scim.create("Users", user("ann")).getId();
    String bob = scim.create("Users", user("bob")).getId();
    GroupResource group = new GroupResource().setDisplayName("Engineering");
    group.setMembers(List.of(new Member().setValue(ann)));
    GroupResource created = scim.create("Groups", group);
    assertThat(created.getMembers()).extracting(Member::getValue).containsExactly(ann);

    HttpResponse<String> patch = server.send("PATCH", server.scim("acme", "Groups/" + created.getId()), key,
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
            + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + bob + "\"}]},"
            + "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + ann + "\\\"]\"}]}");
    assertThat(patch.statusCode()).isEqualTo(204);
    assertThat(patch.body()).isEmpty();

    GroupResource read = scim.retrieve("Groups", created.getId(), GroupResource.class);
    assertThat(read.getMembers()).extracting(Member::getValue).containsExactly(bob);
    assertThat(read.getMembers().get(0).getRef().toString()).endsWith("/scim/v2/acme/Users/" + bob);

    GenericScimResource withoutMembers = scim.retrieveRequest("Groups", created.getId())
        .excludedAttributes("members").invoke(GenericScimResource.class);
    assertThat(withoutMembers.getObjectNode().has("members")).isFalse();
  }

  @Test
  @DisplayName("streams a group of 2,500 members in one GET")
  void largeGroup() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      ids.add(server.engine.create(io.github.scimkit.core.request.RequestContext.of("acme", "test"),
          io.github.scimkit.core.resource.ResourceKind.USER,
          new GenericScimResource(JsonUtils.valueToNode(user("u" + i)))).id());
    }
    GroupResource group = new GroupResource().setDisplayName("Everyone");
    List<Member> members = new ArrayList<>();
    ids.forEach(id -> members.add(new Member().setValue(id)));
    group.setMembers(members);
    String groupId = scim.create("Groups", group).getId();
    HttpResponse<String> response = server.send("GET", server.scim("acme", "Groups/" + groupId), key, null);
    JsonNode body = JsonUtils.getObjectReader().readTree(response.body());
    assertThat(body.path("members")).hasSize(2500);
  }

  @Test
  @DisplayName("answers 304 to If-None-Match with the current version, and 412 to a stale If-Match")
  void etags() throws ScimException {
    String id = scim.create("Users", user("ann")).getId();
    HttpResponse<String> get = server.send("GET", server.scim("acme", "Users/" + id), key, null);
    String etag = get.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).isEqualTo("W/\"1\"");
    assertThat(server.send("GET", server.scim("acme", "Users/" + id), key, null, "If-None-Match", etag).statusCode())
        .isEqualTo(304);
    HttpResponse<String> stale = server.send("PUT", server.scim("acme", "Users/" + id), key,
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"x\"}", "If-Match", "W/\"7\"");
    assertThat(stale.statusCode()).isEqualTo(412);
    HttpResponse<String> fresh = server.send("PUT", server.scim("acme", "Users/" + id), key,
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"x\"}", "If-Match", etag);
    assertThat(fresh.statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("pages by index with a default of 100, truncates large counts and reports the real total for count=0")
  void paging() throws Exception {
    for (int i = 0; i < 150; i++) {
      server.engine.create(io.github.scimkit.core.request.RequestContext.of("acme", "test"),
          io.github.scimkit.core.resource.ResourceKind.USER, new GenericScimResource(JsonUtils.valueToNode(user("p" + i))));
    }
    JsonNode first = JsonUtils.getObjectReader().readTree(server.send("GET", server.scim("acme", "Users"), key, null).body());
    assertThat(first.path("itemsPerPage").asInt()).isEqualTo(100);
    assertThat(first.path("totalResults").asInt()).isEqualTo(150);
    JsonNode zero = JsonUtils.getObjectReader().readTree(
        server.send("GET", server.scim("acme", "Users?count=0"), key, null).body());
    assertThat(zero.path("totalResults").asInt()).isEqualTo(150);
    assertThat(zero.path("itemsPerPage").asInt()).isZero();
    JsonNode huge = JsonUtils.getObjectReader().readTree(
        server.send("GET", server.scim("acme", "Users?count=100000&startIndex=0"), key, null).body());
    assertThat(huge.path("Resources")).hasSize(150);
    assertThat(huge.path("startIndex").asInt()).isEqualTo(1);
  }

  @Test
  @DisplayName("serves discovery: every ResourceType's id equals its name and each schema resolves")
  void discovery() throws Exception {
    JsonNode types = JsonUtils.getObjectReader().readTree(
        server.send("GET", server.scim("acme", "ResourceTypes"), key, null).body());
    for (JsonNode type : types.path("Resources")) {
      assertThat(type.path("id").asText()).isEqualTo(type.path("name").asText());
      HttpResponse<String> schema = server.send("GET",
          server.scim("acme", "Schemas/" + type.path("schema").asText()), key, null);
      assertThat(schema.statusCode()).isEqualTo(200);
      assertThat(schema.headers().firstValue("Content-Type")).hasValueSatisfying(
          value -> assertThat(value).startsWith("application/scim+json"));
    }
    JsonNode user = JsonUtils.getObjectReader().readTree(server.send("GET",
        server.scim("acme", "Schemas/urn:ietf:params:scim:schemas:core:2.0:User"), key, null).body());
    List<String> names = new ArrayList<>();
    user.path("attributes").forEach(attribute -> names.add(attribute.path("name").asText()));
    assertThat(names).contains("userName", "emails");
  }

  @Test
  @DisplayName("never returns a password and accepts application/json")
  void passwordAndJson() throws Exception {
    HttpResponse<String> created = server.send("POST", server.scim("acme", "Users"), key,
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"carl\",\"password\":\"secret\"}",
        "Content-Type", "application/json; charset=utf-8");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).doesNotContain("secret").doesNotContain("password");
    assertThat(created.headers().firstValue("Location")).isPresent();
  }
}
