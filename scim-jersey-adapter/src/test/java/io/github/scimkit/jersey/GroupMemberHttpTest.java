package io.github.scimkit.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.tenant.ScimMode;
import io.github.scimkit.core.tenant.TenantSettings;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The GroupMember resource of draft-zollner-scim-group-members-01 over HTTP on the in-memory
 * stores (a subclass runs the same requests on H2): rows B2 and B4–B19 of the interop profile
 * notes, each named in a test's display name.
 */
@DisplayName("/GroupMembers over HTTP")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupMemberHttpTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  static final String MEMBER = "urn:ietf:params:scim:schemas:core:2.0:GroupMember";
  static final String EXTENSION = "urn:ietf:params:scim:schemas:extension:groupMembers:2.0:Group";
  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  private static final AtomicInteger TENANTS = new AtomicInteger();

  private TestServer server;
  private String tenant;
  private String key;

  /** The server the requests run against; a subclass brings other stores. */
  TestServer newServer(EngineConfig config, UnaryOperator<ScimFeature.Builder> customize) throws Exception {
    return new TestServer(config, customize);
  }

  @BeforeAll
  void start() throws Exception {
    server = newServer(EngineConfig.defaults(), feature -> feature.rateLimit(0, 0));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private void tenant(ScimMode mode) {
    tenant = "gm" + TENANTS.incrementAndGet();
    key = server.tenant(tenant, TenantSettings.defaults().withMode(mode));
  }

  private HttpResponse<String> call(String method, String path, String body) {
    return server.send(method, server.scim(tenant, path), key, body);
  }

  static JsonNode answer(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    if (status == 204) {
      return null;
    }
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/scim+json");
    try {
      return JSON.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError(response.body(), e);
    }
  }

  static void error(HttpResponse<String> response, int status, String scimType) {
    JsonNode body = answer(response, status);
    assertThat(body.path("status").asText()).isEqualTo(String.valueOf(status));
    if (scimType != null) {
      assertThat(body.path("scimType").asText()).isEqualTo(scimType);
    }
    assertThat(body.path("detail").asText()).isNotBlank().doesNotContain("Exception", "at io.");
  }

  private String user(String name) {
    return answer(call("POST", "Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + name
        + "\",\"displayName\":\"" + name + " display\"}"), 201).path("id").asText();
  }

  private String group(String name) {
    return answer(call("POST", "Groups", "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"" + name + "\"}"), 201)
        .path("id").asText();
  }

  private static String membership(String groupId, String memberId) {
    return "{\"schemas\":[\"" + MEMBER + "\"],\"group\":{\"value\":\"" + groupId + "\"},"
        + "\"member\":{\"value\":\"" + memberId + "\",\"type\":\"User\"}}";
  }

  private HttpResponse<String> post(String groupId, String memberId) {
    return call("POST", "GroupMembers", membership(groupId, memberId));
  }

  private JsonNode list(String filter, String more) {
    return answer(call("GET", "GroupMembers?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8) + more, null),
        200);
  }

  private JsonNode groupById(String groupId) {
    return answer(call("GET", "Groups/" + groupId, null), 200);
  }

  private static List<String> values(JsonNode node, String path) {
    List<String> values = new ArrayList<>();
    node.path("Resources").forEach(resource -> values.add(resource.at(path).asText()));
    return values;
  }

  @ParameterizedTest
  @EnumSource(ScimMode.class)
  @DisplayName("B2, B13: POST answers 201 with an opaque id, meta, $refs and displays; GET returns the same")
  void postCreatesMembership(ScimMode mode) {
    tenant(mode);
    String ann = user("ann");
    String ops = group("Ops");
    long before = groupById(ops).at("/meta/version").asText().hashCode();

    HttpResponse<String> created = post(ops, ann);
    JsonNode body = answer(created, 201);
    String id = body.path("id").asText();
    assertThat(id).isNotBlank().isNotEqualTo(ops).isNotEqualTo(ann);
    assertThat(body.path("schemas").toString()).contains(MEMBER);
    assertThat(body.at("/meta/resourceType").asText()).isEqualTo("GroupMember");
    assertThat(body.at("/meta/created").asText()).isNotBlank();
    assertThat(body.at("/meta/lastModified").asText()).isNotBlank();
    assertThat(body.at("/meta/location").asText()).endsWith("/GroupMembers/" + id);
    assertThat(created.headers().firstValue("Location")).hasValue(body.at("/meta/location").asText());
    assertThat(body.at("/group/value").asText()).isEqualTo(ops);
    assertThat(body.at("/group/$ref").asText()).endsWith("/Groups/" + ops);
    assertThat(body.at("/group/display").asText()).isEqualTo("Ops");
    assertThat(body.at("/member/value").asText()).isEqualTo(ann);
    assertThat(body.at("/member/$ref").asText()).endsWith("/Users/" + ann);
    assertThat(body.at("/member/type").asText()).isEqualTo("User");
    assertThat(body.at("/member/display").asText()).isEqualTo("ann display");

    assertThat(answer(call("GET", "GroupMembers/" + id, null), 200)).isEqualTo(body);
    JsonNode group = groupById(ops);
    assertThat(group.path("members").findValuesAsText("value")).containsExactly(ann);
    assertThat((long) group.at("/meta/version").asText().hashCode()).as("the group's version moved").isNotEqualTo(before);
  }

  @Test
  @DisplayName("B4, B5: /ResourceTypes has GroupMember and /Schemas its full schema and the Group extension")
  void discoveryListsGroupMember() {
    tenant(ScimMode.STRICT);
    JsonNode type = answer(call("GET", "ResourceTypes/GroupMember", null), 200);
    assertThat(type.path("id").asText()).isEqualTo("GroupMember");
    assertThat(type.path("endpoint").asText()).isEqualTo("/GroupMembers");
    assertThat(type.path("schema").asText()).isEqualTo(MEMBER);
    assertThat(values(answer(call("GET", "ResourceTypes", null), 200), "/id")).contains("User", "Group", "GroupMember");
    JsonNode groupType = answer(call("GET", "ResourceTypes/Group", null), 200);
    assertThat(groupType.path("schemaExtensions").findValuesAsText("schema")).contains(EXTENSION);

    JsonNode schema = answer(call("GET", "Schemas/" + MEMBER, null), 200);
    JsonNode group = schema.path("attributes").get(0);
    JsonNode member = schema.path("attributes").get(1);
    assertThat(group.path("name").asText()).isEqualTo("group");
    assertThat(group.path("required").asBoolean()).isTrue();
    assertThat(group.path("subAttributes").findValuesAsText("name")).containsExactly("value", "$ref", "display");
    assertThat(member.path("name").asText()).isEqualTo("member");
    assertThat(member.path("subAttributes").findValuesAsText("name")).containsExactly("value", "$ref", "type", "display");
    JsonNode extension = answer(call("GET", "Schemas/" + EXTENSION, null), 200);
    JsonNode metadata = extension.path("attributes").get(0);
    assertThat(metadata.path("name").asText()).isEqualTo("membersMetadata");
    assertThat(metadata.path("mutability").asText()).isEqualTo("readOnly");
    assertThat(metadata.path("subAttributes").findValuesAsText("name"))
        .containsExactly("policy", "ref", "memberCount", "allowedMemberTypes");
    assertThat(values(answer(call("GET", "Schemas", null), 200), "/id")).contains(MEMBER, EXTENSION);
  }

  @ParameterizedTest
  @EnumSource(ScimMode.class)
  @DisplayName("B6, B7, B9: a Group lists the extension and carries membersMetadata whose ref lists its members")
  void groupsCarryMembersMetadata(ScimMode mode) {
    tenant(mode);
    String ops = group("Ops");
    for (int i = 0; i < 3; i++) {
      answer(post(ops, user("u" + i)), 201);
    }
    JsonNode group = groupById(ops);
    assertThat(group.path("schemas").toString()).contains(GROUP, EXTENSION);
    JsonNode metadata = group.path(EXTENSION).path("membersMetadata");
    assertThat(metadata.path("policy").asText()).isEqualTo("inline");
    assertThat(metadata.path("memberCount").asLong()).isEqualTo(3);
    String ref = metadata.path("ref").asText();
    assertThat(ref).isEqualTo(server.scim(tenant, "GroupMembers").toString() + "?filter="
        + UriBuilder.fromPath("").queryParam("filter", "{f}").build("group.value eq \"" + ops + "\"").getRawQuery()
            .substring("filter=".length()));
    JsonNode members = answer(server.send("GET", URI.create(ref), key, null), 200);
    assertThat(members.path("totalResults").asLong()).isEqualTo(metadata.path("memberCount").asLong());
    assertThat(values(members, "/group/value")).containsOnly(ops);
    assertThat(group.path("members")).hasSize(3);

    assertThat(answer(call("GET", "Groups/" + ops + "?excludedAttributes=" + EXTENSION, null), 200).has(EXTENSION))
        .isFalse();
    assertThat(answer(call("GET", "Groups?attributes=displayName", null), 200).path("Resources").get(0).has(EXTENSION))
        .isFalse();
  }

  @ParameterizedTest
  @EnumSource(ScimMode.class)
  @DisplayName("B10: membersMetadata is read-only: PATCH is 400 mutability, an echoed PUT body is accepted")
  void membersMetadataIsReadOnly(ScimMode mode) {
    tenant(mode);
    String ops = group("Ops");
    error(call("PATCH", "Groups/" + ops, "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\","
        + "\"path\":\"" + EXTENSION + ":membersMetadata.policy\",\"value\":\"external\"}]}"), 400, "mutability");
    error(call("PATCH", "Groups/" + ops, "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\","
        + "\"value\":{\"" + EXTENSION + "\":{\"membersMetadata\":{\"memberCount\":9}}}}]}"), 400, "mutability");
    JsonNode read = groupById(ops);
    ((com.fasterxml.jackson.databind.node.ObjectNode) read).put("displayName", "Ops 2");
    JsonNode replaced = answer(call("PUT", "Groups/" + ops, read.toString()), 200);
    assertThat(replaced.path("displayName").asText()).isEqualTo("Ops 2");
    assertThat(replaced.at("/" + EXTENSION.replace("/", "~1") + "/membersMetadata/policy").asText()).isEqualTo("inline");
  }

  @Test
  @DisplayName("B11: PATCH and PUT of a GroupMember answer 405 with a SCIM error and change nothing")
  void patchAndPutAre405() {
    tenant(ScimMode.STRICT);
    String ops = group("Ops");
    String ann = user("ann");
    JsonNode created = answer(post(ops, ann), 201);
    String id = created.path("id").asText();
    error(call("PATCH", "GroupMembers/" + id, "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\","
        + "\"path\":\"member.value\",\"value\":\"x\"}]}"), 405, null);
    error(call("PUT", "GroupMembers/" + id, membership(ops, user("bob"))), 405, null);
    assertThat(answer(call("GET", "GroupMembers/" + id, null), 200)).isEqualTo(created);
    assertThat(groupById(ops).path("members").findValuesAsText("value")).containsExactly(ann);
  }

  @ParameterizedTest
  @EnumSource(ScimMode.class)
  @DisplayName("B12: the Group's members and /GroupMembers agree in both directions")
  void bothViewsAgree(ScimMode mode) {
    tenant(mode);
    String ops = group("Ops");
    String ann = user("ann");
    String id = answer(post(ops, ann), 201).path("id").asText();
    answer(call("DELETE", "GroupMembers/" + id, null), 204);
    assertThat(groupById(ops).has("members")).isFalse();

    answer(call("PATCH", "Groups/" + ops, "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"add\","
        + "\"path\":\"members\",\"value\":[{\"value\":\"" + ann + "\"}]}]}"), 204);
    JsonNode listed = list("member.value eq \"" + ann + "\"", "");
    assertThat(values(listed, "/id")).as("the same id for the same pair").containsExactly(id);
    answer(call("GET", "GroupMembers/" + id, null), 200);

    answer(call("PATCH", "Groups/" + ops, "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"remove\","
        + "\"path\":\"members[value eq \\\"" + ann + "\\\"]\"}]}"), 204);
    error(call("GET", "GroupMembers/" + id, null), 404, null);
  }

  @ParameterizedTest
  @EnumSource(ScimMode.class)
  @DisplayName("B14, B1: an unknown group or member, a missing value, or a Group as member is 400 invalidValue")
  void unknownGroupOrMemberIsInvalidValue(ScimMode mode) {
    tenant(mode);
    String ops = group("Ops");
    String dev = group("Dev");
    String ann = user("ann");
    error(post(ops, "nope"), 400, "invalidValue");
    error(post("nope", ann), 400, "invalidValue");
    error(post(ops, dev), 400, "invalidValue");
    error(call("POST", "GroupMembers", "{\"schemas\":[\"" + MEMBER + "\"],\"group\":{\"value\":\"" + ops
        + "\"},\"member\":{\"value\":\"" + dev + "\",\"type\":\"Group\"}}"), 400, "invalidValue");
    error(call("POST", "GroupMembers", "{\"schemas\":[\"" + MEMBER + "\"],\"group\":{\"value\":\"" + ops + "\"}}"),
        400, "invalidValue");
    assertThat(groupById(ops).has("members")).isFalse();
  }

  @Test
  @DisplayName("attributes and excludedAttributes trim every membership returned, as on other resources")
  void projectionParametersApply() {
    tenant(ScimMode.STRICT);
    String ops = group("Ops");
    String ann = user("ann");
    String id = answer(call("POST", "GroupMembers?attributes=member.value", membership(ops, ann)), 201).path("id").asText();

    JsonNode onlyMember = answer(call("GET", "GroupMembers/" + id + "?attributes=member.value", null), 200);
    assertThat(onlyMember.path("id").asText()).isEqualTo(id);
    assertThat(onlyMember.path("schemas").toString()).contains(MEMBER);
    assertThat(onlyMember.at("/member/value").asText()).isEqualTo(ann);
    assertThat(onlyMember.has("group")).isFalse();
    assertThat(onlyMember.path("member").has("$ref")).isFalse();
    assertThat(onlyMember.has("meta")).isFalse();

    JsonNode withoutGroup = answer(call("GET", "GroupMembers/" + id + "?excludedAttributes=group", null), 200);
    assertThat(withoutGroup.has("group")).isFalse();
    assertThat(withoutGroup.at("/member/display").asText()).isEqualTo("ann display");
    assertThat(withoutGroup.at("/meta/location").asText()).endsWith("/GroupMembers/" + id);

    JsonNode page = list("group.value eq \"" + ops + "\"", "&attributes=group");
    assertThat(page.path("totalResults").asInt()).isEqualTo(1);
    assertThat(page.at("/Resources/0/group/value").asText()).isEqualTo(ops);
    assertThat(page.at("/Resources/0").has("member")).isFalse();

    error(call("GET", "GroupMembers/" + id + "?attributes=" + URLEncoder.encode("member[", StandardCharsets.UTF_8), null),
        400, "invalidPath");
  }

  @Test
  @DisplayName("B15: the same membership twice is 409 uniqueness")
  void duplicateIsConflict() {
    tenant(ScimMode.STRICT);
    String ops = group("Ops");
    String ann = user("ann");
    answer(post(ops, ann), 201);
    error(post(ops, ann), 409, "uniqueness");
  }

  @Test
  @DisplayName("B16: a group's memberships page by index (totalResults) and by RFC 9865 cursor")
  void pagesByIndexAndCursor() {
    tenant(ScimMode.STRICT);
    String ops = group("Ops");
    Set<String> members = new HashSet<>();
    for (int i = 0; i < 25; i++) {
      String user = user(String.format("p%02d", i));
      members.add(user);
      answer(post(ops, user), 201);
    }
    String filter = "group.value eq \"" + ops + "\"";
    JsonNode first = list(filter, "&startIndex=1&count=10");
    assertThat(first.path("totalResults").asInt()).isEqualTo(25);
    assertThat(first.path("itemsPerPage").asInt()).isEqualTo(10);
    assertThat(first.path("Resources")).hasSize(10);
    assertThat(list(filter, "&startIndex=21&count=10").path("Resources")).hasSize(5);

    Set<String> walked = new HashSet<>();
    String cursor = "";
    for (int page = 0; page < 10; page++) {
      JsonNode body = list(filter, "&count=10&cursor=" + cursor);
      assertThat(body.has("startIndex")).isFalse();
      walked.addAll(values(body, "/member/value"));
      if (!body.has("nextCursor")) {
        break;
      }
      cursor = body.path("nextCursor").asText();
    }
    assertThat(walked).isEqualTo(members);
    error(call("GET", "GroupMembers?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8)
        + "&count=10&cursor=forged", null), 400, "invalidCursor");
  }

  @ParameterizedTest
  @EnumSource(ScimMode.class)
  @DisplayName("B17: filters on group.value, member.value and both; anything else is 400 invalidFilter")
  void filtersOnGroupAndMember(ScimMode mode) {
    tenant(mode);
    String ops = group("Ops");
    String dev = group("Dev");
    String ann = user("ann");
    String bob = user("bob");
    answer(post(ops, ann), 201);
    answer(post(dev, ann), 201);
    answer(post(ops, bob), 201);

    assertThat(values(list("member.value eq \"" + ann + "\"", ""), "/group/value")).containsExactlyInAnyOrder(ops, dev);
    assertThat(values(list("group.value eq \"" + ops + "\"", ""), "/member/value")).containsExactlyInAnyOrder(ann, bob);
    JsonNode both = list("group.value eq \"" + dev + "\" and member.value eq \"" + ann + "\"", "");
    assertThat(both.path("totalResults").asInt()).isEqualTo(1);
    assertThat(list("member.value eq \"" + bob + "\"", "&startIndex=1&count=0").path("totalResults").asInt()).isEqualTo(1);
    assertThat(list("group.value eq \"nope\"", "").path("totalResults").asInt()).isZero();

    error(call("GET", "GroupMembers?filter=" + URLEncoder.encode("member.display eq \"x\"", StandardCharsets.UTF_8),
        null), 400, "invalidFilter");
    error(call("GET", "GroupMembers", null), 400, "invalidFilter");
  }

  @Test
  @DisplayName("B18: DELETE answers 204; a second DELETE 404")
  void secondDeleteIs404() {
    tenant(ScimMode.STRICT);
    String id = answer(post(group("Ops"), user("ann")), 201).path("id").asText();
    assertThat(call("DELETE", "GroupMembers/" + id, null).statusCode()).isEqualTo(204);
    error(call("DELETE", "GroupMembers/" + id, null), 404, null);
    error(call("GET", "GroupMembers/" + id, null), 404, null);
    error(call("GET", "GroupMembers/not-an-id", null), 404, null);
  }

  @Test
  @DisplayName("B19: /Bulk POSTs GroupMembers (with bulkId references) and DELETEs one: 201, 201, 204; PATCH 405")
  void bulkPostsAndDeletes() {
    tenant(ScimMode.STRICT);
    String ops = group("Ops");
    String ann = user("ann");
    String annId = answer(post(ops, ann), 201).path("id").asText();
    String bulk = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":["
        + "{\"method\":\"POST\",\"path\":\"/GroupMembers\",\"bulkId\":\"m1\",\"data\":"
        + membership(ops, "bulkId:u1") + "},"
        + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u1\",\"data\":{\"schemas\":[\"" + USER
        + "\"],\"userName\":\"bob\"}},"
        + "{\"method\":\"POST\",\"path\":\"/GroupMembers\",\"bulkId\":\"m2\",\"data\":"
        + membership(group("Dev"), ann) + "},"
        + "{\"method\":\"DELETE\",\"path\":\"/GroupMembers/" + annId + "\"},"
        + "{\"method\":\"PATCH\",\"path\":\"/GroupMembers/" + annId + "\",\"data\":{}}]}";
    JsonNode response = answer(call("POST", "Bulk", bulk), 200);
    List<String> statuses = new ArrayList<>();
    response.path("Operations").forEach(operation -> statuses.add(operation.path("status").asText()));
    assertThat(statuses).containsExactly("201", "201", "201", "204", "405");
    String location = response.path("Operations").get(0).path("location").asText();
    assertThat(location).contains("/GroupMembers/");
    JsonNode created = answer(server.send("GET", URI.create(location), key, null), 200);
    assertThat(created.at("/member/display").asText()).isEmpty();
    assertThat(values(list("group.value eq \"" + ops + "\"", ""), "/member/value"))
        .containsExactly(created.at("/member/value").asText());
  }

  @Test
  @DisplayName("turned off: no /GroupMembers, no discovery entries and no membersMetadata")
  void turnedOff() throws Exception {
    try (TestServer off = newServer(EngineConfig.builder().groupMembers(false).build(), feature -> feature.rateLimit(0, 0))) {
      String offTenant = "gmoff" + TENANTS.incrementAndGet();
      String offKey = off.tenant(offTenant, TenantSettings.defaults());
      String groupId = answer(off.send("POST", off.scim(offTenant, "Groups"), offKey,
          "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"Ops\"}"), 201).path("id").asText();
      JsonNode group = answer(off.send("GET", off.scim(offTenant, "Groups/" + groupId), offKey, null), 200);
      assertThat(group.has(EXTENSION)).isFalse();
      assertThat(group.path("schemas").toString()).doesNotContain(EXTENSION);
      assertThat(off.send("GET", off.scim(offTenant, "GroupMembers?filter=x"), offKey, null).statusCode()).isEqualTo(404);
      assertThat(values(answer(off.send("GET", off.scim(offTenant, "ResourceTypes"), offKey, null), 200), "/id"))
          .containsExactly("User", "Group");
      assertThat(off.send("GET", off.scim(offTenant, "Schemas/" + MEMBER), offKey, null).statusCode()).isEqualTo(404);
    }
  }
}
