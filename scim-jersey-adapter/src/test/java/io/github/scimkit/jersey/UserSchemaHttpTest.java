package io.github.scimkit.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.scimkit.core.mapping.ScimUrns;
import io.github.scimkit.core.tenant.ScimMode;
import io.github.scimkit.core.tenant.TenantSettings;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every attribute of the RFC 7643 User (§4.1) and of the enterprise extension (§4.3), on the
 * default mapping, over HTTP and in both modes: POST and GET, PUT, PATCH in every path form,
 * filters and sort. {@code password} is taken and never returned.
 */
@DisplayName("The whole User schema on the default mapping, over HTTP")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserSchemaHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String USER = ScimUrns.USER;
  private static final String ENTERPRISE = ScimUrns.ENTERPRISE_USER;
  private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  private static final AtomicInteger TENANTS = new AtomicInteger();

  private TestServer server;
  private String tenant;
  private String key;

  @BeforeAll
  void start() {
    server = new TestServer(builder -> builder.rateLimit(0, 0));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private void tenant(ScimMode mode) {
    tenant = "schema" + TENANTS.incrementAndGet();
    key = server.tenant(tenant);
    server.stores.updateSettings(tenant, TenantSettings.defaults().withMode(mode));
  }

  /** A user with a value for every writable attribute, names suffixed so two users differ. */
  static String fullUser(String name, String suffix) {
    return """
        {"schemas":["%1$s","%2$s"],"userName":"%3$s@example.com","externalId":"ext-%3$s",
         "name":{"formatted":"Ms. %3$s Q Lee III","familyName":"Lee%4$s","givenName":"%3$s","middleName":"Q%4$s",
                 "honorificPrefix":"Ms.%4$s","honorificSuffix":"III%4$s"},
         "displayName":"%3$s Lee","nickName":"nick%4$s","profileUrl":"https://example.com/%3$s",
         "title":"Title%4$s","userType":"Employee%4$s","preferredLanguage":"en-US%4$s","locale":"en-US%4$s",
         "timezone":"Europe/Berlin%4$s","active":true,"password":"s3cret-%3$s",
         "emails":[{"value":"%3$s@example.com","type":"work","primary":true,"display":"Work"}],
         "phoneNumbers":[{"value":"+1-555-0100%4$s","type":"work"},{"value":"+1-555-0199%4$s","type":"mobile"}],
         "ims":[{"value":"%3$s-im%4$s","type":"xmpp"}],
         "photos":[{"value":"https://photos.example.com/%3$s%4$s.jpg","type":"photo"}],
         "addresses":[{"type":"work","streetAddress":"1 Main St%4$s","locality":"Springfield%4$s","region":"IL",
                       "postalCode":"62701","country":"US","formatted":"1 Main St, Springfield","primary":true},
                      {"type":"home","locality":"Shelbyville%4$s"}],
         "entitlements":[{"value":"ent%4$s"}],
         "roles":[{"value":"role%4$s","type":"work","primary":true}],
         "x509Certificates":[{"value":"TUlJQ2VydA=="}],
         "%2$s":{"employeeNumber":"E%4$s","costCenter":"CC%4$s","organization":"Org%4$s",
                 "division":"Div%4$s","department":"Dept%4$s",
                 "manager":{"value":"mgr%4$s","$ref":"../Users/mgr%4$s"}}}"""
        .formatted(USER, ENTERPRISE, name, suffix);
  }

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

  private static JsonNode ok(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json(response);
  }

  private static String patch(String operations) {
    return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[" + operations + "]}";
  }

  private List<String> ids(String query) {
    JsonNode list = ok(call("GET", "Users?" + query, null), 200);
    List<String> ids = new ArrayList<>();
    list.path("Resources").forEach(resource -> ids.add(resource.path("id").asText()));
    return ids;
  }

  private static String filter(String text) {
    return "filter=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static JsonNode enterprise(JsonNode user) {
    return user.path(ENTERPRISE);
  }

  @ParameterizedTest
  @EnumSource(ScimMode.class)
  @DisplayName("POST then GET returns every attribute as sent, except the write-only password")
  void postAndGetRoundTripEveryAttribute(ScimMode mode) throws Exception {
    tenant(mode);
    ObjectNode sent = (ObjectNode) JSON.readTree(fullUser("ann", "1"));
    JsonNode created = ok(call("POST", "Users", sent.toString()), 201);
    JsonNode read = ok(call("GET", "Users/" + created.path("id").asText(), null), 200);

    sent.remove("password");
    for (String field : List.of("schemas", "userName", "externalId", "name", "displayName", "nickName",
        "profileUrl", "title", "userType", "preferredLanguage", "locale", "timezone", "active", "emails",
        "phoneNumbers", "ims", "photos", "addresses", "entitlements", "roles", "x509Certificates", ENTERPRISE)) {
      assertThat(read.get(field)).as(field).isEqualTo(sent.get(field));
    }
    assertThat(created.has("password")).isFalse();
    assertThat(read.has("password")).isFalse();
    assertThat(server.fingerprint(tenant)).doesNotContain("s3cret");
  }

  @ParameterizedTest
  @EnumSource(ScimMode.class)
  @DisplayName("filters reach every attribute and sub-attribute, extension paths with their URN")
  void filtersReachEveryAttribute(ScimMode mode) {
    tenant(mode);
    String ann = ok(call("POST", "Users", fullUser("ann", "1")), 201).path("id").asText();
    String bob = ok(call("POST", "Users", fullUser("bob", "2")), 201).path("id").asText();

    for (String text : List.of("name.middleName eq \"Q1\"", "name.honorificPrefix eq \"Ms.1\"",
        "name.honorificSuffix eq \"III1\"", "nickName eq \"nick1\"", "profileUrl eq \"https://example.com/ann\"",
        "title eq \"Title1\"", "userType eq \"Employee1\"", "preferredLanguage eq \"en-US1\"",
        "locale eq \"en-US1\"", "timezone eq \"Europe/Berlin1\"", "phoneNumbers.value eq \"+1-555-01991\"",
        "phoneNumbers[type eq \"mobile\" and value eq \"+1-555-01991\"]", "ims.value eq \"ann-im1\"",
        "photos.value co \"ann1\"", "addresses.locality eq \"Springfield1\"",
        "addresses[type eq \"home\" and locality eq \"Shelbyville1\"]", "entitlements.value eq \"ent1\"",
        "roles.value eq \"role1\"", ENTERPRISE + ":employeeNumber eq \"E1\"", ENTERPRISE + ":costCenter eq \"CC1\"",
        ENTERPRISE + ":organization eq \"Org1\"", ENTERPRISE + ":division eq \"Div1\"",
        ENTERPRISE + ":department eq \"Dept1\"", ENTERPRISE + ":manager.value eq \"mgr1\"")) {
      assertThat(ids(filter(text))).as(text).containsExactly(ann);
    }
    assertThat(ids(filter("x509Certificates pr"))).containsExactlyInAnyOrder(ann, bob);
    assertThat(ok(call("GET", "Users?" + filter("password eq \"s3cret-ann\""), null), 400)
        .path("scimType").asText()).isEqualTo("invalidFilter");
  }

  @ParameterizedTest
  @EnumSource(ScimMode.class)
  @DisplayName("sorts by single-valued attributes, core, sub-attribute and extension")
  void sortsBySingleValuedAttributes(ScimMode mode) {
    tenant(mode);
    String ann = ok(call("POST", "Users", fullUser("ann", "2")), 201).path("id").asText();
    String bob = ok(call("POST", "Users", fullUser("bob", "1")), 201).path("id").asText();

    for (String sortBy : List.of("title", "nickName", "name.middleName", "timezone",
        ENTERPRISE + ":department", ENTERPRISE + ":manager.value")) {
      String by = "sortBy=" + URLEncoder.encode(sortBy, StandardCharsets.UTF_8);
      assertThat(ids(by)).as(sortBy).containsExactly(bob, ann);
      assertThat(ids(by + "&sortOrder=descending")).as(sortBy).containsExactly(ann, bob);
    }
  }

  @ParameterizedTest
  @EnumSource(ScimMode.class)
  @DisplayName("PUT replaces every attribute: changed ones change, left-out ones go")
  void putReplacesEveryAttribute(ScimMode mode) throws Exception {
    tenant(mode);
    String id = ok(call("POST", "Users", fullUser("ann", "1")), 201).path("id").asText();
    ObjectNode replacement = (ObjectNode) JSON.readTree(fullUser("ann", "9"));
    replacement.remove(List.of("nickName", "ims", "x509Certificates"));
    ((ObjectNode) replacement.path(ENTERPRISE)).remove("costCenter");

    JsonNode put = ok(call("PUT", "Users/" + id, replacement.toString()), 200);
    assertThat(put.path("title").asText()).isEqualTo("Title9");
    assertThat(put.path("addresses").get(0).path("locality").asText()).isEqualTo("Springfield9");
    assertThat(enterprise(put).path("manager").path("value").asText()).isEqualTo("mgr9");
    assertThat(put.has("nickName")).isFalse();
    assertThat(put.has("ims")).isFalse();
    assertThat(put.has("x509Certificates")).isFalse();
    assertThat(enterprise(put).has("costCenter")).isFalse();
    assertThat(ok(call("GET", "Users/" + id, null), 200)).isEqualTo(put);
  }

  @ParameterizedTest
  @EnumSource(ScimMode.class)
  @DisplayName("PATCH by attribute, sub-attribute, value filter and URN-prefixed extension path")
  void patchesEveryPathForm(ScimMode mode) {
    tenant(mode);
    String id = ok(call("POST", "Users", fullUser("ann", "1")), 201).path("id").asText();

    JsonNode patched = ok(call("PATCH", "Users/" + id, patch("""
        {"op":"replace","path":"title","value":"Chief"},
        {"op":"add","path":"nickName","value":"Annie"},
        {"op":"replace","path":"name.honorificPrefix","value":"Dr."},
        {"op":"remove","path":"name.middleName"},
        {"op":"replace","path":"phoneNumbers[type eq \\"work\\"].value","value":"+1-555-0111"},
        {"op":"remove","path":"addresses[type eq \\"home\\"]"},
        {"op":"add","path":"roles","value":[{"value":"auditor"}]},
        {"op":"replace","path":"%1$s:department","value":"Research"},
        {"op":"replace","path":"%1$s:manager.value","value":"mgr7"},
        {"op":"remove","path":"%1$s:costCenter"},
        {"op":"replace","path":"%1$s:manager","value":{"value":"mgr8"}}""".formatted(ENTERPRISE))), 200);

    assertThat(patched.path("title").asText()).isEqualTo("Chief");
    assertThat(patched.path("nickName").asText()).isEqualTo("Annie");
    assertThat(patched.path("name").path("honorificPrefix").asText()).isEqualTo("Dr.");
    assertThat(patched.path("name").has("middleName")).isFalse();
    assertThat(patched.path("phoneNumbers").findValuesAsText("value")).containsExactly("+1-555-0111", "+1-555-01991");
    assertThat(patched.path("addresses").findValuesAsText("type")).containsExactly("work");
    assertThat(patched.path("roles").findValuesAsText("value")).containsExactly("role1", "auditor");
    assertThat(enterprise(patched).path("department").asText()).isEqualTo("Research");
    assertThat(enterprise(patched).has("costCenter")).isFalse();
    // Replacing the complex manager: lenient mode leaves the sub-attributes not given (RFC 7644
    // §3.5.2.3); strict mode replaces it whole (interop profile §6.5.2.1).
    ObjectNode manager = JSON.createObjectNode().put("value", "mgr8");
    if (mode == ScimMode.LENIENT) {
      manager.put("$ref", "../Users/mgr1");
    }
    assertThat(enterprise(patched).path("manager")).isEqualTo(manager);
    assertThat(ok(call("GET", "Users/" + id, null), 200)).isEqualTo(patched);
    assertThat(ids(filter("title eq \"Chief\" and " + ENTERPRISE + ":department eq \"Research\""))).containsExactly(id);
  }

  @ParameterizedTest
  @EnumSource(ScimMode.class)
  @DisplayName("Entra's bare-string manager is manager.value in lenient mode and 400 invalidValue in strict mode")
  void bareStringManager(ScimMode mode) {
    tenant(mode);
    String id = ok(call("POST", "Users", fullUser("ann", "1")), 201).path("id").asText();
    String before = server.fingerprint(tenant);
    HttpResponse<String> body = call("POST", "Users", """
        {"schemas":["%1$s","%2$s"],"userName":"bob@example.com","%2$s":{"manager":"%3$s"}}"""
        .formatted(USER, ENTERPRISE, id));
    HttpResponse<String> patch = call("PATCH", "Users/" + id, patch("""
        {"op":"replace","path":"%s:manager","value":"boss-1"}""".formatted(ENTERPRISE)));

    if (mode == ScimMode.LENIENT) {
      assertThat(enterprise(ok(body, 201)).path("manager").path("value").asText()).isEqualTo(id);
      assertThat(enterprise(ok(patch, 200)).path("manager").path("value").asText()).isEqualTo("boss-1");
    } else {
      assertThat(ok(body, 400).path("scimType").asText()).isEqualTo("invalidValue");
      assertThat(ok(patch, 400).path("scimType").asText()).isEqualTo("invalidValue");
      assertThat(server.fingerprint(tenant)).isEqualTo(before);
    }
  }

  @ParameterizedTest
  @EnumSource(ScimMode.class)
  @DisplayName("A10: roles, entitlements and x509Certificates publish type canonicalValues; other types are kept when lenient, 400 when strict")
  void typesOutsideTheCanonicalValues(ScimMode mode) {
    tenant(mode);
    JsonNode user = ok(call("GET", "Schemas/" + USER, null), 200);
    for (JsonNode attribute : user.path("attributes")) {
      if (List.of("entitlements", "roles", "x509Certificates").contains(attribute.path("name").asText())) {
        JsonNode type = attribute.path("subAttributes").findParents("name").stream()
            .filter(sub -> sub.path("name").asText().equals("type")).findFirst().orElseThrow();
        List<String> values = new ArrayList<>();
        type.path("canonicalValues").forEach(value -> values.add(value.asText()));
        assertThat(values).containsExactlyInAnyOrder("work", "home", "other");
      }
    }
    HttpResponse<String> created = call("POST", "Users", """
        {"schemas":["%s"],"userName":"types@example.com",
         "roles":[{"value":"Admin","type":"WindowsAzureActiveDirectoryRole","primary":true}],
         "entitlements":[{"value":"e1","type":"license"},{"value":"e2","type":"work"}],
         "x509Certificates":[{"value":"TUlJQ2VydA==","type":"smime"}],
         "emails":[{"value":"types@example.com","type":"campus"}]}""".formatted(USER));
    if (mode == ScimMode.STRICT) {
      assertThat(ok(created, 400).path("scimType").asText()).isEqualTo("invalidSyntax");
      assertThat(ok(call("POST", "Users", """
          {"schemas":["%s"],"userName":"canonical@example.com","roles":[{"value":"Admin","type":"WORK"}],
           "x509Certificates":[{"value":"TUlJQ2VydA==","type":"other"}]}""".formatted(USER)), 201)
          .path("roles").get(0).path("type").asText()).isEqualTo("WORK");
      return;
    }
    String id = ok(created, 201).path("id").asText();
    JsonNode stored = ok(call("GET", "Users/" + id, null), 200);
    assertThat(stored.path("roles").get(0).path("type").asText()).isEqualTo("WindowsAzureActiveDirectoryRole");
    assertThat(stored.path("entitlements").findValuesAsText("type")).containsExactly("license", "work");
    assertThat(stored.path("x509Certificates").get(0).path("type").asText()).isEqualTo("smime");
    assertThat(stored.path("emails").get(0).path("type").asText()).isEqualTo("campus");
    assertThat(ids(filter("roles[type eq \"windowsazureactivedirectoryrole\"]"))).containsExactly(id);
  }
}
