package io.github.scimkit.core.engine;

import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ErrorResponse;
import io.github.scimkit.core.bulk.BulkOperation;
import io.github.scimkit.core.bulk.BulkOperationResult;
import io.github.scimkit.core.bulk.BulkRequest;
import io.github.scimkit.core.bulk.BulkResponse;
import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.event.AuditRecord;
import io.github.scimkit.core.request.RequestContext;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.github.scimkit.core.engine.ScimBodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("ScimEngine bulk (RFC 7644 §3.7)")
class EngineBulkTest {

  private static final String TENANT = "acme";
  private static final RequestContext CONTEXT = new RequestContext(TENANT, "test-key", "corr-bulk");

  private final InMemoryStoreProvider provider = new InMemoryStoreProvider();
  private final List<AuditRecord> audits = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private ScimEngine engine;

  @BeforeEach
  void setUp() {
    provider.createTenant(TENANT);
    engine = engine(EngineConfig.builder());
  }

  private ScimEngine engine(EngineConfig.Builder config) {
    return ScimEngine.builder()
        .stores(provider)
        .config(config.idGenerator(() -> "id-" + ids.incrementAndGet()).build())
        .auditSink(audits::add)
        .build();
  }

  private static GenericScimResource user(String userName) {
    return json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'" + userName + "'}");
  }

  private static GenericScimResource group(String name, String... memberValues) {
    StringBuilder members = new StringBuilder();
    for (String value : memberValues) {
      members.append(members.length() == 0 ? "" : ",").append("{'value':'").append(value).append("'}");
    }
    return json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'displayName':'" + name + "',"
        + "'members':[" + members + "]}");
  }

  private static GenericScimResource patchOp(String operations) {
    return json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[" + operations + "]}");
  }

  private BulkResponse bulk(BulkOperation... operations) throws ScimException {
    return engine.bulk(CONTEXT, BulkRequest.of(List.of(operations)));
  }

  private BulkResponse bulk(int failOnErrors, BulkOperation... operations) throws ScimException {
    return engine.bulk(CONTEXT, new BulkRequest(List.of(operations), Optional.of(failOnErrors)));
  }

  private List<String> members(String groupId) throws ScimException {
    try (Stream<String> stream = engine.members(CONTEXT, groupId)) {
      return stream.toList();
    }
  }

  private long count(ResourceKind kind) throws ScimException {
    try (SearchResults results = engine.search(CONTEXT, kind, SearchParameters.all().page(1, 0))) {
      return results.totalResults();
    }
  }

  private static ErrorResponse error(BulkOperationResult result) {
    assertThat(result.failed()).as("operation %d failed", result.index()).isTrue();
    return result.error().orElseThrow();
  }

  private static BulkOperationResult at(BulkResponse response, int index) {
    return response.resultAt(index).orElseThrow(() -> new AssertionError("operation " + index + " not listed"));
  }

  @Nested
  @DisplayName("bulkId references")
  class References {

    @Test
    @DisplayName("a group's members[].value of bulkId:u1 becomes the id the user's POST created")
    void membersReference() throws ScimException {
      BulkResponse response = bulk(
          BulkOperation.post("u1", "/Users", user("ann")),
          BulkOperation.post("g1", "/Groups", group("Eng", "bulkId:u1")));

      BulkOperationResult userResult = at(response, 0);
      BulkOperationResult groupResult = at(response, 1);
      assertThat(response.operations()).extracting(BulkOperationResult::status).containsExactly(201, 201);
      assertThat(userResult.bulkId()).contains("u1");
      assertThat(userResult.resourceType()).contains(ResourceKind.USER);
      assertThat(userResult.version()).contains("W/\"1\"");
      assertThat(groupResult.method()).isEqualTo("POST");
      assertThat(groupResult.resourceType()).contains(ResourceKind.GROUP);
      assertThat(members(groupResult.id().orElseThrow())).containsExactly(userResult.id().orElseThrow());
    }

    @Test
    @DisplayName("a group POST listed before the user POST it references still works; results keep request order")
    void ordering() throws ScimException {
      BulkResponse response = bulk(
          BulkOperation.post("g1", "/Groups", group("Eng", "bulkId:u1", "bulkId:u2")),
          BulkOperation.post("u1", "/Users", user("ann")),
          BulkOperation.post("u2", "/Users", user("bob")));

      assertThat(response.operations()).extracting(BulkOperationResult::index).containsExactly(0, 1, 2);
      assertThat(response.operations()).extracting(BulkOperationResult::status).containsExactly(201, 201, 201);
      assertThat(members(at(response, 0).id().orElseThrow()))
          .containsExactlyInAnyOrder(at(response, 1).id().orElseThrow(), at(response, 2).id().orElseThrow());
      assertThat(audits).extracting(AuditRecord::kind)
          .containsExactly(ResourceKind.USER, ResourceKind.USER, ResourceKind.GROUP);
    }

    @Test
    @DisplayName("references in paths resolve too, through chains listed in reverse")
    void pathReferences() throws ScimException {
      BulkResponse response = bulk(
          BulkOperation.patch("/Groups/bulkId:g1", null,
              patchOp("{'op':'add','path':'members','value':[{'value':'bulkId:u2'}]}")),
          BulkOperation.post("g1", "/Groups", group("Eng", "bulkId:u1")),
          BulkOperation.patch("/Users/bulkId:u1", null,
              patchOp("{'op':'replace','path':'displayName','value':'Ann Lee'}")),
          BulkOperation.post("u1", "/Users", user("ann")),
          BulkOperation.post("u2", "/Users", user("bob")));

      assertThat(response.operations()).extracting(BulkOperationResult::status)
          .containsExactly(200, 201, 200, 201, 201);
      String groupId = at(response, 1).id().orElseThrow();
      assertThat(at(response, 0).id()).contains(groupId);
      assertThat(members(groupId)).containsExactlyInAnyOrder(
          at(response, 3).id().orElseThrow(), at(response, 4).id().orElseThrow());
      assertThat(engine.get(CONTEXT, ResourceKind.USER, at(response, 3).id().orElseThrow())
          .resource().getObjectNode().path("displayName").asText()).isEqualTo("Ann Lee");
    }

    @Test
    @DisplayName("two groups that name each other as members both fail with 409; nothing else is affected")
    void cycle() throws ScimException {
      BulkResponse response = bulk(
          BulkOperation.post("u1", "/Users", user("ann")),
          BulkOperation.post("ga", "/Groups", group("A", "bulkId:gb", "bulkId:u1")),
          BulkOperation.post("gb", "/Groups", group("B", "bulkId:ga")),
          BulkOperation.post("gc", "/Groups", group("C", "bulkId:u1")));

      assertThat(response.operations()).extracting(BulkOperationResult::status).containsExactly(201, 409, 409, 201);
      for (int index : new int[] {1, 2}) {
        ErrorResponse error = error(at(response, index));
        assertThat(error.getScimType()).isEqualTo("invalidValue");
        assertThat(error.getDetail()).contains("Circular").contains("bulkId:ga").contains("bulkId:gb");
      }
      assertThat(count(ResourceKind.GROUP)).isEqualTo(1);
      assertThat(members(at(response, 3).id().orElseThrow())).containsExactly(at(response, 0).id().orElseThrow());
    }

    @Test
    @DisplayName("a POST that references its own bulkId is a cycle; an operation that needs a cycle's resource fails too")
    void selfReference() throws ScimException {
      BulkResponse response = bulk(
          BulkOperation.post("g1", "/Groups", group("Self", "bulkId:g1")),
          BulkOperation.delete("/Groups/bulkId:g1", null));

      assertThat(error(at(response, 0)).getDetail()).contains("Circular");
      assertThat(at(response, 1).status()).isEqualTo(409);
      assertThat(error(at(response, 1)).getDetail()).contains("bulkId:g1").contains("failed");
      assertThat(at(response, 1).id()).isEmpty();
    }

    @Test
    @DisplayName("an unknown bulkId, or one whose POST failed, fails the referencing operation with 409 invalidValue")
    void unresolvable() throws ScimException {
      BulkResponse response = bulk(
          BulkOperation.post("g1", "/Groups", group("Eng", "bulkId:nobody")),
          BulkOperation.post("u1", "/Users", json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User']}")),
          BulkOperation.post("g2", "/Groups", group("Ops", "bulkId:u1")),
          BulkOperation.post("g3", "/Groups", group("Fine")));

      assertThat(response.operations()).extracting(BulkOperationResult::status).containsExactly(409, 400, 409, 201);
      assertThat(error(at(response, 0)).getScimType()).isEqualTo("invalidValue");
      assertThat(error(at(response, 0)).getDetail()).contains("bulkId:nobody");
      assertThat(error(at(response, 2)).getScimType()).isEqualTo("invalidValue");
      assertThat(count(ResourceKind.GROUP)).isEqualTo(1);
    }

    @Test
    @DisplayName("a bulkId used by two POSTs fails both, and references to it")
    void duplicateBulkId() throws ScimException {
      BulkResponse response = bulk(
          BulkOperation.post("u1", "/Users", user("ann")),
          BulkOperation.post("u1", "/Users", user("bob")),
          BulkOperation.post("g1", "/Groups", group("Eng", "bulkId:u1")));

      assertThat(response.operations()).extracting(BulkOperationResult::status).containsExactly(400, 400, 409);
      assertThat(error(at(response, 0)).getScimType()).isEqualTo("invalidValue");
      assertThat(count(ResourceKind.USER)).isZero();
    }
  }

  @Nested
  @DisplayName("failOnErrors and limits")
  class Limits {

    @Test
    @DisplayName("failOnErrors 1 stops after the first failure; the rest are neither run nor listed")
    void failOnErrorsOne() throws ScimException {
      BulkResponse response = bulk(1,
          BulkOperation.post("u1", "/Users", user("ann")),
          BulkOperation.post("u2", "/Users", user("ann")),
          BulkOperation.post("u3", "/Users", user("cid")),
          BulkOperation.post("u4", "/Users", user("dee")));

      assertThat(response.operations()).extracting(BulkOperationResult::status).containsExactly(201, 409);
      assertThat(error(at(response, 1)).getScimType()).isEqualTo("uniqueness");
      assertThat(response.resultAt(2)).isEmpty();
      assertThat(count(ResourceKind.USER)).isEqualTo(1);
    }

    @Test
    @DisplayName("failOnErrors 2 accepts one failure and stops at the second")
    void failOnErrorsTwo() throws ScimException {
      BulkResponse response = bulk(2,
          BulkOperation.delete("/Users/missing-1", null),
          BulkOperation.post("u1", "/Users", user("ann")),
          BulkOperation.delete("/Users/missing-2", null),
          BulkOperation.post("u2", "/Users", user("bob")));

      assertThat(response.operations()).extracting(BulkOperationResult::status).containsExactly(404, 201, 404);
      assertThat(response.failures()).isEqualTo(2);
      assertThat(count(ResourceKind.USER)).isEqualTo(1);
    }

    @Test
    @DisplayName("without failOnErrors every operation runs whatever fails")
    void noFailOnErrors() throws ScimException {
      BulkResponse response = bulk(
          BulkOperation.delete("/Users/missing-1", null),
          BulkOperation.delete("/Users/missing-2", null),
          BulkOperation.post("u1", "/Users", user("ann")));

      assertThat(response.operations()).extracting(BulkOperationResult::status).containsExactly(404, 404, 201);
    }

    @Test
    @DisplayName("more operations than maxBulkOperations fail the whole request with 413 and change nothing")
    void tooManyOperations() {
      ScimEngine small = engine(EngineConfig.builder().maxBulkOperations(2));

      assertThatThrownBy(() -> small.bulk(CONTEXT, BulkRequest.of(List.of(
              BulkOperation.post("u1", "/Users", user("ann")),
              BulkOperation.post("u2", "/Users", user("bob")),
              BulkOperation.post("u3", "/Users", user("cid"))))))
          .isInstanceOf(ScimException.class)
          .satisfies(e -> assertThat(((ScimException) e).getScimError().getStatus()).isEqualTo(413))
          .satisfies(e -> assertThat(((ScimException) e).getScimError().getDetail()).contains("at most 2"));
      assertThat(audits).isEmpty();
    }

    @Test
    @DisplayName("failOnErrors below 1 is 400 invalidValue; an unknown tenant is 404")
    void badRequest() {
      assertThatThrownBy(() -> bulk(0, BulkOperation.post("u1", "/Users", user("ann"))))
          .isInstanceOf(ScimException.class)
          .satisfies(e -> assertThat(((ScimException) e).getScimError().getScimType()).isEqualTo("invalidValue"));
      assertThatThrownBy(() -> engine.bulk(RequestContext.of("nobody", "key"), BulkRequest.of(List.of())))
          .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    @DisplayName("the configuration defaults to 1000 operations and 1 MiB")
    void defaults() {
      assertThat(EngineConfig.defaults().maxBulkOperations()).isEqualTo(1000);
      assertThat(EngineConfig.defaults().maxBulkPayloadBytes()).isEqualTo(1024 * 1024);
      assertThatThrownBy(() -> EngineConfig.builder().maxBulkOperations(0).build())
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  @DisplayName("Operations")
  class Operations {

    @Test
    @DisplayName("PUT, PATCH and DELETE on existing resources")
    void putPatchDelete() throws ScimException {
      String ann = engine.create(CONTEXT, ResourceKind.USER, user("ann")).id();
      String bob = engine.create(CONTEXT, ResourceKind.USER, user("bob")).id();
      String group = engine.create(CONTEXT, ResourceKind.GROUP, group("Eng", ann)).id();

      BulkResponse response = bulk(
          BulkOperation.patch("/Users/" + ann, null, patchOp("{'op':'replace','path':'displayName','value':'Ann'}")),
          BulkOperation.put("/Users/" + bob, null, json(
              "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'bob','displayName':'CTO'}")),
          BulkOperation.patch("/Groups/" + group, null,
              patchOp("{'op':'add','path':'members','value':[{'value':'" + bob + "'}]}")),
          BulkOperation.delete("/Users/" + ann, null));

      assertThat(response.operations()).extracting(BulkOperationResult::status).containsExactly(200, 200, 200, 204);
      assertThat(response.operations()).extracting(BulkOperationResult::method)
          .containsExactly("PATCH", "PUT", "PATCH", "DELETE");
      assertThat(at(response, 0).version()).contains("W/\"2\"");
      assertThat(at(response, 3).id()).contains(ann);
      assertThat(at(response, 3).version()).isEmpty();
      assertThat(engine.get(CONTEXT, ResourceKind.USER, bob).resource().getObjectNode().path("displayName").asText())
          .isEqualTo("CTO");
      assertThat(members(group)).containsExactly(bob);
      assertThatThrownBy(() -> engine.get(CONTEXT, ResourceKind.USER, ann)).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    @DisplayName("a version (If-Match) that does not match fails that operation alone with 412")
    void versionMismatch() throws ScimException {
      String ann = engine.create(CONTEXT, ResourceKind.USER, user("ann")).id();
      String bob = engine.create(CONTEXT, ResourceKind.USER, user("bob")).id();

      BulkResponse response = bulk(
          BulkOperation.patch("/Users/" + ann, "W/\"7\"", patchOp("{'op':'replace','path':'displayName','value':'X'}")),
          BulkOperation.patch("/Users/" + bob, "W/\"1\"", patchOp("{'op':'replace','path':'displayName','value':'Bob'}")),
          BulkOperation.delete("/Users/" + bob, "W/\"1\""),
          BulkOperation.delete("/Users/" + ann, "not-a-version"),
          BulkOperation.put("/Users/" + ann, "*", json(
              "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'ann','displayName':'Dr'}")));

      assertThat(response.operations()).extracting(BulkOperationResult::status).containsExactly(412, 200, 412, 412, 200);
      assertThat(at(response, 1).version()).contains("W/\"2\"");
      assertThat(engine.get(CONTEXT, ResourceKind.USER, ann).resource().getObjectNode().path("displayName").asText()).isEqualTo("Dr");
      assertThat(engine.get(CONTEXT, ResourceKind.USER, bob).version()).isEqualTo(2);
    }

    @Test
    @DisplayName("bad methods and paths fail their operation only")
    void badMethodsAndPaths() throws ScimException {
      BulkResponse response = bulk(
          new BulkOperation("GET", Optional.empty(), "/Users/x", Optional.empty(), Optional.empty()),
          BulkOperation.post("u1", "/Users/x", user("ann")),
          BulkOperation.delete("/Users", null),
          BulkOperation.post("f1", "/Foo", user("ann")),
          BulkOperation.delete("/Users/a/b", null),
          new BulkOperation("PUT", Optional.empty(), "/Users/x", Optional.empty(), Optional.empty()),
          new BulkOperation("post", Optional.of("u2"), "Users", Optional.empty(), Optional.of(user("bob"))));

      assertThat(response.operations()).extracting(BulkOperationResult::status)
          .containsExactly(405, 405, 405, 400, 400, 400, 201);
      assertThat(error(at(response, 3)).getScimType()).isEqualTo("invalidPath");
      assertThat(error(at(response, 4)).getScimType()).isEqualTo("invalidPath");
      assertThat(error(at(response, 5)).getScimType()).isEqualTo("invalidSyntax");
      assertThat(at(response, 6).method()).isEqualTo("POST");
      assertThat(count(ResourceKind.USER)).isEqualTo(1);
    }

    @Test
    @DisplayName("each operation is audited as its own write")
    void audited() throws ScimException {
      bulk(BulkOperation.post("u1", "/Users", user("ann")), BulkOperation.delete("/Users/missing", null));

      assertThat(audits).extracting(AuditRecord::status).containsExactly(201, 404);
      assertThat(audits).extracting(AuditRecord::correlationId).containsOnly("corr-bulk");
    }
  }
}
