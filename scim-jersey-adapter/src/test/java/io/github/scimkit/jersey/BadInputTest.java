package io.github.scimkit.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.tenant.ScimMode;
import io.github.scimkit.core.tenant.TenantSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad requests of every kind against a real server: each gets the exact status (and scimType) of
 * the wire rules, as a SCIM Error in application/scim+json, and leaves the stores untouched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

  private static final String ERROR_URN = "urn:ietf:params:scim:api:messages:2.0:Error";
  private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  private static final String TENANT = "acme";
  private static final String OTHER_TENANT = "globex";
  private static final String STRICT_TENANT = "strict";
  private static final int MAX_PATCH_OPERATIONS = 5;
  private static final int MAX_MEMBERS = 3;
  private static final int MAX_FILTER_LENGTH = 200;
  private static final int MIB = 1024 * 1024;

  private static final String VALID = "<valid key>";
  private static final String OTHER = "<key of another tenant>";
  private static final String NONE = "<no Authorization header>";

  private static final Set<String> SYNTAX_OR_VALUE = Set.of("invalidSyntax", "invalidValue");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** What no error body may show: markup, stack traces, library and class names, SQL. */
  private static final List<String> LEAKS = List.of("<html", "exception", "at java.", "at org.", "com.fasterxml",
      "jackson", "jsonnode", "streamreadfeature", "glassfish", "grizzly", "jetty", "jersey", "unboundid", "sql",
      "org.h2", "postgres");

  private final AtomicInteger sent = new AtomicInteger();
  private TestServer server;
  private String key;
  private String otherKey;
  private final Map<String, String> keys = new HashMap<>();
  private final Map<String, Map<String, String>> ids = new HashMap<>();

  /** One bad request and what it must get. */
  record Bad(
      String tenant,
      String label,
      String method,
      String path,
      byte[] body,
      String contentType,
      String authorization,
      List<String> headers,
      int status,
      Set<String> scimTypes,
      String detailContains) {

    Bad type(String value) {
      return new Bad(tenant, label, method, path, body, value, authorization, headers, status, scimTypes, detailContains);
    }

    Bad auth(String value) {
      return new Bad(tenant, label, method, path, body, contentType, value, headers, status, scimTypes, detailContains);
    }

    Bad header(String name, String value) {
      List<String> more = new ArrayList<>(headers);
      more.add(name);
      more.add(value);
      return new Bad(tenant, label, method, path, body, contentType, authorization, more, status, scimTypes, detailContains);
    }

    Bad in(String value) {
      return new Bad(value, label, method, path, body, contentType, authorization, headers, status, scimTypes, detailContains);
    }

    Bad detail(String text) {
      return new Bad(tenant, label, method, path, body, contentType, authorization, headers, status, scimTypes, text);
    }

    @Override
    public String toString() {
      return (STRICT_TENANT.equals(tenant) ? "[strict] " : "") + label + ": " + method + " " + (path.length() > 120 ? path.substring(0, 120) + "…" : path);
    }
  }

  private static Bad bad(String label, String method, String path, String body, int status, Set<String> scimTypes) {
    return bad(label, method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), status, scimTypes);
  }

  private static Bad bad(String label, String method, String path, byte[] body, int status, Set<String> scimTypes) {
    return new Bad(TENANT, label, method, path, body, body == null ? null : "application/scim+json", VALID, List.of(),
        status, scimTypes, null);
  }

  private static Bad bad(String label, String method, String path, String body, int status, String scimType) {
    return bad(label, method, path, body, status, scimType == null ? null : Set.of(scimType));
  }

  /** Single quotes to double quotes, so that bodies read well in Java. */
  private static String json(String text) {
    return text.replace('\'', '"');
  }

  private static String user(String userName) {
    return json("{'schemas':['" + USER + "'],'userName':'" + userName + "'}");
  }

  private static String patch(String... operations) {
    return json("{'schemas':['" + PATCH_OP + "'],'Operations':[" + String.join(",", operations) + "]}");
  }

  private static String filter(String filter) {
    return "?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String nested(String open, String close, int depth, String inner) {
    return open.repeat(depth) + inner + close.repeat(depth);
  }

  @BeforeAll
  void start() throws Exception {
    server = newServer(EngineConfig.builder()
        .maxPatchOperations(MAX_PATCH_OPERATIONS)
        .maxMembersPerOperation(MAX_MEMBERS)
        .maxFilterLength(MAX_FILTER_LENGTH)
        .build(), builder -> builder.rateLimit(0, 0));
    key = server.tenant(TENANT);
    otherKey = server.tenant(OTHER_TENANT);
    keys.put(TENANT, key);
    keys.put(STRICT_TENANT, server.tenant(STRICT_TENANT, TenantSettings.defaults().withMode(ScimMode.STRICT)));
    seed(TENANT);
    seed(STRICT_TENANT);
    HttpResponse<String> otherUser = server.send("POST", server.scim(OTHER_TENANT, "Users"), otherKey, user("olga"));
    assertThat(otherUser.statusCode()).as(otherUser.body()).isEqualTo(201);
  }

  /** The server the corpus runs against; a subclass brings other stores. */
  TestServer newServer(EngineConfig config, UnaryOperator<ScimFeature.Builder> customize) throws Exception {
    return new TestServer(config, customize);
  }

  /** Three users and a group of two in a tenant. */
  private void seed(String tenant) throws Exception {
    Map<String, String> seeded = new HashMap<>();
    for (String name : List.of("alice", "bob", "carol")) {
      HttpResponse<String> created = server.send("POST", server.scim(tenant, "Users"), keys.get(tenant),
          json("{'schemas':['" + USER + "'],'userName':'" + name + "','externalId':'ext-" + name
              + "','displayName':'" + name + "','emails':[{'value':'" + name + "@example.com','type':'work'}]}"));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      seeded.put(name, JSON.readTree(created.body()).get("id").asText());
    }
    HttpResponse<String> group = server.send("POST", server.scim(tenant, "Groups"), keys.get(tenant),
        json("{'schemas':['" + GROUP + "'],'displayName':'Engineers','members':[{'value':'" + seeded.get("alice")
            + "'},{'value':'" + seeded.get("bob") + "'}]}"));
    assertThat(group.statusCode()).as(group.body()).isEqualTo(201);
    seeded.put("group", JSON.readTree(group.body()).get("id").asText());
    seeded.put("ALICE", seeded.get("alice").toUpperCase(java.util.Locale.ROOT));
    ids.put(tenant, seeded);
  }

  @AfterAll
  void stop() {
    server.close();
    System.out.println(getClass().getSimpleName() + " sent " + sent.get() + " bad requests");
  }

  // ---------------------------------------------------------------------------------------------

  Stream<Bad> malformedJson() {
    byte[] badUtf8 = concat(("{\"schemas\":[\"" + USER + "\"],\"userName\":\"bad").getBytes(StandardCharsets.UTF_8),
        new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, "\"}".getBytes(StandardCharsets.UTF_8));
    byte[] badUtf8Patch = concat(("{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\","
        + "\"path\":\"displayName\",\"value\":\"").getBytes(StandardCharsets.UTF_8),
        new byte[] {(byte) 0xE2, (byte) 0x82}, "\"}]}".getBytes(StandardCharsets.UTF_8));
    String truncated = "{\"schemas\":[\"" + USER + "\"],\"userName\":\"truncated\"";
    Set<String> syntax = Set.of("invalidSyntax");
    return Stream.of(
        bad("truncated", "POST", "Users", truncated, 400, syntax),
        bad("truncated", "PUT", "Users/{alice}", truncated, 400, syntax),
        bad("truncated", "PATCH", "Users/{alice}", "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[", 400, syntax),
        bad("truncated", "POST", "Users/.search", "{\"filter\":\"userName eq \\\"alice", 400, syntax),
        bad("trailing garbage", "POST", "Users", user("trailing") + " xyz", 400, syntax),
        bad("trailing second object", "POST", "Users", user("trailing2") + user("trailing3"), 400, syntax),
        bad("trailing garbage", "POST", "Groups", json("{'schemas':['" + GROUP + "'],'displayName':'G1'}}"), 400, syntax),
        bad("trailing garbage", "PATCH", "Users/{alice}",
            patch("{'op':'replace','path':'displayName','value':'x'}") + "]", 400, syntax),
        bad("array body", "POST", "Users", "[" + user("array") + "]", 400, syntax),
        bad("array body", "PATCH", "Users/{alice}", "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}]", 400, syntax),
        bad("string body", "POST", "Users", "\"alice\"", 400, syntax),
        bad("number body", "POST", "Groups", "42", 400, syntax),
        bad("null body", "POST", "Users/.search", "null", 400, syntax),
        bad("empty body", "POST", "Users", "", 400, syntax),
        bad("empty body", "POST", "Groups", "", 400, syntax),
        bad("empty body", "PUT", "Groups/{group}", "", 400, syntax),
        bad("empty body", "PATCH", "Users/{alice}", "", 400, syntax),
        bad("bad UTF-8", "POST", "Users", badUtf8, 400, syntax),
        bad("bad UTF-8", "PUT", "Users/{alice}", badUtf8, 400, syntax),
        bad("bad UTF-8", "PATCH", "Users/{alice}", badUtf8Patch, 400, syntax),
        bad("unquoted names", "POST", "Users", "{schemas:[\"" + USER + "\"],userName:\"unquoted\"}", 400, syntax),
        bad("trailing comma", "POST", "Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"comma\",}", 400, syntax));
  }

  /**
   * Wrong JSON types, in both modes. A bare string where {@code members} wants objects is the
   * lenient dialect's single-value tolerance, so those rows run in strict mode only.
   */
  Stream<Bad> wrongTypes() {
    return Stream.concat(bothModes(commonWrongTypes()), Stream.of(
        bad("members a string", "POST", "Groups", json("{'schemas':['" + GROUP + "'],'displayName':'G2','members':'{alice}'}"),
            400, SYNTAX_OR_VALUE).in(STRICT_TENANT),
        bad("members value a string", "PATCH", "Groups/{group}", patch("{'op':'add','path':'members','value':'{carol}'}"),
            400, SYNTAX_OR_VALUE).in(STRICT_TENANT),
        bad("members elements strings", "POST", "Groups",
            json("{'schemas':['" + GROUP + "'],'displayName':'G3','members':['{alice}']}"), 400, SYNTAX_OR_VALUE).in(STRICT_TENANT)));
  }

  private static Stream<Bad> bothModes(List<Bad> rows) {
    return Stream.concat(rows.stream(), rows.stream().map(row -> row.in(STRICT_TENANT)));
  }

  private static List<Bad> commonWrongTypes() {
    return List.of(
        bad("userName a number", "POST", "Users", json("{'schemas':['" + USER + "'],'userName':42}"), 400, SYNTAX_OR_VALUE),
        bad("userName an object", "POST", "Users", json("{'schemas':['" + USER + "'],'userName':{'x':'y'}}"), 400, SYNTAX_OR_VALUE),
        bad("userName an array", "POST", "Users", json("{'schemas':['" + USER + "'],'userName':['a','b']}"), 400, SYNTAX_OR_VALUE),
        bad("userName a number", "PUT", "Users/{alice}", json("{'schemas':['" + USER + "'],'userName':42}"), 400, SYNTAX_OR_VALUE),
        bad("active an object", "POST", "Users", json("{'schemas':['" + USER + "'],'userName':'act','active':{'yes':true}}"), 400, SYNTAX_OR_VALUE),
        bad("active an object", "PATCH", "Users/{alice}", patch("{'op':'replace','path':'active','value':{'yes':true}}"), 400, SYNTAX_OR_VALUE),
        bad("emails a number", "POST", "Users", json("{'schemas':['" + USER + "'],'userName':'em','emails':5}"), 400, SYNTAX_OR_VALUE),
        bad("emails a number", "PUT", "Users/{alice}", json("{'schemas':['" + USER + "'],'userName':'alice','emails':5}"), 400, SYNTAX_OR_VALUE),
        bad("name a string", "POST", "Users", json("{'schemas':['" + USER + "'],'userName':'nm','name':'Nora Miller'}"), 400, SYNTAX_OR_VALUE),
        bad("members a number", "PUT", "Groups/{group}", json("{'schemas':['" + GROUP + "'],'displayName':'Engineers','members':7}"), 400, SYNTAX_OR_VALUE),
        bad("Operations an object", "PATCH", "Users/{alice}",
            json("{'schemas':['" + PATCH_OP + "'],'Operations':{'op':'replace','path':'displayName','value':'x'}}"), 400, SYNTAX_OR_VALUE),
        bad("Operations a string", "PATCH", "Users/{alice}", json("{'schemas':['" + PATCH_OP + "'],'Operations':'replace'}"), 400, SYNTAX_OR_VALUE),
        bad("Operations a number", "PATCH", "Groups/{group}", json("{'schemas':['" + PATCH_OP + "'],'Operations':3}"), 400, SYNTAX_OR_VALUE),
        bad("op a number", "PATCH", "Users/{alice}", patch("{'op':1,'path':'displayName','value':'x'}"), 400, SYNTAX_OR_VALUE));
  }

  Stream<Bad> deepNesting() {
    String arrays = nested("[", "]", 100, "1");
    String objects = nested("{\"a\":", "}", 100, "1");
    Set<String> syntax = Set.of("invalidSyntax");
    return Stream.of(
        bad("100 nested arrays", "POST", "Users", json("{'schemas':['" + USER + "'],'userName':'deep1','x':") + arrays + "}", 400, syntax),
        bad("100 nested objects", "POST", "Users", json("{'schemas':['" + USER + "'],'userName':'deep2','x':") + objects + "}", 400, syntax),
        bad("100 nested arrays", "PUT", "Users/{alice}", json("{'schemas':['" + USER + "'],'userName':'alice','x':") + arrays + "}", 400, syntax),
        bad("100 nested objects", "PATCH", "Users/{alice}",
            json("{'schemas':['" + PATCH_OP + "'],'Operations':[{'op':'add','path':'title','value':") + objects + "}]}", 400, syntax),
        bad("100 nested arrays", "POST", "Groups", json("{'schemas':['" + GROUP + "'],'displayName':'Deep','members':") + arrays + "}", 400, syntax),
        bad("100 nested objects", "POST", "Users/.search", "{\"filter\":" + objects + "}", 400, syntax),
        bad("a bare array 100 deep", "POST", "Users", arrays, 400, syntax),
        bad("40 nested objects", "POST", "Users", json("{'schemas':['" + USER + "'],'userName':'deep3','x':")
            + nested("{\"a\":", "}", 40, "1") + "}", 400, syntax));
  }

  Stream<Bad> hugeBodies() {
    String filler = "a".repeat(MIB + 10);
    String hugeUser = json("{'schemas':['" + USER + "'],'userName':'huge','title':'") + filler + "\"}";
    return Stream.of(
        bad("> 1 MiB", "POST", "Users", hugeUser, 413, (Set<String>) null),
        bad("> 1 MiB", "PUT", "Users/{alice}", hugeUser, 413, (Set<String>) null),
        bad("> 1 MiB", "PATCH", "Users/{alice}", patch("{'op':'replace','path':'title','value':'" + filler + "'}"), 413, (Set<String>) null),
        bad("> 1 MiB", "POST", "Groups", json("{'schemas':['" + GROUP + "'],'displayName':'") + filler + "\"}", 413, (Set<String>) null),
        bad("> 1 MiB", "PUT", "Groups/{group}", json("{'schemas':['" + GROUP + "'],'displayName':'") + filler + "\"}", 413, (Set<String>) null),
        bad("> 1 MiB", "POST", "Users/.search", "{\"filter\":\"" + filler + "\"}", 413, (Set<String>) null),
        bad("> 1 MiB of whitespace", "POST", "Users", " ".repeat(MIB + 1) + user("spaces"), 413, (Set<String>) null),
        bad("4 MiB", "POST", "Users", json("{'schemas':['" + USER + "'],'userName':'huge4','title':'")
            + "b".repeat(4 * MIB) + "\"}", 413, (Set<String>) null));
  }

  Stream<Bad> badFilters() {
    Set<String> invalidFilter = Set.of("invalidFilter");
    return Stream.of(
        bad("no value", "GET", "Users" + filter("userName eq"), (String) null, 400, invalidFilter),
        bad("unknown attribute", "GET", "Users" + filter("foo eq \"x\""), (String) null, 400, invalidFilter),
        bad("unknown operator", "GET", "Users" + filter("userName zz \"x\""), (String) null, 400, invalidFilter),
        bad("unbalanced (", "GET", "Users" + filter("(userName eq \"x\""), (String) null, 400, invalidFilter),
        bad("unbalanced )", "GET", "Users" + filter("userName eq \"x\")"), (String) null, 400, invalidFilter),
        bad("unbalanced [", "GET", "Users" + filter("emails[type eq \"work\""), (String) null, 400, invalidFilter),
        bad("gt on a boolean", "GET", "Users" + filter("active gt true"), (String) null, 400, invalidFilter),
        bad("unterminated string", "GET", "Users" + filter("userName eq \"alice"), (String) null, 400, invalidFilter),
        bad("dangling and", "GET", "Users" + filter("userName eq \"alice\" and"), (String) null, 400, invalidFilter),
        bad("no value", "GET", "Groups" + filter("displayName eq"), (String) null, 400, invalidFilter),
        bad("unknown attribute", "GET", "Groups" + filter("foo eq \"x\""), (String) null, 400, invalidFilter),
        bad("unknown operator", "POST", "Users/.search", "{\"filter\":\"userName zz \\\"x\\\"\"}", 400, invalidFilter),
        bad("gt on a boolean", "POST", "Users/.search", "{\"filter\":\"active gt true\"}", 400, invalidFilter),
        bad("unbalanced (", "POST", "Groups/.search", "{\"filter\":\"(displayName eq \\\"x\\\"\"}", 400, invalidFilter));
  }

  Stream<Bad> badPatchPaths() {
    return Stream.of(
        bad("double dot", "PATCH", "Users/{alice}", patch("{'op':'replace','path':'name..givenName','value':'x'}"), 400, "invalidPath"),
        bad("unclosed value filter", "PATCH", "Users/{alice}",
            patch("{'op':'replace','path':'emails[type eq','value':'x'}"), 400, Set.of("invalidPath", "invalidFilter")),
        bad("unclosed value filter", "PATCH", "Users/{alice}",
            patch("{'op':'remove','path':'emails[type eq \\\"work\\\"'}"), 400, Set.of("invalidPath", "invalidFilter")),
        bad("meta.created", "PATCH", "Users/{alice}",
            patch("{'op':'replace','path':'meta.created','value':'2020-01-01T00:00:00Z'}"), 400, "mutability"),
        bad("id", "PATCH", "Users/{alice}", patch("{'op':'replace','path':'id','value':'mine'}"), 400, "mutability"),
        bad("remove without path", "PATCH", "Users/{alice}", patch("{'op':'remove'}"), 400, "noTarget"),
        bad("remove without path", "PATCH", "Groups/{group}", patch("{'op':'remove'}"), 400, "noTarget"),
        bad("double dot", "PATCH", "Groups/{group}", patch("{'op':'replace','path':'displayName..x','value':'x'}"), 400, "invalidPath"),
        bad("id", "PATCH", "Groups/{group}", patch("{'op':'replace','path':'id','value':'mine'}"), 400, "mutability"),
        bad("trailing dot", "PATCH", "Users/{alice}", patch("{'op':'add','path':'name.','value':'x'}"), 400, "invalidPath"),
        bad("array in a value filter", "PATCH", "Users/{alice}",
            patch("{'op':'replace','path':'emails[value eq [1]].type','value':'x'}"), 400, "invalidPath"),
        bad("no value in a value filter", "PATCH", "Users/{alice}",
            patch("{'op':'remove','path':'emails[value eq]'}"), 400, Set.of("invalidPath", "invalidFilter")),
        bad("object in a value filter", "PATCH", "Groups/{group}",
            patch("{'op':'remove','path':'members[value eq {}]'}"), 400, Set.of("invalidPath", "invalidFilter")));
  }

  Stream<Bad> readOnly() {
    return bothModes(List.of(
        bad("meta.lastModified", "PATCH", "Users/{alice}",
            patch("{'op':'replace','path':'meta.lastModified','value':'2020-01-01T00:00:00Z'}"), 400, "mutability"),
        bad("meta", "PATCH", "Users/{alice}", patch("{'op':'remove','path':'meta'}"), 400, "mutability"),
        bad("meta.resourceType", "PATCH", "Users/{alice}",
            patch("{'op':'replace','path':'meta.resourceType','value':'Group'}"), 400, "mutability"),
        bad("groups", "PATCH", "Users/{alice}", patch("{'op':'add','path':'groups','value':[{'value':'{group}'}]}"), 400, "mutability"),
        bad("id", "PATCH", "Users/{alice}", patch("{'op':'remove','path':'id'}"), 400, "mutability"),
        bad("meta.version", "PATCH", "Groups/{group}", patch("{'op':'replace','path':'meta.version','value':'W/\\\"7\\\"'}"), 400, "mutability"),
        bad("meta.location", "PATCH", "Groups/{group}", patch("{'op':'add','path':'meta.location','value':'http://x/'}"), 400, "mutability"),
        bad("second operation read-only", "PATCH", "Users/{alice}", patch(
            "{'op':'replace','path':'displayName','value':'changed'}", "{'op':'replace','path':'id','value':'x'}"), 400, "mutability")));
  }

  Stream<Bad> unknownIds() {
    List<String> unknown = List.of("3f1c5a9e-6f0b-4b6e-9d3c-2a7f1e0c9b11", "010101001010101011001010101011",
        "00919288221112222", "alice", "id%20with%20spaces", "{ALICE}");
    String put = json("{'schemas':['" + USER + "'],'userName':'ghost'}");
    String patch = patch("{'op':'replace','path':'displayName','value':'ghost'}");
    List<Bad> rows = new ArrayList<>();
    for (String id : unknown) {
      rows.add(bad("unknown id", "GET", "Users/" + id, (String) null, 404, (Set<String>) null));
      rows.add(bad("unknown id", "PUT", "Users/" + id, put, 404, (Set<String>) null));
      rows.add(bad("unknown id", "PATCH", "Users/" + id, patch, 404, (Set<String>) null));
      rows.add(bad("unknown id", "DELETE", "Users/" + id, (String) null, 404, (Set<String>) null));
    }
    rows.add(bad("user id as group id", "GET", "Groups/{alice}", (String) null, 404, (Set<String>) null));
    rows.add(bad("displayName as id", "DELETE", "Groups/Engineers", (String) null, 404, (Set<String>) null));
    rows.add(bad("group id as user id", "PATCH", "Users/{group}", patch, 404, (Set<String>) null));
    rows.add(bad("unknown id", "PUT", "Groups/00919288221112222",
        json("{'schemas':['" + GROUP + "'],'displayName':'ghost'}"), 404, (Set<String>) null));
    return rows.stream();
  }

  Stream<Bad> wrongMethods() {
    return Stream.of(
        bad("POST on a resource", "POST", "Users/{alice}", user("wrong"), 405, (Set<String>) null),
        bad("PUT on a collection", "PUT", "Users", user("wrong"), 405, (Set<String>) null),
        bad("DELETE on a collection", "DELETE", "Users", (String) null, 405, (Set<String>) null),
        bad("PATCH on a collection", "PATCH", "Groups", patch("{'op':'remove','path':'members'}"), 405, (Set<String>) null),
        bad("POST on a resource", "POST", "Groups/{group}", json("{'displayName':'x'}"), 405, (Set<String>) null),
        bad("DELETE on discovery", "DELETE", "ServiceProviderConfig", (String) null, 405, (Set<String>) null),
        bad("POST on discovery", "POST", "ServiceProviderConfig", "{}", 405, (Set<String>) null),
        bad("PATCH on discovery", "PATCH", "Schemas", patch("{'op':'remove','path':'x'}"), 405, (Set<String>) null),
        bad("PUT on discovery", "PUT", "Schemas/" + USER, "{}", 405, (Set<String>) null),
        bad("POST on discovery", "POST", "ResourceTypes", "{}", 405, (Set<String>) null),
        bad("DELETE on discovery", "DELETE", "ResourceTypes/User", (String) null, 405, (Set<String>) null));
  }

  Stream<Bad> uniqueness() {
    Set<String> unique = Set.of("uniqueness");
    return Stream.of(
        bad("userName in upper case", "POST", "Users", user("ALICE"), 409, unique),
        bad("userName in mixed case", "POST", "Users", user("Alice"), 409, unique),
        bad("same userName", "POST", "Users", user("alice"), 409, unique),
        bad("PATCH to a taken userName", "PATCH", "Users/{carol}", patch("{'op':'replace','path':'userName','value':'Bob'}"), 409, unique),
        bad("PATCH to a taken userName", "PATCH", "Users/{bob}", patch("{'op':'replace','path':'userName','value':'alice'}"), 409, unique),
        bad("PATCH to a taken userName, no path", "PATCH", "Users/{bob}", patch("{'op':'replace','value':{'userName':'aLiCe'}}"), 409, unique),
        bad("PUT to a taken userName", "PUT", "Users/{bob}", user("Alice"), 409, unique),
        bad("PUT to a taken userName", "PUT", "Users/{carol}", user("BOB"), 409, unique));
  }

  Stream<Bad> staleIfMatch() {
    List<Bad> rows = new ArrayList<>();
    for (String tag : List.of("W/\"99\"", "\"abc\"", "W/\"0\"")) {
      rows.add(bad("If-Match " + tag, "PUT", "Users/{alice}", user("alice"), 412, (Set<String>) null).header("If-Match", tag));
      rows.add(bad("If-Match " + tag, "PATCH", "Users/{alice}", patch("{'op':'replace','path':'displayName','value':'x'}"),
          412, (Set<String>) null).header("If-Match", tag));
      rows.add(bad("If-Match " + tag, "DELETE", "Users/{alice}", (String) null, 412, (Set<String>) null).header("If-Match", tag));
    }
    rows.add(bad("If-Match W/\"99\"", "DELETE", "Groups/{group}", (String) null, 412, (Set<String>) null).header("If-Match", "W/\"99\""));
    rows.add(bad("If-Match \"abc\"", "PATCH", "Groups/{group}", patch("{'op':'remove','path':'members'}"), 412, (Set<String>) null)
        .header("If-Match", "\"abc\""));
    return rows.stream();
  }

  Stream<Bad> unsupportedMediaTypes() {
    List<Bad> rows = new ArrayList<>();
    Map<String, String> bodies = Map.of(
        "text/plain", user("plain"),
        "application/xml", "<User><userName>xml</userName></User>",
        "application/x-www-form-urlencoded", "userName=form&active=true");
    for (var type : bodies.entrySet()) {
      rows.add(bad(type.getKey(), "POST", "Users", type.getValue(), 415, (Set<String>) null).type(type.getKey()));
      rows.add(bad(type.getKey(), "PUT", "Users/{alice}", type.getValue(), 415, (Set<String>) null).type(type.getKey()));
      rows.add(bad(type.getKey(), "PATCH", "Users/{alice}", type.getValue(), 415, (Set<String>) null).type(type.getKey()));
    }
    rows.add(bad("text/plain", "POST", "Users/.search", "{\"filter\":\"userName eq \\\"alice\\\"\"}", 415, (Set<String>) null)
        .type("text/plain; charset=utf-8"));
    rows.add(bad("application/octet-stream", "POST", "Groups", json("{'displayName':'bin'}"), 415, (Set<String>) null)
        .type("application/octet-stream"));
    return rows.stream();
  }

  Stream<Bad> filterOnNonGet() {
    String f = filter("userName eq \"alice\"");
    Set<String> invalidFilter = Set.of("invalidFilter");
    return Stream.of(
        bad("filter on POST", "POST", "Users" + f, user("filtered"), 400, invalidFilter),
        bad("filter on PUT", "PUT", "Users/{alice}" + f, user("alice"), 400, invalidFilter),
        bad("filter on PATCH", "PATCH", "Users/{alice}" + f, patch("{'op':'replace','path':'displayName','value':'x'}"), 400, invalidFilter),
        bad("filter on DELETE", "DELETE", "Users/{alice}" + f, (String) null, 400, invalidFilter),
        bad("filter on DELETE", "DELETE", "Groups/{group}" + filter("displayName eq \"Engineers\""), (String) null, 400, invalidFilter),
        bad("filter on POST .search", "POST", "Users/.search" + f, "{}", 400, invalidFilter));
  }

  Stream<Bad> limits() {
    String op = "{'op':'replace','path':'displayName','value':'x'}";
    String[] tooMany = new String[MAX_PATCH_OPERATIONS + 1];
    java.util.Arrays.fill(tooMany, op);
    String members = "[{'value':'m1'},{'value':'m2'},{'value':'m3'},{'value':'m4'}]";
    String longFilter = "userName eq \"" + "x".repeat(MAX_FILTER_LENGTH) + "\"";
    String limitOps = String.valueOf(MAX_PATCH_OPERATIONS);
    String limitMembers = String.valueOf(MAX_MEMBERS);
    String limitFilter = String.valueOf(MAX_FILTER_LENGTH);
    return Stream.of(
        bad("too many operations", "PATCH", "Users/{alice}", patch(tooMany), 400, "invalidValue").detail(limitOps),
        bad("too many operations", "PATCH", "Groups/{group}", patch(tooMany), 400, "invalidValue").detail(limitOps),
        bad("too many members in an operation", "PATCH", "Groups/{group}",
            patch("{'op':'add','path':'members','value':" + members + "}"), 400, "invalidValue").detail(limitMembers),
        bad("too many members in a replace", "PATCH", "Groups/{group}",
            patch("{'op':'replace','path':'members','value':" + members + "}"), 400, "invalidValue").detail(limitMembers),
        bad("too many members in a body", "POST", "Groups",
            json("{'schemas':['" + GROUP + "'],'displayName':'Big','members':" + members + "}"), 400, "invalidValue").detail(limitMembers),
        bad("too many members in a body", "PUT", "Groups/{group}",
            json("{'schemas':['" + GROUP + "'],'displayName':'Engineers','members':" + members + "}"), 400, "invalidValue")
            .detail(limitMembers),
        bad("filter too long", "GET", "Users" + filter(longFilter), (String) null, 400, "invalidFilter").detail(limitFilter),
        bad("filter too long", "GET", "Groups" + filter("displayName eq \"" + "y".repeat(MAX_FILTER_LENGTH) + "\""),
            (String) null, 400, "invalidFilter").detail(limitFilter),
        bad("filter too long", "POST", "Users/.search", "{\"filter\":\"userName eq \\\"" + "z".repeat(MAX_FILTER_LENGTH) + "\\\"\"}",
            400, "invalidFilter").detail(limitFilter));
  }

  Stream<Bad> badTokens() {
    return Stream.of(
        bad("no header", "GET", "Users", (String) null, 401, (Set<String>) null).auth(NONE),
        bad("no header", "DELETE", "Groups/{group}", (String) null, 401, (Set<String>) null).auth(NONE),
        bad("Basic", "POST", "Users", user("basic"), 401, (Set<String>) null).auth("Basic YWxpY2U6c2VjcmV0"),
        bad("Basic xxx", "GET", "Groups", (String) null, 401, (Set<String>) null).auth("Basic xxx"),
        bad("Bearer alone", "GET", "ServiceProviderConfig", (String) null, 401, (Set<String>) null).auth("Bearer"),
        bad("Bearer and spaces", "GET", "Schemas", (String) null, 401, (Set<String>) null).auth("Bearer    "),
        bad("Bearer wrong", "PATCH", "Users/{alice}", patch("{'op':'replace','path':'displayName','value':'x'}"), 401,
            (Set<String>) null).auth("Bearer wrong"),
        bad("Bearer wrong", "PUT", "Users/{alice}", user("alice"), 401, (Set<String>) null).auth("Bearer wrong"),
        bad("another tenant's key", "DELETE", "Users/{alice}", (String) null, 401, (Set<String>) null).auth(OTHER),
        bad("another tenant's key", "GET", "Users/{alice}", (String) null, 401, (Set<String>) null).auth(OTHER),
        bad("another tenant's key", "POST", "Groups", json("{'schemas':['" + GROUP + "'],'displayName':'Stolen'}"), 401,
            (Set<String>) null).auth(OTHER),
        bad("other scheme", "GET", "ResourceTypes", (String) null, 401, (Set<String>) null).auth("Token abc"));
  }

  /** Empty or malformed If-Match and If-None-Match: 400 invalidValue before anything is read or written. */
  Stream<Bad> malformedConditions() {
    List<String> values = List.of("", "W/", "abc", "W/abc", "\"unterminated", "W/\"1\" W/\"2\"", "*, W/\"1\"",
        "W/ \"1\"", "\"a\"b", "\"1\"\"2\"", ",", "**", "w/\"1\"", "W/\"1\",, x", "\"with space\"");
    String put = user("alice");
    String groupPut = json("{'schemas':['" + GROUP + "'],'displayName':'Engineers'}");
    String change = patch("{'op':'replace','path':'displayName','value':'x'}");
    List<Bad> rows = new ArrayList<>();
    for (String value : values) {
      String shown = "'" + value + "'";
      for (String header : List.of("If-Match", "If-None-Match")) {
        rows.add(bad(header + " " + shown, "PUT", "Users/{alice}", put, 400, "invalidValue").header(header, value));
        rows.add(bad(header + " " + shown, "PATCH", "Users/{alice}", change, 400, "invalidValue").header(header, value));
        rows.add(bad(header + " " + shown, "DELETE", "Groups/{group}", (String) null, 400, "invalidValue").header(header, value));
      }
      rows.add(bad("If-None-Match " + shown, "GET", "Users/{alice}", (String) null, 400, "invalidValue").header("If-None-Match", value));
      rows.add(bad("If-Match " + shown, "PUT", "Groups/{group}", groupPut, 400, "invalidValue").header("If-Match", value));
    }
    return rows.stream();
  }

  /** Tag lists that name no current version, and If-None-Match: * on writes: 412. */
  Stream<Bad> failedConditionLists() {
    List<Bad> rows = new ArrayList<>();
    String change = patch("{'op':'replace','path':'displayName','value':'x'}");
    for (String list : List.of("W/\"98\", W/\"99\"", "\"abc\", \"def\"", "W/\"0\",W/\"1000\"", "W/\"x\", \"99\"")) {
      rows.add(bad("If-Match " + list, "PUT", "Users/{alice}", user("alice"), 412, (Set<String>) null).header("If-Match", list));
      rows.add(bad("If-Match " + list, "PATCH", "Users/{alice}", change, 412, (Set<String>) null).header("If-Match", list));
      rows.add(bad("If-Match " + list, "DELETE", "Users/{bob}", (String) null, 412, (Set<String>) null).header("If-Match", list));
      rows.add(bad("If-Match " + list, "PATCH", "Groups/{group}", patch("{'op':'remove','path':'members'}"), 412,
          (Set<String>) null).header("If-Match", list));
      rows.add(bad("If-Match " + list, "GET", "Groups/{group}", (String) null, 412, (Set<String>) null).header("If-Match", list));
    }
    rows.add(bad("If-None-Match *", "PUT", "Users/{alice}", user("alice"), 412, (Set<String>) null).header("If-None-Match", "*"));
    rows.add(bad("If-None-Match *", "PATCH", "Users/{alice}", change, 412, (Set<String>) null).header("If-None-Match", "*"));
    rows.add(bad("If-None-Match *", "DELETE", "Users/{carol}", (String) null, 412, (Set<String>) null).header("If-None-Match", "*"));
    rows.add(bad("If-None-Match *", "DELETE", "Groups/{group}", (String) null, 412, (Set<String>) null).header("If-None-Match", "*"));
    rows.add(bad("If-Match * on no resource", "DELETE", "Users/00919288221112222", (String) null, 404, (Set<String>) null)
        .header("If-Match", "*"));
    return rows.stream();
  }

  /** Accept values Jersey cannot parse: 400 before any endpoint runs, so nothing is written. */
  Stream<Bad> malformedAccept() {
    List<Bad> rows = new ArrayList<>();
    for (String accept : List.of("???", "text/", "/json", "application/json;;;=", "a/b/c", "application/json; q")) {
      rows.add(bad("Accept " + accept, "GET", "Users", (String) null, 400, (Set<String>) null).header("Accept", accept));
      rows.add(bad("Accept " + accept, "GET", "Users/{alice}", (String) null, 400, (Set<String>) null).header("Accept", accept));
      rows.add(bad("Accept " + accept, "GET", "Groups", (String) null, 400, (Set<String>) null).header("Accept", accept));
      rows.add(bad("Accept " + accept, "POST", "Users", user("accept"), 400, (Set<String>) null).header("Accept", accept));
      rows.add(bad("Accept " + accept, "PATCH", "Users/{alice}", patch("{'op':'replace','path':'displayName','value':'x'}"),
          400, (Set<String>) null).header("Accept", accept));
      rows.add(bad("Accept " + accept, "DELETE", "Users/{bob}", (String) null, 400, (Set<String>) null).header("Accept", accept));
      rows.add(bad("Accept " + accept, "GET", "ServiceProviderConfig", (String) null, 400, (Set<String>) null).header("Accept", accept));
      rows.add(bad("Accept " + accept, "POST", ".search", "{}", 400, (Set<String>) null).header("Accept", accept));
    }
    return rows.stream();
  }

  /** Addresses that are no URI, sent over a socket: the container's 400, as a SCIM Error. */
  Stream<Bad> malformedAddresses() {
    List<Bad> rows = new ArrayList<>();
    for (String path : List.of("Users/%zz", "Users/%", "Users/%2", "Users/%g0", "Users\\..\\..", "Users/a\\b",
        "Users/{alice}%zz", "Groups/%zz", "Users?filter=%zz", "Users?count=%", "Users/a|b", "Users/<script>",
        "Users/\"quoted\"", "Users/^", "Groups/{group}/%ZZ")) {
      rows.add(bad("malformed address", "GET", path, (String) null, 400, (Set<String>) null));
      rows.add(bad("malformed address", "DELETE", path, (String) null, 400, (Set<String>) null));
    }
    rows.add(bad("malformed address", "PUT", "Users/%zz", user("alice"), 400, (Set<String>) null));
    rows.add(bad("malformed address", "PATCH", "Users\\..\\{alice}", patch("{'op':'remove','path':'title'}"), 400, (Set<String>) null));
    rows.add(bad("malformed address", "POST", "Users?x=%zz", user("raw"), 400, (Set<String>) null));
    return rows.stream();
  }

  /** Request lines (414) and headers (431) over the container's 8 KB: a SCIM answer, nothing read or written. */
  Stream<Bad> oversizeHeads() {
    String longValue = "x".repeat(9000);
    return Stream.of(
        bad("request line over 8 KB", "GET", "Users" + filter("userName eq \"" + longValue + "\""), (String) null, 414, (Set<String>) null),
        bad("request line over 8 KB", "DELETE", "Users/{alice}?x=" + longValue, (String) null, 414, (Set<String>) null),
        bad("request line over 8 KB", "POST", "Users?x=" + longValue, (String) null, 414, (Set<String>) null),
        bad("header over 8 KB", "GET", "Users", (String) null, 431, (Set<String>) null).header("X-Padding", longValue),
        bad("header over 8 KB", "POST", "Users", (String) null, 431, (Set<String>) null).header("X-Padding", longValue),
        bad("header over 8 KB", "PATCH", "Users/{alice}", (String) null, 431, (Set<String>) null).header("X-Padding", longValue),
        bad("If-Match over 8 KB", "DELETE", "Users/{alice}", (String) null, 431, (Set<String>) null)
            .header("If-Match", "W/\"" + "9".repeat(9000) + "\""),
        // A body the client is still sending when the head is refused: read and discarded, no reset.
        bad("header over 8 KB before a 200 KB body", "POST", "Users",
            "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + "y".repeat(200_000) + "\"}", 431, (Set<String>) null)
            .header("X-Padding", longValue),
        bad("request line over 8 KB before a 200 KB body", "PUT", "Users/{alice}?x=" + longValue,
            "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + "y".repeat(200_000) + "\"}", 414, (Set<String>) null));
  }

  /** Filters broken in syntax, on every endpoint that filters. */
  Stream<Bad> brokenFiltersEverywhere() {
    List<String> filters = List.of("", "eq", "displayName", "displayName eq", "displayName eq \"a", "displayName \"a\"",
        "(displayName eq \"a\"", "displayName eq \"a\")", "displayName eq \"a\" and", "or displayName eq \"a\"",
        "displayName eq \"a\" xor id eq \"b\"", "not displayName eq \"a\"", "displayName[value eq \"a\"",
        "displayName eq a b", "displayName lt", "id pr pr", "meta.lastModified gt 12:00",
        "()", "displayName eq \"a\" and ()", "displayName.. eq \"a\"", "displayName eq {\"a\":1}",
        "displayName sw", "displayName eq \"a\" or", "displayName ge [1]");
    Set<String> invalidFilter = Set.of("invalidFilter");
    List<Bad> rows = new ArrayList<>();
    for (String text : filters) {
      String body = "{\"filter\":" + quote(text) + "}";
      rows.add(bad("filter " + text, "GET", "Users" + filter(text), (String) null, 400, invalidFilter));
      rows.add(bad("filter " + text, "GET", "Groups" + filter(text), (String) null, 400, invalidFilter));
      rows.add(bad("filter " + text, "POST", "Users/.search", body, 400, invalidFilter));
      rows.add(bad("filter " + text, "POST", "Groups/.search", body, 400, invalidFilter));
      rows.add(bad("filter " + text, "POST", ".search", body, 400, invalidFilter));
    }
    return rows.stream();
  }

  /** A required attribute without a value: 400 invalidValue (RFC 7644 §3.12). */
  Stream<Bad> missingRequired() {
    Set<String> invalidValue = Set.of("invalidValue");
    return bothModes(List.of(
        bad("no userName", "POST", "Users", json("{'schemas':['" + USER + "']}"), 400, invalidValue),
        bad("no userName", "POST", "Users", json("{'schemas':['" + USER + "'],'displayName':'Nameless'}"), 400, invalidValue),
        bad("userName null", "POST", "Users", json("{'schemas':['" + USER + "'],'userName':null}"), 400, invalidValue),
        bad("no userName", "PUT", "Users/{alice}", json("{'schemas':['" + USER + "'],'displayName':'A'}"), 400, invalidValue),
        bad("no userName", "PUT", "Users/{bob}", json("{'schemas':['" + USER + "']}"), 400, invalidValue),
        bad("no displayName", "POST", "Groups", json("{'schemas':['" + GROUP + "']}"), 400, invalidValue),
        bad("no displayName", "PUT", "Groups/{group}", json("{'schemas':['" + GROUP + "']}"), 400, invalidValue)));
  }

  /** Search parameters out of their domain, in the query or the body. */
  Stream<Bad> badSearchParameters() {
    Set<String> invalidValue = Set.of("invalidValue");
    return Stream.of(
        bad("startIndex not a number", "GET", "Users?startIndex=abc", (String) null, 400, invalidValue),
        bad("count not a number", "GET", "Users?count=ten", (String) null, 400, invalidValue),
        bad("count a fraction", "GET", "Groups?count=1.5", (String) null, 400, invalidValue),
        bad("startIndex not a number", "GET", "Groups?startIndex=%20", (String) null, 400, invalidValue),
        bad("sortBy unsortable", "GET", "Users?sortBy=emails", (String) null, 400, invalidValue),
        bad("sortBy unsortable", "POST", "Users/.search", "{\"sortBy\":\"emails\"}", 400, invalidValue),
        bad("sortBy unsortable", "POST", ".search", "{\"sortBy\":\"emails\"}", 400, invalidValue),
        bad("sortBy not a path", "POST", ".search", "{\"sortBy\":\"a..b\"}", 400, invalidValue),
        bad("cursor at the root", "POST", ".search", "{\"cursor\":\"\"}", 400, invalidValue),
        bad("attributes not a path", "POST", ".search", "{\"attributes\":[\"a..b\"]}", 400, Set.of("invalidPath")),
        bad("excludedAttributes not a path", "POST", ".search", "{\"excludedAttributes\":\"name..x\"}", 400,
            Set.of("invalidPath")),
        bad("attributes not a path", "GET", "Users?attributes=a..b", (String) null, 400, Set.of("invalidPath")));
  }

  /** Paths and methods no SCIM endpoint serves: Jersey's 404 and 405, as SCIM Errors. */
  Stream<Bad> noSuchEndpoint() {
    return Stream.of(
        bad("no such endpoint", "GET", "Nope", (String) null, 404, (Set<String>) null),
        bad("no such endpoint", "POST", "Nope", "{}", 404, (Set<String>) null),
        bad("below a resource", "GET", "Users/{alice}/extra", (String) null, 404, (Set<String>) null),
        bad("below a resource", "DELETE", "Groups/{group}/members", (String) null, 404, (Set<String>) null),
        bad("GET .search", "GET", "Users/.search", (String) null, 404, (Set<String>) null),
        bad("GET root .search", "GET", ".search", (String) null, 405, (Set<String>) null),
        bad("GET Bulk", "GET", "Bulk", (String) null, 405, (Set<String>) null),
        bad("DELETE root .search", "DELETE", ".search", (String) null, 405, (Set<String>) null),
        bad("PUT Me", "POST", "Me", user("me"), 405, (Set<String>) null),
        bad("lower-case endpoint", "GET", "users/{alice}", (String) null, 404, (Set<String>) null));
  }

  private static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedJson")
  void malformedJsonIsInvalidSyntax(Bad bad) throws Exception {
    check(bad);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongTypes")
  void wrongTypesAreRefused(Bad bad) throws Exception {
    check(bad);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deepNesting")
  void deepNestingIsInvalidSyntax(Bad bad) throws Exception {
    check(bad);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hugeBodies")
  void hugeBodiesAreTooLarge(Bad bad) throws Exception {
    check(bad);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFilters")
  void badFiltersAreInvalidFilter(Bad bad) throws Exception {
    check(bad);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPatchPaths")
  void badPatchPathsAreRefused(Bad bad) throws Exception {
    check(bad);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readOnly")
  void readOnlyAttributesAreMutabilityErrors(Bad bad) throws Exception {
    check(bad);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unknownIds")
  void unknownIdsAreNotFound(Bad bad) throws Exception {
    check(bad);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongMethods")
  void wrongMethodsAreNotAllowed(Bad bad) throws Exception {
    check(bad);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("uniqueness")
  void takenValuesAreConflicts(Bad bad) throws Exception {
    check(bad);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("staleIfMatch")
  void staleVersionsFailPreconditions(Bad bad) throws Exception {
    check(bad);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unsupportedMediaTypes")
  void otherMediaTypesAreUnsupported(Bad bad) throws Exception {
    check(bad);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filterOnNonGet")
  void filtersOnlyGoWithGet(Bad bad) throws Exception {
    check(bad);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("limits")
  void limitsAreEnforcedWithAClearDetail(Bad bad) throws Exception {
    check(bad);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTokens")
  void badTokensAreUnauthorized(Bad bad) throws Exception {
    check(bad);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedConditions")
  void malformedConditionsAreInvalidValues(Bad bad) throws Exception {
    check(bad);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failedConditionLists")
  void failedConditionListsArePreconditionFailures(Bad bad) throws Exception {
    check(bad);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedAccept")
  void malformedAcceptIsBadRequest(Bad bad) throws Exception {
    check(bad);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedAddresses")
  void malformedAddressesAreBadRequests(Bad bad) throws Exception {
    check(bad);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oversizeHeads")
  void oversizeHeadsAreRefused(Bad bad) throws Exception {
    // The container reads and discards the rest of a refused head before it closes, so the
    // answer is never lost to a reset: one try each.
    check(bad);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenFiltersEverywhere")
  void brokenFiltersAreInvalidFilters(Bad bad) throws Exception {
    check(bad);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("missingRequired")
  void missingRequiredValuesAreInvalidValues(Bad bad) throws Exception {
    check(bad);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSearchParameters")
  void badSearchParametersAreRefused(Bad bad) throws Exception {
    check(bad);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("noSuchEndpoint")
  void unknownEndpointsAreScimErrors(Bad bad) throws Exception {
    check(bad);
  }

  // ---------------------------------------------------------------------------------------------

  private void check(Bad bad) throws Exception {
    String before = server.fingerprint(TENANT, OTHER_TENANT, STRICT_TENANT);
    List<String> headers = new ArrayList<>(bad.headers());
    if (bad.contentType() != null) {
      headers.add("Content-Type");
      headers.add(bad.contentType());
    }
    switch (bad.authorization()) {
      case VALID -> headers.addAll(List.of("Authorization", "Bearer " + keys.get(bad.tenant())));
      case OTHER -> headers.addAll(List.of("Authorization", "Bearer " + otherKey));
      case NONE -> { }
      default -> headers.addAll(List.of("Authorization", bad.authorization()));
    }
    String path = resolve(bad.tenant(), bad.path());
    byte[] body = bad.body() == null ? null : resolve(bad.tenant(), bad.body());
    RawHttp.Answer response = send(bad.method(), "scim/v2/" + bad.tenant() + "/" + path, body, headers);
    sent.incrementAndGet();
    String shown = response.toString();

    assertThat(response.status()).as(shown).isEqualTo(bad.status());
    assertThat(response.header("Content-Type")).as(shown).isNotNull()
        .satisfies(type -> assertThat(type.split(";")[0].trim()).isEqualToIgnoringCase("application/scim+json"));
    assertThat(response.header("X-Content-Type-Options")).as(shown).isEqualTo("nosniff");
    for (String leak : LEAKS) {
      assertThat(response.body().toLowerCase(java.util.Locale.ROOT)).as(shown).doesNotContain(leak);
    }
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.path("schemas").isArray()).as(shown).isTrue();
    assertThat(error.path("schemas").toString()).as(shown).contains("\"" + ERROR_URN + "\"");
    assertThat(error.path("status").isTextual()).as(shown).isTrue();
    assertThat(error.path("status").asText()).as(shown).isEqualTo(String.valueOf(bad.status()));
    assertThat(error.path("detail").isTextual()).as(shown).isTrue();
    assertThat(error.path("detail").asText()).as(shown).isNotBlank();
    if (bad.scimTypes() == null) {
      assertThat(error.has("scimType")).as(shown).isFalse();
    } else {
      assertThat(error.path("scimType").asText()).as(shown).isIn(bad.scimTypes());
    }
    if (bad.detailContains() != null) {
      assertThat(error.path("detail").asText()).as(shown).contains(bad.detailContains());
    }
    if (bad.status() == 401) {
      assertThat(response.header("WWW-Authenticate")).as(shown).startsWith("Bearer");
    }
    assertThat(server.fingerprint(TENANT, OTHER_TENANT, STRICT_TENANT)).as("the stores after " + bad + " → " + shown).isEqualTo(before);
  }

  /**
   * Sends with Java's HTTP client, or byte for byte over a socket when the address is no URI
   * (which the client refuses to send).
   */
  private RawHttp.Answer send(String method, String path, byte[] body, List<String> headers) throws Exception {
    String[] pairs = headers.toArray(String[]::new);
    try {
      URI uri = new URI(server.root + path);
      HttpResponse<String> response = server.sendBytes(method, uri, null, body, pairs);
      Map<String, String> first = new HashMap<>();
      response.headers().map().forEach((name, values) -> first.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
      return new RawHttp.Answer(response.statusCode(), first, response.body());
    } catch (URISyntaxException e) {
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < pairs.length; i += 2) {
        lines.add(pairs[i] + ": " + pairs[i + 1]);
      }
      return RawHttp.send(server.root, method + " /" + path + " HTTP/1.1", body, lines.toArray(String[]::new));
    }
  }

  private String resolve(String tenant, String text) {
    String resolved = text;
    for (var id : ids.get(tenant).entrySet()) {
      resolved = resolved.replace("{" + id.getKey() + "}", id.getValue());
    }
    return resolved;
  }

  private byte[] resolve(String tenant, byte[] body) {
    String text = new String(body, StandardCharsets.ISO_8859_1);
    return resolve(tenant, text).getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String abbreviate(String text) {
    return text.length() > 600 ? text.substring(0, 600) + "…" : text;
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
