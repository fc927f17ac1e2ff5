package io.github.scimkit.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.tenant.ScimMode;
import io.github.scimkit.core.tenant.TenantSettings;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One test per row of the interop profile (draft-zollner-scim-interop-profile-01) that an HTTP
 * server must meet, against a tenant in strict mode. Rows A5, A28, A33 and A34 (MAY/OPTIONAL) and
 * A36–A37 (TLS and authentication schemes, the host's) are documented in docs/interop-profile.md.
 * Each test gets a fresh strict tenant.
 */
@DisplayName("Interop profile, strict mode")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InteropProfileStrictTest {

  private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  private static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
  private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
  private static final String SEARCH = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
  private static final String SPC = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Small enough that a test can ask for more, large enough for the profile's 100. */
  private static final int MAX_PAGE = 150;

  private static final AtomicInteger TENANTS = new AtomicInteger();

  private TestServer server;
  private String tenant;
  private String key;

  @BeforeAll
  void start() {
    server = new TestServer(EngineConfig.builder().maxPageSize(MAX_PAGE).build(), builder -> builder.rateLimit(0, 0));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @BeforeEach
  void strictTenant() {
    tenant = "strict" + TENANTS.incrementAndGet();
    key = server.tenant(tenant);
    server.stores.updateSettings(tenant, TenantSettings.defaults().withMode(ScimMode.STRICT));
  }

  // ---- helpers ------------------------------------------------------------------------------

  private HttpResponse<String> call(String method, String path, String body) {
    return server.send(method, server.scim(tenant, path), key, body);
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  private static JsonNode status(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return response.body().isEmpty() ? NODES.nullNode() : json(response);
  }

  private static void scimJson(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type")).as("Content-Type of a " + response.statusCode())
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/scim+json"));
  }

  private static JsonNode error(HttpResponse<String> response, int status, String scimType) {
    JsonNode error = status(response, status);
    scimJson(response);
    assertThat(error.path("schemas").get(0).asText()).isEqualTo(ERROR);
    assertThat(error.path("status").asText()).isEqualTo(Integer.toString(status));
    if (scimType != null) {
      assertThat(error.path("scimType").asText()).as(response.body()).isEqualTo(scimType);
    }
    return error;
  }

  private static String userBody(String userName, String extra) {
    return "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + userName + "\"" + (extra == null ? "" : "," + extra) + "}";
  }

  private JsonNode createUser(String userName, String extra) {
    return status(call("POST", "Users", userBody(userName, extra)), 201);
  }

  private String userId(String userName) {
    return createUser(userName, null).path("id").asText();
  }

  private static String patch(String... operations) {
    return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[" + String.join(",", operations) + "]}";
  }

  private static String op(String op, String path, String value) {
    return "{\"op\":\"" + op + "\"" + (path == null ? "" : ",\"path\":\"" + path + "\"")
        + (value == null ? "" : ",\"value\":" + value) + "}";
  }

  private JsonNode getUser(String id) {
    return status(call("GET", "Users/" + id, null), 200);
  }

  private JsonNode list(String pathAndQuery) {
    JsonNode list = status(call("GET", pathAndQuery, null), 200);
    assertThat(list.path("schemas").get(0).asText()).isEqualTo(LIST);
    return list;
  }

  private static String filter(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static List<String> values(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(element -> values.add(element.path(field).asText()));
    return values;
  }

  private void manyUsers(int count) throws Exception {
    for (int i = 0; i < count; i++) {
      status(call("POST", "Users", userBody(String.format("bulk%03d", i), null)), 201);
    }
  }

  // ---- 4: conformance claim -----------------------------------------------------------------

  @Test
  @DisplayName("A1: a strict tenant claims interopProfileConformant: true; a lenient one does not")
  void aStrictTenantClaimsConformanceALenientOneDoesNot() {
    JsonNode spc = status(call("GET", "ServiceProviderConfig", null), 200);
    assertThat(spc.path("interopProfileConformant").isBoolean()).isTrue();
    assertThat(spc.path("interopProfileConformant").asBoolean()).isTrue();

    server.stores.updateSettings(tenant, TenantSettings.defaults().withMode(ScimMode.LENIENT));
    JsonNode lenient = status(call("GET", "ServiceProviderConfig", null), 200);
    assertThat(!lenient.has("interopProfileConformant") || !lenient.get("interopProfileConformant").asBoolean())
        .as(lenient.toString()).isTrue();
  }

  // ---- 5.1: discovery -----------------------------------------------------------------------

  @Test
  @DisplayName("A2: /ServiceProviderConfig, /Schemas and /ResourceTypes are served; the last two as ListResponses")
  void discoveryEndpointsAreServedTheLastTwoAsListResponses() {
    HttpResponse<String> spc = call("GET", "ServiceProviderConfig", null);
    assertThat(status(spc, 200).path("schemas").get(0).asText()).isEqualTo(SPC);
    scimJson(spc);
    for (String path : List.of("Schemas", "ResourceTypes")) {
      JsonNode list = list(path);
      assertThat(list.path("totalResults").asInt()).isPositive();
      assertThat(list.path("Resources").size()).isEqualTo(list.path("totalResults").asInt());
    }
  }

  @Test
  @DisplayName("A3: /Schemas lists exactly what is supported: every listed attribute round-trips, nothing else is returned or accepted")
  void schemasListExactlyTheAttributesThatRoundTrip() {
    JsonNode userSchema = status(call("GET", "Schemas/" + USER, null), 200);
    ObjectNode user = (ObjectNode) sample(userSchema.path("attributes"));
    user.putArray("schemas").add(USER);
    user.put("userName", "a3.round.trip");
    user.put("externalId", "a3-external");
    JsonNode created = status(call("POST", "Users", user.toString()), 201);
    JsonNode read = getUser(created.path("id").asText());
    assertRoundTrip(userSchema.path("attributes"), user, read);
    assertThat(read.path("externalId").asText()).isEqualTo("a3-external");
    assertOnlyListed(userSchema.path("attributes"), read);

    JsonNode groupSchema = status(call("GET", "Schemas/" + GROUP, null), 200);
    ObjectNode group = (ObjectNode) sample(groupSchema.path("attributes"));
    group.putArray("schemas").add(GROUP);
    ObjectNode member = (ObjectNode) group.path("members").get(0);
    member.put("value", read.path("id").asText());
    member.put("type", "User");
    member.put("$ref", read.path("meta").path("location").asText());
    JsonNode createdGroup = status(call("POST", "Groups", group.toString()), 201);
    JsonNode readGroup = status(call("GET", "Groups/" + createdGroup.path("id").asText(), null), 200);
    assertRoundTrip(groupSchema.path("attributes"), group, readGroup);
    assertOnlyListed(groupSchema.path("attributes"), readGroup);

    // Attributes RFC 7643 defines but this server does not list are refused, not dropped.
    for (String extra : List.of("\"favoriteColor\":\"Boss\"", "\"name\":{\"salutation\":\"Q\"}",
        "\"emails\":[{\"value\":\"a@example.com\",\"label\":\"x\"}]")) {
      error(call("POST", "Users", userBody("a3.unlisted", extra)), 400, "invalidSyntax");
    }
  }

  /** A value for every writable attribute of a schema, of the type the schema declares. */
  private static JsonNode sample(JsonNode attributes) {
    ObjectNode object = NODES.objectNode();
    for (JsonNode attribute : attributes) {
      String mutability = attribute.path("mutability").asText();
      if ("readOnly".equals(mutability)) {
        continue;
      }
      String name = attribute.path("name").asText();
      JsonNode value = switch (attribute.path("type").asText()) {
        case "complex" -> sample(attribute.path("subAttributes"));
        case "boolean" -> NODES.booleanNode(true);
        case "integer" -> NODES.numberNode(7);
        case "binary" -> NODES.textNode("YTMtY2VydGlmaWNhdGU=");
        default -> attribute.path("canonicalValues").size() > 0
            ? NODES.textNode(attribute.path("canonicalValues").get(0).asText())
            : NODES.textNode("a3-" + name + (name.equals("value") ? "@example.com" : ""));
      };
      if (attribute.path("multiValued").asBoolean()) {
        object.putArray(name).add(value);
      } else {
        object.set(name, value);
      }
    }
    return object;
  }

  private static void assertRoundTrip(JsonNode attributes, JsonNode sent, JsonNode read) {
    for (JsonNode attribute : attributes) {
      String name = attribute.path("name").asText();
      if (!sent.has(name) || "never".equals(attribute.path("returned").asText())) {
        continue;
      }
      JsonNode expected = sent.get(name);
      JsonNode actual = read.get(name);
      assertThat(actual).as("attribute %s came back", name).isNotNull();
      if ("complex".equals(attribute.path("type").asText())) {
        JsonNode sentElement = expected.isArray() ? expected.get(0) : expected;
        JsonNode readElement = actual.isArray() ? actual.get(0) : actual;
        assertThat(actual.isArray()).as(name).isEqualTo(expected.isArray());
        Iterator<Map.Entry<String, JsonNode>> fields = sentElement.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          assertThat(readElement.get(field.getKey())).as("%s.%s came back", name, field.getKey())
              .isEqualTo(field.getValue());
        }
      } else {
        assertThat(actual).as(name).isEqualTo(expected);
      }
    }
  }

  private static void assertOnlyListed(JsonNode attributes, JsonNode read) {
    Set<String> listed = new HashSet<>(Set.of("schemas", "id", "externalid", "meta"));
    Map<String, Set<String>> subAttributes = new java.util.HashMap<>();
    for (JsonNode attribute : attributes) {
      String name = attribute.path("name").asText().toLowerCase(Locale.ROOT);
      listed.add(name);
      Set<String> subs = new HashSet<>();
      attribute.path("subAttributes").forEach(sub -> subs.add(sub.path("name").asText().toLowerCase(Locale.ROOT)));
      subAttributes.put(name, subs);
    }
    read.fieldNames().forEachRemaining(field ->
        assertThat(listed).as("returned attribute %s is listed in /Schemas", field).contains(field.toLowerCase(Locale.ROOT)));
    for (Map.Entry<String, Set<String>> complex : subAttributes.entrySet()) {
      JsonNode value = read.get(fieldName(read, complex.getKey()));
      if (value == null || complex.getValue().isEmpty()) {
        continue;
      }
      for (JsonNode element : value.isArray() ? value : List.of(value)) {
        element.fieldNames().forEachRemaining(field -> assertThat(complex.getValue())
            .as("returned sub-attribute %s.%s is listed", complex.getKey(), field)
            .contains(field.toLowerCase(Locale.ROOT)));
      }
    }
  }

  private static String fieldName(JsonNode node, String lowerCase) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.equalsIgnoreCase(lowerCase)) {
        return name;
      }
    }
    return lowerCase;
  }

  @Test
  @DisplayName("A4: every schema and extension URN a ResourceType names resolves at /Schemas")
  void everySchemaUrnOfAResourceTypeResolves() {
    JsonNode types = list("ResourceTypes").path("Resources");
    List<String> urns = new ArrayList<>();
    for (JsonNode type : types) {
      urns.add(type.path("schema").asText());
      type.path("schemaExtensions").forEach(extension -> urns.add(extension.path("schema").asText()));
    }
    assertThat(urns).contains(USER, GROUP);
    for (String urn : urns) {
      JsonNode schema = status(call("GET", "Schemas/" + urn, null), 200);
      assertThat(schema.path("id").asText()).isEqualTo(urn);
    }
  }

  @Test
  @DisplayName("A6: every ResourceType has an id equal to its name, and /ResourceTypes/{id} resolves")
  void everyResourceTypeIdEqualsItsName() {
    JsonNode types = list("ResourceTypes").path("Resources");
    assertThat(types.size()).isPositive();
    for (JsonNode type : types) {
      assertThat(type.path("id").asText()).isNotEmpty().isEqualTo(type.path("name").asText());
      JsonNode one = status(call("GET", "ResourceTypes/" + type.path("id").asText(), null), 200);
      assertThat(one.path("id").asText()).isEqualTo(type.path("id").asText());
    }
    status(call("GET", "ResourceTypes/User", null), 200);
  }

  // ---- 5.2: case rules ----------------------------------------------------------------------

  @Test
  @DisplayName("A7: the same case rule in filters and uniqueness")
  void filtersAndUniquenessShareOneCaseRule() {
    createUser("User.A", null);
    JsonNode hits = list("Users?filter=" + filter("userName eq \"user.a\""));
    assertThat(hits.path("totalResults").asInt()).isEqualTo(1);
    error(call("POST", "Users", userBody("USER.A", null)), 409, "uniqueness");

    // externalId is case-exact in both: another case is neither found nor a clash.
    createUser("other.a", "\"externalId\":\"Ext-1\"");
    assertThat(list("Users?filter=" + filter("externalId eq \"ext-1\"")).path("totalResults").asInt()).isZero();
    status(call("POST", "Users", userBody("other.b", "\"externalId\":\"EXT-1\"")), 201);
    JsonNode userName = status(call("GET", "Schemas/" + USER, null), 200).path("attributes").get(0);
    assertThat(userName.path("name").asText()).isEqualTo("userName");
    assertThat(userName.path("caseExact").asBoolean()).isFalse();
  }

  @Test
  @DisplayName("A8: id and externalId are case-exact; userName is case-insensitive")
  void idAndExternalIdAreCaseExactUserNameIsNot() {
    String first = createUser("a8.one", "\"externalId\":\"ABC-1\"").path("id").asText();
    String second = createUser("a8.two", "\"externalId\":\"abc-1\"").path("id").asText();
    JsonNode hits = list("Users?filter=" + filter("externalId eq \"abc-1\""));
    assertThat(hits.path("totalResults").asInt()).isEqualTo(1);
    assertThat(hits.path("Resources").get(0).path("id").asText()).isEqualTo(second);
    assertThat(list("Users?filter=" + filter("userName eq \"A8.ONE\"")).path("Resources").get(0).path("id").asText())
        .isEqualTo(first);
    String otherCase = first.toUpperCase(Locale.ROOT).equals(first) ? first.toLowerCase(Locale.ROOT) : first.toUpperCase(Locale.ROOT);
    error(call("GET", "Users/" + otherCase, null), 404, null);
    assertThat(list("Users?filter=" + filter("id eq \"" + otherCase + "\"")).path("totalResults").asInt()).isZero();
  }

  // ---- 5.3, 5.4: schema discipline ----------------------------------------------------------

  @Test
  @DisplayName("A9: POST or PATCH carrying undeclared attributes or schema URNs is 400 invalidSyntax")
  void undeclaredAttributesOrSchemaUrnsAreInvalidSyntax() {
    error(call("POST", "Users", userBody("a9", "\"favoriteColor\":\"x\"")), 400, "invalidSyntax");
    error(call("POST", "Users", "{\"schemas\":[\"urn:x:unknown\"],\"userName\":\"a9\"}"), 400, "invalidSyntax");
    error(call("POST", "Users", "{\"schemas\":[\"" + USER + "\",\"urn:x:unknown\"],\"userName\":\"a9\"}"), 400,
        "invalidSyntax");
    error(call("POST", "Users", userBody("a9", "\"urn:x:unknown\":{\"a\":1}")), 400, "invalidSyntax");
    error(call("POST", "Groups", "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"g\",\"owner\":\"x\"}"), 400,
        "invalidSyntax");

    String id = userId("a9");
    String before = server.fingerprint(tenant);
    error(call("PATCH", "Users/" + id, patch(op("add", "name", "{\"givenName\":\"A\",\"favoriteColor\":\"x\"}"))),
        400, "invalidSyntax");
    error(call("PATCH", "Users/" + id, patch(op("add", "emails", "[{\"value\":\"a@example.com\",\"colour\":\"x\"}]"))),
        400, "invalidSyntax");
    error(call("PATCH", "Users/" + id, "{\"schemas\":[\"" + PATCH_OP + "\",\"urn:x:unknown\"],\"Operations\":["
        + op("replace", "displayName", "\"x\"") + "]}"), 400, "invalidSyntax");
    // A path naming an undeclared attribute is a bad path (RFC 7644 §3.12 invalidPath).
    JsonNode path = error(call("PATCH", "Users/" + id, patch(op("replace", "favoriteColor", "\"x\""))), 400, null);
    assertThat(path.path("scimType").asText()).isIn("invalidPath", "invalidSyntax");
    assertThat(server.fingerprint(tenant)).isEqualTo(before);
  }

  @Test
  @DisplayName("A10: the type sub-attribute of every multi-valued complex attribute publishes canonicalValues")
  void everyMultiValuedTypePublishesCanonicalValues() {
    List<String> checked = new ArrayList<>();
    for (JsonNode schema : list("Schemas").path("Resources")) {
      for (JsonNode attribute : schema.path("attributes")) {
        if (!attribute.path("multiValued").asBoolean() || !"complex".equals(attribute.path("type").asText())) {
          continue;
        }
        String name = attribute.path("name").asText();
        JsonNode type = null;
        for (JsonNode sub : attribute.path("subAttributes")) {
          if ("type".equals(sub.path("name").asText())) {
            type = sub;
          }
        }
        assertThat(type).as(name + " has a type sub-attribute").isNotNull();
        assertThat(type.path("canonicalValues").size()).as(name).isPositive();
        checked.add(name);
      }
    }
    assertThat(checked).as("every multi-valued complex attribute of the default mapping").containsExactlyInAnyOrder(
        "emails", "phoneNumbers", "ims", "photos", "addresses", "entitlements", "roles", "x509Certificates",
        "groups", "members");
  }

  // ---- 6.1, 6.2: endpoints and media type ---------------------------------------------------

  @Test
  @DisplayName("A11: one distinct endpoint per resource type, and each list holds only its type")
  void oneEndpointPerResourceTypeListingOnlyItsType() {
    JsonNode types = list("ResourceTypes").path("Resources");
    List<String> endpoints = values(types, "endpoint");
    assertThat(endpoints).doesNotHaveDuplicates().contains("/Users", "/Groups");
    userId("a11.user");
    status(call("POST", "Groups", "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"a11\"}"), 201);
    for (String[] pair : new String[][] {{"Users", "User"}, {"Groups", "Group"}}) {
      JsonNode resources = list(pair[0]).path("Resources");
      assertThat(resources.size()).isEqualTo(1);
      resources.forEach(resource ->
          assertThat(resource.path("meta").path("resourceType").asText()).isEqualTo(pair[1]));
    }
  }

  @Test
  @DisplayName("A12: the canonical address is /{endpoint}/{id}; a userName in the path is not resolved")
  void onlyTheCanonicalAddressResolvesAResource() {
    HttpResponse<String> created = call("POST", "Users", userBody("a12.user", null));
    JsonNode user = status(created, 201);
    String id = user.path("id").asText();
    assertThat(user.path("meta").path("location").asText()).endsWith("/Users/" + id);
    assertThat(created.headers().firstValue("Location")).contains(user.path("meta").path("location").asText());
    error(call("GET", "Users/a12.user", null), 404, null);
    error(call("PATCH", "Users/a12.user", patch(op("replace", "displayName", "\"x\""))), 404, null);
    error(call("DELETE", "Users/a12.user", null), 404, null);
    getUser(id);
  }

  @Test
  @DisplayName("A13: every response with a SCIM body, errors included, is application/scim+json")
  void everyScimBodyIsScimJsonErrorsIncluded() {
    HttpResponse<String> created = call("POST", "Users", userBody("a13", null));
    status(created, 201);
    scimJson(created);
    String id = json(created).path("id").asText();
    HttpResponse<String> ok = call("GET", "Users/" + id, null);
    status(ok, 200);
    scimJson(ok);
    HttpResponse<String> listed = call("GET", "Users", null);
    status(listed, 200);
    scimJson(listed);
    error(call("POST", "Users", "{not json"), 400, "invalidSyntax");
    error(call("GET", "Users/nope", null), 404, null);
    error(call("POST", "Users", userBody("a13", null)), 409, "uniqueness");
    error(call("POST", "ServiceProviderConfig", "{}"), 405, null);
    error(server.send("GET", server.scim(tenant, "Users"), "wrong-key", null), 401, null);
    HttpResponse<String> patched = call("PATCH", "Users/" + id, patch(op("replace", "displayName", "\"x\"")));
    status(patched, 200);
    scimJson(patched);
  }

  // ---- 6.3: filters -------------------------------------------------------------------------

  @Test
  @DisplayName("A14: filters with eq and and")
  void filtersSupportEqAndAnd() {
    String active = createUser("a14.a", "\"active\":true").path("id").asText();
    createUser("a14.b", "\"active\":false");
    JsonNode hits = list("Users?filter=" + filter("userName eq \"a14.a\" and active eq true"));
    assertThat(values(hits.path("Resources"), "id")).containsExactly(active);
    assertThat(list("Users?filter=" + filter("userName eq \"a14.b\" and active eq true")).path("totalResults").asInt())
        .isZero();
    String group = status(call("POST", "Groups", "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"A14\"}"), 201)
        .path("id").asText();
    assertThat(values(list("Groups?filter=" + filter("displayName eq \"A14\"")).path("Resources"), "id"))
        .containsExactly(group);
  }

  @Test
  @DisplayName("A15: a filter on an attribute no schema of the type defines is 400 invalidFilter")
  void aFilterOnAnUndefinedAttributeIsInvalidFilter() {
    error(call("GET", "Users?filter=" + filter("foo eq \"x\""), null), 400, "invalidFilter");
    error(call("GET", "Users?filter=" + filter("userName eq \"x\" and foo eq \"x\""), null), 400, "invalidFilter");
    error(call("GET", "Groups?filter=" + filter("userName eq \"x\""), null), 400, "invalidFilter");
    error(call("POST", "Users/.search", "{\"schemas\":[\"" + SEARCH + "\"],\"filter\":\"foo eq \\\"x\\\"\"}"), 400,
        "invalidFilter");
  }

  @Test
  @DisplayName("A16: a filter in the URI of a non-GET request is 400, and nothing changes")
  void aFilterInTheUriOfANonGetRequestIsRefusedAndChangesNothing() {
    String id = userId("a16");
    String before = server.fingerprint(tenant);
    String query = "?filter=" + filter("userName eq \"a16\"");
    error(call("PATCH", "Users/" + id + query, patch(op("replace", "displayName", "\"x\""))), 400, "invalidFilter");
    error(call("PUT", "Users/" + id + query, userBody("a16", "\"displayName\":\"x\"")), 400, "invalidFilter");
    error(call("DELETE", "Users/" + id + query, null), 400, "invalidFilter");
    error(call("POST", "Users" + query, userBody("a16.new", null)), 400, "invalidFilter");
    error(call("POST", "Users/.search" + query, "{\"schemas\":[\"" + SEARCH + "\"]}"), 400, "invalidFilter");
    assertThat(server.fingerprint(tenant)).isEqualTo(before);
  }

  // ---- 6.4: pagination ----------------------------------------------------------------------

  @Test
  @DisplayName("A17: every list paginates: 250 users by index give pages of 100, 100 and 50 with totalResults 250")
  void everyListPaginatesByIndex() throws Exception {
    manyUsers(250);
    Set<String> seen = new HashSet<>();
    for (int start : new int[] {1, 101, 201}) {
      JsonNode page = list("Users?startIndex=" + start + "&count=100");
      assertThat(page.path("totalResults").asInt()).isEqualTo(250);
      assertThat(page.path("startIndex").asInt()).isEqualTo(start);
      assertThat(page.path("itemsPerPage").asInt()).isEqualTo(start == 201 ? 50 : 100);
      seen.addAll(values(page.path("Resources"), "id"));
    }
    assertThat(seen).hasSize(250);
    JsonNode groups = list("Groups?startIndex=1&count=100");
    assertThat(groups.path("totalResults").asInt()).isZero();
    assertThat(groups.has("itemsPerPage") && groups.has("startIndex")).isTrue();
  }

  @Test
  @DisplayName("A18: without count, at least 100 results")
  void withoutCountAPageHoldsAtLeast100() throws Exception {
    manyUsers(120);
    JsonNode page = list("Users");
    assertThat(page.path("itemsPerPage").asInt()).isGreaterThanOrEqualTo(100);
    assertThat(page.path("Resources").size()).isEqualTo(page.path("itemsPerPage").asInt());
    assertThat(status(call("GET", "ServiceProviderConfig", null), 200).path("pagination").path("defaultPageSize")
        .asInt()).isGreaterThanOrEqualTo(100);
  }

  @Test
  @DisplayName("A19: a requested count of 100 is honoured")
  void aCountOf100IsHonoured() throws Exception {
    manyUsers(120);
    assertThat(list("Users?count=100").path("Resources").size()).isEqualTo(100);
    JsonNode search = status(call("POST", "Users/.search", "{\"schemas\":[\"" + SEARCH + "\"],\"count\":100}"), 200);
    assertThat(search.path("Resources").size()).isEqualTo(100);
  }

  @Test
  @DisplayName("A20: a count above the server's maximum returns the maximum, not an error")
  void aCountAboveTheMaximumReturnsTheMaximum() throws Exception {
    manyUsers(MAX_PAGE + 10);
    JsonNode page = list("Users?count=100000");
    assertThat(page.path("itemsPerPage").asInt()).isEqualTo(MAX_PAGE);
    assertThat(page.path("Resources").size()).isEqualTo(MAX_PAGE);
    assertThat(page.path("totalResults").asInt()).isEqualTo(MAX_PAGE + 10);
    JsonNode spc = status(call("GET", "ServiceProviderConfig", null), 200);
    assertThat(spc.path("pagination").path("maxPageSize").asInt()).isEqualTo(MAX_PAGE);
    assertThat(spc.path("filter").path("maxResults").asInt()).isEqualTo(MAX_PAGE);
  }

  // ---- 6.5: PATCH ---------------------------------------------------------------------------

  @Test
  @DisplayName("A21: PATCH is supported (and advertised)")
  void patchIsSupportedAndAdvertised() {
    String id = userId("a21");
    JsonNode patched = status(call("PATCH", "Users/" + id, patch(op("replace", "displayName", "\"Ann\""))), 200);
    assertThat(patched.path("displayName").asText()).isEqualTo("Ann");
    assertThat(getUser(id).path("displayName").asText()).isEqualTo("Ann");
    String group = status(call("POST", "Groups", "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"A21\"}"), 201)
        .path("id").asText();
    HttpResponse<String> groupPatch = call("PATCH", "Groups/" + group,
        patch(op("add", "members", "[{\"value\":\"" + id + "\"}]")));
    assertThat(groupPatch.statusCode()).isIn(200, 204);
    assertThat(status(call("GET", "ServiceProviderConfig", null), 200).path("patch").path("supported").asBoolean())
        .isTrue();
  }

  @Test
  @DisplayName("A22: an operation without path is 400 invalidSyntax in strict mode (lenient accepts it)")
  void anOperationWithoutPathIsInvalidSyntaxWhenStrict() {
    String id = userId("a22");
    String before = server.fingerprint(tenant);
    error(call("PATCH", "Users/" + id, patch(op("replace", null, "{\"active\":false}"))), 400, "invalidSyntax");
    error(call("PATCH", "Users/" + id, patch(op("add", null, "{\"displayName\":\"x\"}"))), 400, "invalidSyntax");
    error(call("PATCH", "Users/" + id, patch(op("replace", "displayName", "\"ok\""), op("replace", null,
        "{\"active\":false}"))), 400, "invalidSyntax");
    assertThat(server.fingerprint(tenant)).isEqualTo(before);

    server.stores.updateSettings(tenant, TenantSettings.defaults().withMode(ScimMode.LENIENT));
    status(call("PATCH", "Users/" + id, patch(op("replace", null, "{\"active\":false}"))), 200);
    assertThat(getUser(id).path("active").asBoolean()).isFalse();
  }

  @Test
  @DisplayName("A23: add and replace do the same on a singular simple attribute")
  void addAndReplaceAgreeOnASingularSimpleAttribute() {
    String id = createUser("a23", "\"displayName\":\"Old\"").path("id").asText();
    assertThat(status(call("PATCH", "Users/" + id, patch(op("add", "displayName", "\"X\""))), 200)
        .path("displayName").asText()).isEqualTo("X");
    assertThat(status(call("PATCH", "Users/" + id, patch(op("replace", "displayName", "\"Y\""))), 200)
        .path("displayName").asText()).isEqualTo("Y");
    assertThat(status(call("PATCH", "Users/" + id, patch(op("add", "name.givenName", "\"G1\""),
        op("add", "name.givenName", "\"G2\""))), 200).path("name").path("givenName").asText()).isEqualTo("G2");
    assertThat(getUser(id).path("displayName").asText()).isEqualTo("Y");
  }

  @Test
  @DisplayName("A24: replace of a whole singular complex attribute clears the omitted sub-attributes")
  void replacingASingularComplexAttributeClearsOmittedSubAttributes() {
    String id = createUser("a24", "\"name\":{\"givenName\":\"A\",\"familyName\":\"B\"}").path("id").asText();
    status(call("PATCH", "Users/" + id, patch(op("replace", "name", "{\"givenName\":\"C\"}"))), 200);
    JsonNode name = getUser(id).path("name");
    assertThat(name.path("givenName").asText()).isEqualTo("C");
    assertThat(name.has("familyName")).as(name.toString()).isFalse();
  }

  @Test
  @DisplayName("A25: add of a whole singular complex attribute merges, keeping omitted sub-attributes")
  void addingASingularComplexAttributeMergesSubAttributes() {
    String id = createUser("a25", "\"name\":{\"givenName\":\"A\",\"familyName\":\"B\"}").path("id").asText();
    status(call("PATCH", "Users/" + id, patch(op("add", "name", "{\"givenName\":\"C\"}"))), 200);
    JsonNode name = getUser(id).path("name");
    assertThat(name.path("givenName").asText()).isEqualTo("C");
    assertThat(name.path("familyName").asText()).isEqualTo("B");
  }

  @Test
  @DisplayName("A26: replace on a multi-valued path without a filter replaces the whole collection")
  void replaceOnAMultiValuedPathReplacesTheCollection() {
    String id = createUser("a26", "\"emails\":[{\"value\":\"a@example.com\",\"type\":\"work\"},"
        + "{\"value\":\"b@example.com\",\"type\":\"home\"}]").path("id").asText();
    status(call("PATCH", "Users/" + id, patch(op("replace", "emails", "[{\"value\":\"c@example.com\",\"type\":\"work\"}]"))),
        200);
    assertThat(values(getUser(id).path("emails"), "value")).containsExactly("c@example.com");
  }

  @Test
  @DisplayName("A27: add on a multi-valued path without a filter appends")
  void addOnAMultiValuedPathAppends() {
    String id = createUser("a27", "\"emails\":[{\"value\":\"c@example.com\",\"type\":\"work\"}]").path("id").asText();
    status(call("PATCH", "Users/" + id, patch(op("add", "emails", "[{\"value\":\"d@example.com\",\"type\":\"home\"}]"))),
        200);
    assertThat(values(getUser(id).path("emails"), "value")).containsExactly("c@example.com", "d@example.com");
    String group = status(call("POST", "Groups", "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"A27\","
        + "\"members\":[{\"value\":\"" + id + "\"}]}"), 201).path("id").asText();
    String other = userId("a27.other");
    call("PATCH", "Groups/" + group, patch(op("add", "members", "[{\"value\":\"" + other + "\"}]")));
    assertThat(values(status(call("GET", "Groups/" + group, null), 200).path("members"), "value"))
        .containsExactlyInAnyOrder(id, other);
  }

  // ---- 6.6: deletion ------------------------------------------------------------------------

  @Test
  @DisplayName("A29: a PATCH never deletes; active=false leaves the resource readable")
  void patchNeverDeletesAndInactiveStaysReadable() {
    String id = userId("a29");
    status(call("PATCH", "Users/" + id, patch(op("replace", "active", "false"))), 200);
    JsonNode user = getUser(id);
    assertThat(user.path("active").asBoolean(true)).isFalse();
    assertThat(list("Users?filter=" + filter("userName eq \"a29\"")).path("totalResults").asInt()).isEqualTo(1);
  }

  @Test
  @DisplayName("A30: a deleted resource is 404 to every operation and appears in no query")
  void aDeletedResourceIsGoneFromEveryOperationAndQuery() {
    String id = userId("a30");
    String group = status(call("POST", "Groups", "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"A30\","
        + "\"members\":[{\"value\":\"" + id + "\"}]}"), 201).path("id").asText();
    assertThat(call("DELETE", "Users/" + id, null).statusCode()).isEqualTo(204);
    error(call("GET", "Users/" + id, null), 404, null);
    error(call("PATCH", "Users/" + id, patch(op("replace", "displayName", "\"x\""))), 404, null);
    error(call("PUT", "Users/" + id, userBody("a30", null)), 404, null);
    error(call("DELETE", "Users/" + id, null), 404, null);
    assertThat(list("Users?filter=" + filter("userName eq \"a30\"")).path("totalResults").asInt()).isZero();
    assertThat(list("Users").path("totalResults").asInt()).isZero();
    assertThat(status(call("GET", "Groups/" + group, null), 200).path("members").size()).isZero();
    JsonNode root = status(call("POST", ".search", "{\"schemas\":[\"" + SEARCH + "\"]}"), 200);
    assertThat(values(root.path("Resources"), "id")).doesNotContain(id);

    assertThat(call("DELETE", "Groups/" + group, null).statusCode()).isEqualTo(204);
    error(call("GET", "Groups/" + group, null), 404, null);
    error(call("PATCH", "Groups/" + group, patch(op("replace", "displayName", "\"x\""))), 404, null);
    assertThat(list("Groups?filter=" + filter("displayName eq \"A30\"")).path("totalResults").asInt()).isZero();
  }

  @Test
  @DisplayName("A31: a deleted resource's unique values are free again")
  void aDeletedResourcesUniqueValuesAreFreeAgain() {
    String id = userId("a31.name");
    assertThat(call("DELETE", "Users/" + id, null).statusCode()).isEqualTo(204);
    JsonNode again = createUser("A31.NAME", null);
    assertThat(again.path("id").asText()).isNotEqualTo(id);
  }

  @Test
  @DisplayName("A32: DELETE really deletes: the record is gone from the store, not hidden as inactive")
  void deleteRemovesTheRecordFromTheStore() {
    String id = userId("a32");
    assertThat(server.fingerprint(tenant)).contains(id);
    assertThat(call("DELETE", "Users/" + id, null).statusCode()).isEqualTo(204);
    error(call("GET", "Users/" + id, null), 404, null);
    assertThat(server.fingerprint(tenant)).doesNotContain(id);
    assertThat(list("Users?filter=" + filter("active eq false")).path("totalResults").asInt()).isZero();
  }

  // ---- 6.9.1: uniqueness --------------------------------------------------------------------

  @Test
  @DisplayName("A35: a uniqueness clash on POST, PUT or PATCH is 409 uniqueness")
  void aUniquenessClashIsConflictUniqueness() {
    userId("taken");
    String id = userId("free");
    String before = server.fingerprint(tenant);
    error(call("POST", "Users", userBody("TAKEN", null)), 409, "uniqueness");
    error(call("PATCH", "Users/" + id, patch(op("replace", "userName", "\"Taken\""))), 409, "uniqueness");
    error(call("PUT", "Users/" + id, userBody("taken", null)), 409, "uniqueness");
    assertThat(server.fingerprint(tenant)).isEqualTo(before);
  }

  // ---- 8: IANA ------------------------------------------------------------------------------

  @Test
  @DisplayName("A38: the ServiceProviderConfig schema, where /Schemas publishes it, declares interopProfileConformant")
  void theSpcSchemaDeclaresInteropProfileConformant() {
    JsonNode schemas = list("Schemas").path("Resources");
    List<String> ids = values(schemas, "id");
    HttpResponse<String> spcSchema = call("GET", "Schemas/" + SPC, null);
    if (!ids.contains(SPC)) {
      // Not published (RFC 7643 §7 lets a server leave out the meta-schemas; profile A5): nothing to declare.
      error(spcSchema, 404, null);
      return;
    }
    JsonNode schema = status(spcSchema, 200);
    JsonNode attribute = null;
    for (JsonNode candidate : schema.path("attributes")) {
      if ("interopProfileConformant".equals(candidate.path("name").asText())) {
        attribute = candidate;
      }
    }
    assertThat(attribute).as("SPC schema declares interopProfileConformant").isNotNull();
    assertThat(attribute.path("type").asText()).isEqualTo("boolean");
    assertThat(attribute.path("mutability").asText()).isEqualTo("readOnly");
  }
}
