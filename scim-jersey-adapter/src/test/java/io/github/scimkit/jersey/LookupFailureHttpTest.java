package io.github.scimkit.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.store.GroupStore;
import io.github.scimkit.core.store.StoreUnavailableException;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lookups a response needs beyond the records (a user's {@code groups}, a group's member
 * count) run before the response starts: when the store fails them, a read answers a SCIM 503,
 * and a write that is already saved answers its success without them (a group without its
 * members) instead of an error the client would retry. A request refused for its projection
 * parameters changes nothing.
 */
class LookupFailureHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String USER = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"%s\"}";
  private static final Set<String> LOOKUPS = Set.of("groupsOfMembers", "members");

  private final InMemoryStoreProvider memory = new InMemoryStoreProvider();
  private final AtomicBoolean lookupsFail = new AtomicBoolean();
  private TestServer server;
  private String key;

  @BeforeEach
  void start() {
    server = new TestServer(tenantId -> memory.tenant(tenantId).map(this::failingLookups), memory::createTenant,
        EngineConfig.defaults(), builder -> builder.rateLimit(0, 0));
    key = server.tenant("acme");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aReadWhoseLookupFailsAnswersScim503() throws Exception {
    String id = id(send("POST", "Users", USER.formatted("ann"), 201));
    lookupsFail.set(true);

    error(send("GET", "Users/" + id, null, 503));
    error(send("GET", "Users?filter=" + URLEncoder.encode("userName eq \"ann\"", StandardCharsets.UTF_8), null, 503));
    error(send("POST", ".search", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"]}", 503));
  }

  @Test
  void aSavedWriteWhoseLookupFailsAnswersItsSuccessWithoutThem() throws Exception {
    lookupsFail.set(true);
    JsonNode created = JSON.readTree(send("POST", "Users", USER.formatted("bob"), 201).body());
    JsonNode group = JSON.readTree(send("POST", "Groups", """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Ops",
         "members":[{"value":"%s"}]}""".formatted(created.path("id").asText()), 201).body());

    assertThat(created.path("userName").asText()).isEqualTo("bob");
    assertThat(created.has("groups")).isFalse();
    assertThat(group.at("/urn:ietf:params:scim:schemas:extension:groupMembers:2.0:Group/membersMetadata")
        .has("memberCount")).isFalse();
    assertThat(group.has("members")).as("members are not read when the store fails").isFalse();
    lookupsFail.set(false);
    JsonNode read = JSON.readTree(send("GET", "Users/" + created.path("id").asText(), null, 200).body());
    assertThat(read.path("groups").findValuesAsText("value")).containsExactly(group.path("id").asText());
  }

  @Test
  void aWriteWithABadProjectionChangesNothing() throws Exception {
    error(send("POST", "Users?attributes=" + URLEncoder.encode("name[", StandardCharsets.UTF_8),
        USER.formatted("cal"), 400));

    JsonNode list = JSON.readTree(send("GET", "Users?count=0", null, 200).body());
    assertThat(list.path("totalResults").asInt()).isZero();
  }

  private TenantStores failingLookups(TenantStores stores) {
    GroupStore groups = stores.groups();
    GroupStore failing = (GroupStore) Proxy.newProxyInstance(GroupStore.class.getClassLoader(),
        new Class<?>[] {GroupStore.class}, (proxy, method, args) -> {
          if (lookupsFail.get() && LOOKUPS.contains(method.getName())) {
            throw new StoreUnavailableException("The directory database is unavailable", new RuntimeException("down"));
          }
          return invoke(method, groups, args);
        });
    return (TenantStores) Proxy.newProxyInstance(TenantStores.class.getClassLoader(),
        new Class<?>[] {TenantStores.class},
        (proxy, method, args) -> method.getName().equals("groups") ? failing : invoke(method, stores, args));
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private HttpResponse<String> send(String method, String path, String body, int status) {
    HttpResponse<String> response = server.send(method, server.scim("acme", path), key, body,
        "Content-Type", "application/scim+json");
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
    return response;
  }

  private static String id(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body()).path("id").asText();
  }

  private static void error(HttpResponse<String> response) throws Exception {
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/scim+json");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("status").asText()).isEqualTo(String.valueOf(response.statusCode()));
    assertThat(body.path("detail").asText()).isNotBlank().doesNotContain("Exception");
  }
}
