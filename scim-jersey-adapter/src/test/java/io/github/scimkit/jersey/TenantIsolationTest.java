package io.github.scimkit.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scimkit.core.tenant.TenantSettings;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A key opens its own tenant and nothing else: on another tenant's paths, for a disabled tenant,
 * for a tenant that does not exist and after rotation, the answer is exactly the one a made-up key
 * gets, so that nothing tells a tenant or a resource exists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTest {

  private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  private static final String BAD_KEY = "scimkit_notAKeyAnyoneWasEverIssued0000000000000";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String A = "alpha";
  private static final String B = "beta";

  private TestServer server;
  private final Map<String, String> keys = new HashMap<>();
  private final Map<String, Map<String, String>> ids = new HashMap<>();

  /** One SCIM operation: method, path under the tenant ({user} and {group} stand for ids) and body. */
  record Call(String method, String path, String body) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /**
   * What a client sees of an answer, less what differs from request to request: the correlation
   * id, the date and the hop-by-hop {@code Connection} header (Grizzly closes a keep-alive
   * connection after its 256th request, whatever the answer).
   */
  record Answer(int status, Map<String, List<String>> headers, String body) {}

  static List<Call> calls() {
    String user = "{\"schemas\":[\"" + USER + "\"],\"userName\":\"intruder\"}";
    String group = "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"Intruders\"}";
    String patch = "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\","
        + "\"value\":\"owned\"}]}";
    String memberPatch = "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"remove\",\"path\":\"members\"}]}";
    String search = "{\"filter\":\"userName pr\"}";
    return List.of(
        new Call("GET", "Users", null),
        new Call("GET", "Users?filter=userName%20pr", null),
        new Call("POST", "Users", user),
        new Call("POST", "Users/.search", search),
        new Call("GET", "Users/{user}", null),
        new Call("PUT", "Users/{user}", user),
        new Call("PATCH", "Users/{user}", patch),
        new Call("DELETE", "Users/{user}", null),
        new Call("GET", "Groups", null),
        new Call("POST", "Groups", group),
        new Call("POST", "Groups/.search", "{}"),
        new Call("GET", "Groups/{group}", null),
        new Call("PUT", "Groups/{group}", group),
        new Call("PATCH", "Groups/{group}", memberPatch),
        new Call("DELETE", "Groups/{group}", null),
        new Call("GET", "ServiceProviderConfig", null),
        new Call("GET", "ResourceTypes", null),
        new Call("GET", "ResourceTypes/User", null),
        new Call("GET", "Schemas", null),
        new Call("GET", "Schemas/" + USER, null),
        new Call("POST", ".search", search),
        new Call("POST", "Bulk", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],"
            + "\"Operations\":[{\"method\":\"DELETE\",\"path\":\"/Users/{user}\"}]}"),
        new Call("GET", "Me", null));
  }

  static List<Call> callsById() {
    return calls().stream().filter(call -> call.path().contains("{")).toList();
  }

  /** Every call in both directions: the key of one tenant on the other's paths and resources. */
  static Stream<Arguments> crossings() {
    return calls().stream().flatMap(call -> Stream.of(Arguments.of(A, B, call), Arguments.of(B, A, call)));
  }

  static Stream<Arguments> crossingsById() {
    return callsById().stream().flatMap(call -> Stream.of(Arguments.of(A, B, call), Arguments.of(B, A, call)));
  }

  @BeforeAll
  void start() throws Exception {
    server = new TestServer(builder -> builder.rateLimit(0, 0));
    for (String tenant : List.of(A, B)) {
      keys.put(tenant, server.tenant(tenant));
      seed(tenant);
    }
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private void seed(String tenant) throws Exception {
    Map<String, String> seeded = new HashMap<>();
    HttpResponse<String> user = server.send("POST", server.scim(tenant, "Users"), keys.get(tenant),
        "{\"schemas\":[\"" + USER + "\"],\"userName\":\"owner-of-" + tenant + "\"}");
    assertThat(user.statusCode()).as(user.body()).isEqualTo(201);
    seeded.put("user", JSON.readTree(user.body()).get("id").asText());
    HttpResponse<String> group = server.send("POST", server.scim(tenant, "Groups"), keys.get(tenant),
        "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"Staff of " + tenant + "\",\"members\":[{\"value\":\""
            + seeded.get("user") + "\"}]}");
    assertThat(group.statusCode()).as(group.body()).isEqualTo(201);
    seeded.put("group", JSON.readTree(group.body()).get("id").asText());
    ids.put(tenant, seeded);
  }

  // ---------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "key of {0} on {1}: {2}")
  @MethodSource("crossings")
  void aKeyOnAnotherTenantsPathsIsABadKey(String keyOf, String pathOf, Call call) {
    String before = server.fingerprint(A, B);
    URI uri = uri(pathOf, call, ids.get(pathOf));

    Answer crossed = answer(call, uri, keys.get(keyOf));
    Answer badKey = answer(call, uri, BAD_KEY);

    assertThat(badKey.status()).isEqualTo(401);
    assertThat(crossed).isEqualTo(badKey);
    assertThat(server.fingerprint(A, B)).isEqualTo(before);
  }

  @ParameterizedTest(name = "key of {0} on its own path with ids of {1}: {2}")
  @MethodSource("crossingsById")
  void anotherTenantsIdsOnOnesOwnPathAreUnknownIds(String keyOf, String idsOf, Call call) throws Exception {
    String before = server.fingerprint(A, B);
    Map<String, String> foreign = ids.get(idsOf);
    Map<String, String> madeUp = Map.of("user", "7d8e2c61-0f4b-4c83-a1d5-5b9e0c2f4a70",
        "group", "1c2b3a49-8e7f-4d6c-b5a4-938271605f4e");

    Answer foreignIds = answer(call, uri(keyOf, call, foreign), keys.get(keyOf));
    Answer unknownIds = answer(call, uri(keyOf, call, madeUp), keys.get(keyOf));

    assertThat(foreignIds.status()).isEqualTo(404);
    assertThat(withoutIds(foreignIds, foreign)).isEqualTo(withoutIds(unknownIds, madeUp));
    assertThat(JSON.readTree(foreignIds.body()).path("schemas").toString()).contains("messages:2.0:Error");
    assertThat(server.fingerprint(A, B)).isEqualTo(before);
  }

  @Test
  void aDisabledTenantIsABadKey() throws Exception {
    String tenant = "disabled";
    keys.put(tenant, server.tenant(tenant));
    seed(tenant);
    Map<String, String> own = ids.get(tenant);
    HttpResponse<String> enabled = server.send("GET", server.scim(tenant, "Users/" + own.get("user")), keys.get(tenant), null);
    assertThat(enabled.statusCode()).isEqualTo(200);

    server.stores.updateSettings(tenant, server.engine.settings(tenant).orElseThrow().withScimEnabled(false));

    String before = server.fingerprint(tenant);
    for (Call call : calls()) {
      URI uri = uri(tenant, call, own);
      assertThat(answer(call, uri, keys.get(tenant))).as(call.toString()).isEqualTo(answer(call, uri, BAD_KEY));
    }
    assertThat(server.fingerprint(tenant)).isEqualTo(before);
  }

  @Test
  void anUnknownTenantIsABadKey() {
    Map<String, String> someIds = ids.get(A);
    for (Call call : calls()) {
      URI unknownTenant = uri("no-such-tenant", call, someIds);
      Answer withKey = answer(call, unknownTenant, keys.get(A));
      Answer badKey = answer(call, unknownTenant, BAD_KEY);
      Answer badKeyOnRealTenant = answer(call, uri(A, call, someIds), BAD_KEY);
      assertThat(withKey).as(call.toString()).isEqualTo(badKey);
      assertThat(withKey).as(call + ", against a tenant that exists").isEqualTo(badKeyOnRealTenant);
      assertThat(withKey.status()).isEqualTo(401);
    }
  }

  @Test
  void aRotatedKeyFailsAtOnce() {
    String tenant = "rotating";
    String oldKey = server.tenant(tenant);
    Call list = new Call("GET", "Users", null);
    URI uri = uri(tenant, list, Map.of());
    assertThat(answer(list, uri, oldKey).status()).isEqualTo(200);

    String newKey = server.newKey(tenant);

    for (Call call : calls()) {
      URI each = uri(tenant, call, Map.of("user", "x", "group", "y"));
      assertThat(answer(call, each, oldKey)).as(call.toString()).isEqualTo(answer(call, each, BAD_KEY));
    }
    assertThat(answer(list, uri, newKey).status()).isEqualTo(200);
  }

  // ---------------------------------------------------------------------------------------------

  private URI uri(String tenant, Call call, Map<String, String> idsToUse) {
    String path = call.path();
    for (var id : idsToUse.entrySet()) {
      path = path.replace("{" + id.getKey() + "}", id.getValue());
    }
    return server.scim(tenant, path);
  }

  private Answer answer(Call call, URI uri, String token) {
    HttpResponse<String> response = server.send(call.method(), uri, token, call.body());
    Map<String, List<String>> headers = new TreeMap<>();
    response.headers().map().forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!List.of("x-correlation-id", "date", "connection", "keep-alive").contains(lower)) {
        headers.put(lower, new ArrayList<>(values));
      }
    });
    return new Answer(response.statusCode(), headers, response.body());
  }

  /** The answer with the resource ids of the request taken out of its body and headers. */
  private static Answer withoutIds(Answer answer, Map<String, String> idsUsed) {
    String body = answer.body();
    for (String id : idsUsed.values()) {
      body = body.replace(id, "<id>");
    }
    Map<String, List<String>> headers = new TreeMap<>(answer.headers());
    headers.remove("content-length");
    return new Answer(answer.status(), headers, body);
  }
}
