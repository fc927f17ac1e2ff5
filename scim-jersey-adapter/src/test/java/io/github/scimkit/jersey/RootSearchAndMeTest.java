package io.github.scimkit.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.jersey.auth.ApiKeyAuthenticator;
import io.github.scimkit.jersey.auth.AuthenticatedClient;
import io.github.scimkit.jersey.auth.BearerAuthenticator;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * POST /.search at the root, and /Me both ways: with a token the authenticator maps to a user,
 * and with an API key that stands for a tenant.
 */
@DisplayName("Root search and /Me")
class RootSearchAndMeTest {

  private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  private static final String SEARCH = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
  private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
  private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TENANT = "acme";
  private static final String ANN_TOKEN = "token-of-ann";

  /** Tokens that stand for one user each (as an OAuth server's access tokens would); API keys otherwise. */
  private final Map<String, AuthenticatedClient> userTokens = new ConcurrentHashMap<>();
  private TestServer server;
  private String key;

  @BeforeEach
  void start() {
    server = new TestServer(EngineConfig.defaults(), UnaryOperator.identity(), keys -> {
      BearerAuthenticator apiKeys = new ApiKeyAuthenticator(keys);
      return token -> userTokens.containsKey(token) ? Optional.of(userTokens.get(token)) : apiKeys.authenticate(token);
    }, builder -> builder.rateLimit(0, 0));
    key = server.tenant(TENANT);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String create(String endpoint, String body) throws Exception {
    HttpResponse<String> response = server.send("POST", server.scim(TENANT, endpoint), key, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body()).path("id").asText();
  }

  private String user(String userName, String displayName) throws Exception {
    return create("Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + userName + "\",\"displayName\":\""
        + displayName + "\"}");
  }

  private String group(String displayName) throws Exception {
    return create("Groups", "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"" + displayName + "\"}");
  }

  private JsonNode rootSearch(String body) throws Exception {
    HttpResponse<String> response = server.send("POST", server.scim(TENANT, ".search"), key, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/scim+json"));
    return JSON.readTree(response.body());
  }

  private static List<String> types(JsonNode list) {
    List<String> types = new ArrayList<>();
    list.path("Resources").forEach(resource -> types.add(resource.path("meta").path("resourceType").asText()));
    return types;
  }

  @Test
  @DisplayName("POST /.search returns users and groups, each with its meta.resourceType and location")
  void acrossTypes() throws Exception {
    String ann = user("ann", "Ann");
    user("bob", "Bob");
    String eng = group("Eng");
    JsonNode all = rootSearch("{\"schemas\":[\"" + SEARCH + "\"]}");
    assertThat(all.path("totalResults").asInt()).isEqualTo(3);
    assertThat(all.path("itemsPerPage").asInt()).isEqualTo(3);
    assertThat(all.path("startIndex").asInt()).isEqualTo(1);
    assertThat(types(all)).containsExactly("User", "User", "Group");
    for (JsonNode resource : all.path("Resources")) {
      String type = resource.path("meta").path("resourceType").asText();
      assertThat(resource.path("meta").path("location").asText())
          .endsWith("/" + ("User".equals(type) ? "Users" : "Groups") + "/" + resource.path("id").asText());
      assertThat(resource.path("schemas").get(0).asText()).isEqualTo("User".equals(type) ? USER : GROUP);
    }
    JsonNode byDisplayName = rootSearch("{\"schemas\":[\"" + SEARCH + "\"],\"filter\":\"displayName sw \\\"E\\\"\"}");
    assertThat(types(byDisplayName)).containsExactly("Group");
    assertThat(byDisplayName.path("Resources").get(0).path("id").asText()).isEqualTo(eng);
    JsonNode byUserName = rootSearch("{\"schemas\":[\"" + SEARCH + "\"],\"filter\":\"userName eq \\\"ANN\\\"\"}");
    assertThat(types(byUserName)).containsExactly("User");
    assertThat(byUserName.path("Resources").get(0).path("id").asText()).isEqualTo(ann);
  }

  @Test
  @DisplayName("POST /.search honours attributes, excludedAttributes, sortBy and sortOrder as /Users/.search does")
  void everySearchRequestMember() throws Exception {
    user("bob", "Bob");
    user("ann", "Ann");
    user("cid", "Cid");
    group("Ops");
    group("Eng");
    JsonNode sorted = rootSearch("{\"schemas\":[\"" + SEARCH + "\"],\"sortBy\":\"displayName\",\"sortOrder\":\"descending\","
        + "\"attributes\":[\"displayName\"]}");
    List<String> names = new ArrayList<>();
    sorted.path("Resources").forEach(resource -> names.add(resource.path("displayName").asText()));
    assertThat(names).as("one sort across both types").containsExactly("Ops", "Eng", "Cid", "Bob", "Ann");
    for (JsonNode resource : sorted.path("Resources")) {
      assertThat(resource.has("userName")).as(resource.toString()).isFalse();
      assertThat(resource.has("id")).as("id is always returned").isTrue();
    }
    JsonNode byUserName = rootSearch("{\"schemas\":[\"" + SEARCH + "\"],\"sortBy\":\"userName\",\"excludedAttributes\":\"displayName\"}");
    List<String> userNames = new ArrayList<>();
    byUserName.path("Resources").forEach(resource -> userNames.add(resource.path("userName").asText()));
    assertThat(userNames.subList(0, 3)).containsExactly("ann", "bob", "cid");
    assertThat(types(byUserName)).containsExactly("User", "User", "User", "Group", "Group");
    byUserName.path("Resources").forEach(resource -> assertThat(resource.has("displayName")).isFalse());

    HttpResponse<String> unsortable = server.send("POST", server.scim(TENANT, ".search"), key,
        "{\"schemas\":[\"" + SEARCH + "\"],\"sortBy\":\"emails\"}");
    assertThat(unsortable.statusCode()).as(unsortable.body()).isEqualTo(400);
    assertThat(JSON.readTree(unsortable.body()).path("scimType").asText()).isEqualTo("invalidValue");
  }

  @Test
  @DisplayName("POST /.search with sortBy sorts users and groups together and pages once (RFC 7644 §3.4.3)")
  void oneSortAcrossTypes() throws Exception {
    server.close();
    // Pages of two make the merge read each type in several engine calls.
    server = new TestServer(EngineConfig.builder().defaultPageSize(2).maxPageSize(2).build(), builder -> builder.rateLimit(0, 0));
    key = server.tenant(TENANT);
    user("ann", "alpha");
    user("dan", "Delta");
    user("eve", "echo");
    String none = create("Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"zed\"}");
    group("Bravo");
    group("charlie");
    group("Foxtrot");
    List<String> ascending = new ArrayList<>();
    for (int start = 1; start <= 7; start += 2) {
      JsonNode page = rootSearch("{\"schemas\":[\"" + SEARCH + "\"],\"sortBy\":\"displayName\",\"startIndex\":"
          + start + ",\"count\":2}");
      assertThat(page.path("totalResults").asInt()).isEqualTo(7);
      assertThat(page.path("startIndex").asInt()).isEqualTo(start);
      page.path("Resources").forEach(resource -> ascending.add(resource.path("displayName").asText("-")));
    }
    assertThat(ascending).as("case-folded, the user without a displayName last")
        .containsExactly("alpha", "Bravo", "charlie", "Delta", "echo", "Foxtrot", "-");
    JsonNode descending = rootSearch("{\"schemas\":[\"" + SEARCH + "\"],\"sortBy\":\"displayName\","
        + "\"sortOrder\":\"descending\",\"startIndex\":1,\"count\":2}");
    assertThat(descending.path("Resources").get(0).path("id").asText()).as("no value comes first descending")
        .isEqualTo(none);
    assertThat(types(descending)).as("then Foxtrot").containsExactly("User", "Group");
    JsonNode byCreation = rootSearch("{\"schemas\":[\"" + SEARCH + "\"],\"sortBy\":\"meta.created\","
        + "\"sortOrder\":\"descending\",\"count\":2}");
    List<java.time.Instant> created = new ArrayList<>();
    byCreation.path("Resources").forEach(resource -> created.add(java.time.Instant.parse(resource.path("meta").path("created").asText())));
    assertThat(created).as("date-times in time, newest first").hasSize(2).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  @DisplayName("POST /.search pages by index across the types; a cursor or an unknown filter attribute is a 400")
  void paging() throws Exception {
    user("ann", "Ann");
    user("bob", "Bob");
    group("Eng");
    group("Ops");
    JsonNode second = rootSearch("{\"schemas\":[\"" + SEARCH + "\"],\"startIndex\":2,\"count\":2}");
    assertThat(second.path("totalResults").asInt()).isEqualTo(4);
    assertThat(second.path("itemsPerPage").asInt()).isEqualTo(2);
    assertThat(second.path("startIndex").asInt()).isEqualTo(2);
    assertThat(types(second)).containsExactly("User", "Group");
    JsonNode last = rootSearch("{\"schemas\":[\"" + SEARCH + "\"],\"startIndex\":4,\"count\":10}");
    assertThat(types(last)).containsExactly("Group");
    JsonNode none = rootSearch("{\"schemas\":[\"" + SEARCH + "\"],\"count\":0}");
    assertThat(none.path("totalResults").asInt()).isEqualTo(4);
    assertThat(none.path("Resources").size()).isZero();

    HttpResponse<String> cursor = server.send("POST", server.scim(TENANT, ".search"), key,
        "{\"schemas\":[\"" + SEARCH + "\"],\"cursor\":\"\"}");
    assertThat(cursor.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(cursor.body()).path("schemas").get(0).asText()).isEqualTo(ERROR);
    HttpResponse<String> unknown = server.send("POST", server.scim(TENANT, ".search"), key,
        "{\"schemas\":[\"" + SEARCH + "\"],\"filter\":\"favoriteColor eq \\\"red\\\"\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(unknown.body()).path("scimType").asText()).isEqualTo("invalidFilter");
  }

  @Test
  @DisplayName("/Me with a token that stands for a user reads and changes that user")
  void meAsUser() throws Exception {
    String ann = user("ann", "Ann");
    user("bob", "Bob");
    userTokens.put(ANN_TOKEN, new AuthenticatedClient("oauth:ann", TENANT, Optional.of(ann)));

    HttpResponse<String> me = server.send("GET", server.scim(TENANT, "Me"), ANN_TOKEN, null);
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(me.body());
    assertThat(body.path("id").asText()).isEqualTo(ann);
    assertThat(body.path("userName").asText()).isEqualTo("ann");
    assertThat(body.path("meta").path("location").asText()).endsWith("/scim/v2/acme/Users/" + ann);

    HttpResponse<String> patched = server.send("PATCH", server.scim(TENANT, "Me"), ANN_TOKEN,
        "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\","
            + "\"value\":\"Ann Lee\"}]}");
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    HttpResponse<String> read = server.send("GET", server.scim(TENANT, "Users/" + ann), key, null);
    assertThat(JSON.readTree(read.body()).path("displayName").asText()).isEqualTo("Ann Lee");

    HttpResponse<String> deleted = server.send("DELETE", server.scim(TENANT, "Me"), ANN_TOKEN, null);
    assertThat(deleted.statusCode()).isEqualTo(204);
    HttpResponse<String> gone = server.send("GET", server.scim(TENANT, "Me"), ANN_TOKEN, null);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(gone.body()).path("schemas").get(0).asText()).isEqualTo(ERROR);
  }

  @Test
  @DisplayName("/Me with an API key that stands for a tenant is 501 with a SCIM Error, for every method")
  void meAsTenant() throws Exception {
    user("ann", "Ann");
    String before = server.fingerprint(TENANT);
    for (String method : List.of("GET", "PATCH", "PUT", "DELETE")) {
      String body = switch (method) {
        case "PATCH" -> "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\","
            + "\"value\":\"x\"}]}";
        case "PUT" -> "{\"schemas\":[\"" + USER + "\"],\"userName\":\"x\"}";
        default -> null;
      };
      HttpResponse<String> response = server.send(method, server.scim(TENANT, "Me"), key, body);
      assertThat(response.statusCode()).as(method).isEqualTo(501);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/scim+json"));
      JsonNode error = JSON.readTree(response.body());
      assertThat(error.path("schemas").get(0).asText()).isEqualTo(ERROR);
      assertThat(error.path("status").asText()).isEqualTo("501");
    }
    assertThat(server.fingerprint(TENANT)).isEqualTo(before);
  }

  @Test
  @DisplayName("/Me with a user token of another tenant on this tenant's path is 401")
  void meOfAnotherTenant() throws Exception {
    String ann = user("ann", "Ann");
    server.tenant("other");
    userTokens.put(ANN_TOKEN, new AuthenticatedClient("oauth:ann", TENANT, Optional.of(ann)));
    HttpResponse<String> response = server.send("GET", server.scim("other", "Me"), ANN_TOKEN, null);
    assertThat(response.statusCode()).isEqualTo(401);
  }
}
