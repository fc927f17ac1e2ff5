package io.github.scimkit.core.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.event.AuditRecord;
import io.github.scimkit.core.event.LifecycleEvent;
import io.github.scimkit.core.event.WriteOperation;
import io.github.scimkit.core.request.RequestContext;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.resource.ResourceView;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import io.github.scimkit.core.tenant.ScimMode;
import io.github.scimkit.core.tenant.TenantSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
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

@DisplayName("ScimEngine")
class ScimEngineTest {

  private static final String TENANT = "acme";
  private static final RequestContext CONTEXT = new RequestContext(TENANT, "test-key", "corr-1");

  private final InMemoryStoreProvider provider = new InMemoryStoreProvider();
  private final List<LifecycleEvent> events = new CopyOnWriteArrayList<>();
  private final List<AuditRecord> audits = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private TenantStores tenant;
  private ScimEngine engine;

  @BeforeEach
  void setUp() {
    tenant = provider.createTenant(TENANT);
    engine = engine(builder -> builder);
  }

  private ScimEngine engine(java.util.function.UnaryOperator<ScimEngine.Builder> customize) {
    EngineConfig config = EngineConfig.builder()
        .clock(Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC))
        .idGenerator(() -> "id-" + ids.incrementAndGet())
        .build();
    return customize.apply(ScimEngine.builder()
            .stores(provider)
            .config(config)
            .listener(events::add)
            .auditSink(audits::add))
        .build();
  }

  private ResourceView createUser(String userName) throws ScimException {
    return engine.create(CONTEXT, ResourceKind.USER, json(
        "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'" + userName + "',"
            + "'name':{'givenName':'Ann','familyName':'Lee'},'active':true,"
            + "'emails':[{'value':'" + userName + "@example.com','type':'work','primary':true}]}"));
  }

  private ResourceView createGroup(String name, String... members) throws ScimException {
    StringBuilder list = new StringBuilder();
    for (String member : members) {
      list.append(list.length() == 0 ? "" : ",").append("{'value':'").append(member).append("'}");
    }
    return engine.create(CONTEXT, ResourceKind.GROUP, json(
        "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'displayName':'" + name + "','members':[" + list + "]}"));
  }

  private List<String> members(String groupId) throws ScimException {
    try (Stream<String> stream = engine.members(CONTEXT, groupId)) {
      return stream.toList();
    }
  }

  private static String patch(String operations) {
    return "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[" + operations + "]}";
  }

  @Nested
  @DisplayName("Creating and reading")
  class Creating {

    @Test
    @DisplayName("creates a user with meta and renders it back")
    void createsUser() throws ScimException {
      ResourceView user = createUser("ann");
      ObjectNode node = user.resource().getObjectNode();
      assertThat(user.id()).isEqualTo("id-1");
      assertThat(node.path("userName").asText()).isEqualTo("ann");
      assertThat(node.path("meta").path("resourceType").asText()).isEqualTo("User");
      assertThat(node.path("meta").path("version").asText()).isEqualTo("W/\"1\"");
      assertThat(engine.get(CONTEXT, ResourceKind.USER, user.id()).resource().getObjectNode().path("name")
          .path("familyName").asText()).isEqualTo("Lee");
      assertThat(events).singleElement().isInstanceOf(LifecycleEvent.UserCreated.class);
    }

    @Test
    @DisplayName("ignores id, meta and groups that a client sends on POST")
    void stripsReadOnly() throws ScimException {
      ResourceView user = engine.create(CONTEXT, ResourceKind.USER, json(
          "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'id':'mine','userName':'bob',"
              + "'meta':{'created':'04-12-2018 00:00:00'},'groups':[],'password':'secret'}"));
      assertThat(user.id()).isEqualTo("id-1");
    }

    @Test
    @DisplayName("rejects a duplicate userName in another case with 409 uniqueness")
    void uniqueness() throws ScimException {
      createUser("User.A");
      assertThatThrownBy(() -> createUser("user.a"))
          .isInstanceOf(ResourceConflictException.class)
          .satisfies(e -> assertThat(((ScimException) e).getScimError().getScimType()).isEqualTo("uniqueness"));
    }

    @Test
    @DisplayName("answers 404 for an unknown or malformed id")
    void unknownId() {
      assertThatThrownBy(() -> engine.get(CONTEXT, ResourceKind.USER, "010101001010101011001010101011"))
          .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    @DisplayName("creates a group with members, refusing ids that are not users of the tenant")
    void groupWithMembers() throws ScimException {
      String ann = createUser("ann").id();
      ResourceView group = createGroup("Engineering", ann);
      assertThat(members(group.id())).containsExactly(ann);
      assertThatThrownBy(() -> createGroup("Sales", ann, "nobody"))
          .isInstanceOf(BadRequestException.class)
          .hasMessageContaining("nobody");
    }
  }

  @Nested
  @DisplayName("Searching")
  class Searching {

    @Test
    @DisplayName("matches userName case-insensitively and pages by index")
    void filters() throws ScimException {
      createUser("Ann");
      createUser("bob");
      try (SearchResults results = engine.search(CONTEXT, ResourceKind.USER, SearchParameters.filter("userName eq \"ANN\""))) {
        assertThat(results.totalResults()).isEqualTo(1);
        assertThat(results.resources().map(ResourceView::id)).containsExactly("id-1");
      }
      try (SearchResults results = engine.search(CONTEXT, ResourceKind.USER, SearchParameters.all().page(2, 1))) {
        assertThat(results.totalResults()).isEqualTo(2);
        assertThat(results.startIndex()).isEqualTo(2);
        assertThat(results.itemsPerPage()).isEqualTo(1);
      }
    }

    @Test
    @DisplayName("returns the real total for count=0 and rejects unknown attributes with invalidFilter")
    void countZeroAndBadFilter() throws ScimException {
      createUser("ann");
      try (SearchResults results = engine.search(CONTEXT, ResourceKind.USER, SearchParameters.all().page(1, 0))) {
        assertThat(results.totalResults()).isEqualTo(1);
        assertThat(results.resources()).isEmpty();
      }
      assertThatThrownBy(() -> engine.search(CONTEXT, ResourceKind.USER, SearchParameters.filter("favoriteColor eq \"x\"")))
          .isInstanceOf(BadRequestException.class)
          .satisfies(e -> assertThat(((ScimException) e).getScimError().getScimType()).isEqualTo("invalidFilter"));
    }
  }

  @Nested
  @DisplayName("Replacing")
  class Replacing {

    @Test
    @DisplayName("keeps host-owned attributes and active when a PUT leaves them out")
    void keepsHostOwned() throws ScimException {
      String id = createUser("ann").id();
      tenant.inTransaction(stores -> {
        var record = stores.users().get(id).orElseThrow();
        return stores.users().replace(new io.github.scimkit.core.store.RecordUpdate(
            id, OptionalLong.empty(), Instant.now(), record.attributes().with("status", "Confirmed"), List.of()));
      });
      engine.patch(CONTEXT, ResourceKind.USER, id, json(patch("{'op':'replace','path':'active','value':false}")),
          OptionalLong.empty());
      ResourceView replaced = engine.replace(CONTEXT, ResourceKind.USER, id, json(
          "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'ann','displayName':'Ann Lee'}"),
          OptionalLong.empty());
      assertThat(replaced.record().attributes().getString("status")).contains("Confirmed");
      assertThat(replaced.resource().getObjectNode().path("active").asBoolean(true)).isFalse();
      assertThat(replaced.resource().getObjectNode().path("displayName").asText()).isEqualTo("Ann Lee");
    }

    @Test
    @DisplayName("rejects a change of an immutable attribute by PUT or PATCH with 400 mutability")
    void immutable() throws ScimException {
      engine = engine(builder -> builder.mapping(io.github.scimkit.core.mapping.ScimMapping.builder()
          .users(io.github.scimkit.core.mapping.ResourceMapping.userBuilder()
              .rule(io.github.scimkit.core.mapping.MappingRule.builder("nickName", "nickName")
                  .mutability(com.unboundid.scim2.common.types.AttributeDefinition.Mutability.IMMUTABLE)
                  .build())
              .build())
          .build()));
      String id = engine.create(CONTEXT, ResourceKind.USER, json(
          "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'ann','nickName':'a'}")).id();
      assertThatThrownBy(() -> engine.replace(CONTEXT, ResourceKind.USER, id, json(
              "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'ann','nickName':'b'}"),
              OptionalLong.empty()))
          .isInstanceOf(BadRequestException.class)
          .satisfies(e -> assertThat(((ScimException) e).getScimError().getScimType()).isEqualTo("mutability"));
      assertThatThrownBy(() -> engine.patch(CONTEXT, ResourceKind.USER, id,
              json(patch("{'op':'replace','path':'nickName','value':'b'}")), OptionalLong.empty()))
          .isInstanceOf(BadRequestException.class)
          .satisfies(e -> assertThat(((ScimException) e).getScimError().getScimType()).isEqualTo("mutability"));
      assertThat(engine.get(CONTEXT, ResourceKind.USER, id).resource().getObjectNode().path("nickName").asText())
          .isEqualTo("a");
    }

    @Test
    @DisplayName("fails with 412 on a stale If-Match and changes nothing")
    void staleIfMatch() throws ScimException {
      String id = createUser("ann").id();
      assertThatThrownBy(() -> engine.replace(CONTEXT, ResourceKind.USER, id, json(
              "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'changed'}"), OptionalLong.of(7)))
          .isInstanceOf(PreconditionFailedException.class);
      assertThat(engine.get(CONTEXT, ResourceKind.USER, id).version()).isEqualTo(1);
    }

    @Test
    @DisplayName("replaces a group's members with one delta when the body has members")
    void replacesMembers() throws ScimException {
      String ann = createUser("ann").id();
      String bob = createUser("bob").id();
      String group = createGroup("Eng", ann).id();
      engine.replace(CONTEXT, ResourceKind.GROUP, group, json(
          "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'displayName':'Eng','members':[{'value':'" + bob + "'}]}"),
          OptionalLong.empty());
      assertThat(members(group)).containsExactly(bob);
    }
  }

  @Nested
  @DisplayName("Patching")
  class Patching {

    @Test
    @DisplayName("reports deactivation and reactivation, from Entra's string booleans too")
    void deactivation() throws ScimException {
      String id = createUser("ann").id();
      events.clear();
      engine.patch(CONTEXT, ResourceKind.USER, id, json(patch("{'op':'Replace','path':'active','value':'False'}")),
          OptionalLong.empty());
      engine.patch(CONTEXT, ResourceKind.USER, id, json(patch("{'op':'replace','value':{'active':true}}")),
          OptionalLong.empty());
      assertThat(events).extracting(e -> e.getClass().getSimpleName())
          .containsExactly("UserUpdated", "UserDeactivated", "UserUpdated", "UserReactivated");
    }

    @Test
    @DisplayName("applies Entra's no-path replace whose keys are paths")
    void dottedKeys() throws ScimException {
      String id = createUser("ann").id();
      ResourceView patched = engine.patch(CONTEXT, ResourceKind.USER, id, json(patch(
          "{'op':'replace','value':{'displayName':'Ann B','name.givenName':'Annie'}}")), OptionalLong.empty());
      assertThat(patched.resource().getObjectNode().path("name").path("givenName").asText()).isEqualTo("Annie");
      assertThat(patched.resource().getObjectNode().path("displayName").asText()).isEqualTo("Ann B");
    }

    @Test
    @DisplayName("changes nothing when the third operation fails")
    void atomic() throws ScimException {
      String id = createUser("ann").id();
      assertThatThrownBy(() -> engine.patch(CONTEXT, ResourceKind.USER, id, json(patch(
              "{'op':'replace','path':'displayName','value':'X'},"
                  + "{'op':'replace','path':'name.givenName','value':'Y'},"
                  + "{'op':'replace','path':'id','value':'other'}")), OptionalLong.empty()))
          .isInstanceOf(BadRequestException.class);
      ObjectNode node = engine.get(CONTEXT, ResourceKind.USER, id).resource().getObjectNode();
      assertThat(node.has("displayName")).isFalse();
      assertThat(node.path("name").path("givenName").asText()).isEqualTo("Ann");
      assertThat(engine.get(CONTEXT, ResourceKind.USER, id).version()).isEqualTo(1);
    }

    @Test
    @DisplayName("adds and removes members as deltas, reporting only effective changes")
    void memberDeltas() throws ScimException {
      String ann = createUser("ann").id();
      String bob = createUser("bob").id();
      String group = createGroup("Eng", ann).id();
      events.clear();
      engine.patch(CONTEXT, ResourceKind.GROUP, group, json(patch(
          "{'op':'Add','path':'members','value':[{'$ref':null,'value':'" + ann + "'},{'value':'" + bob + "'}]}")),
          OptionalLong.empty());
      engine.patch(CONTEXT, ResourceKind.GROUP, group, json(patch(
          "{'op':'Remove','path':'members','value':[{'value':'" + ann + "'}]}")), OptionalLong.empty());
      assertThat(members(group)).containsExactly(bob);
      assertThat(events).hasSize(2);
      assertThat(events.get(0)).isEqualTo(new LifecycleEvent.MembersAdded(
          TENANT, group, "corr-1", Instant.parse("2026-11-29T12:00:00Z"), java.util.Set.of(bob)));
      assertThat(events.get(1)).isInstanceOf(LifecycleEvent.MembersRemoved.class);
    }

    @Test
    @DisplayName("rejects a path to a read-only attribute with 400 mutability")
    void readOnlyPath() throws ScimException {
      String id = createUser("ann").id();
      assertThatThrownBy(() -> engine.patch(CONTEXT, ResourceKind.USER, id,
              json(patch("{'op':'replace','path':'meta.created','value':'2020-01-01T00:00:00Z'}")), OptionalLong.empty()))
          .isInstanceOf(BadRequestException.class)
          .satisfies(e -> assertThat(((ScimException) e).getScimError().getScimType()).isEqualTo("mutability"));
    }

    @Test
    @DisplayName("rejects a no-path operation in strict mode with invalidSyntax")
    void strictNoPath() throws ScimException {
      String id = createUser("ann").id();
      provider.updateSettings(TENANT, TenantSettings.defaults().withMode(ScimMode.STRICT));
      assertThatThrownBy(() -> engine.patch(CONTEXT, ResourceKind.USER, id,
              json(patch("{'op':'replace','value':{'active':false}}")), OptionalLong.empty()))
          .isInstanceOf(BadRequestException.class)
          .satisfies(e -> assertThat(((ScimException) e).getScimError().getScimType()).isEqualTo("invalidSyntax"));
    }

    @Test
    @DisplayName("replaces a whole complex attribute in strict mode, merges it in lenient mode (RFC 7644 3.5.2.3)")
    void replaceComplex() throws ScimException {
      String lenient = createUser("ann").id();
      String replace = patch("{'op':'replace','path':'name','value':{'givenName':'Cy'}}");
      ObjectNode merged = engine.patch(CONTEXT, ResourceKind.USER, lenient, json(replace), OptionalLong.empty())
          .resource().getObjectNode();
      assertThat(merged.path("name").path("familyName").asText()).isEqualTo("Lee");

      String strict = createUser("bob").id();
      provider.updateSettings(TENANT, TenantSettings.defaults().withMode(ScimMode.STRICT));
      engine.patch(CONTEXT, ResourceKind.USER, strict, json(replace), OptionalLong.empty());
      ObjectNode swapped = engine.get(CONTEXT, ResourceKind.USER, strict).resource().getObjectNode();
      assertThat(swapped.path("name").path("givenName").asText()).isEqualTo("Cy");
      assertThat(swapped.path("name").has("familyName")).isFalse();
    }
  }

  @Nested
  @DisplayName("Deleting")
  class Deleting {

    @Test
    @DisplayName("removes a user's memberships in the same unit of work and reports them")
    void deletesUser() throws ScimException {
      String ann = createUser("ann").id();
      String group = createGroup("Eng", ann).id();
      events.clear();
      engine.delete(CONTEXT, ResourceKind.USER, ann, OptionalLong.empty());
      assertThat(members(group)).isEmpty();
      assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("MembersRemoved", "UserDeleted");
      assertThatThrownBy(() -> engine.get(CONTEXT, ResourceKind.USER, ann)).isInstanceOf(ResourceNotFoundException.class);
      createUser("ann");
    }
  }

  @Nested
  @DisplayName("Hooks, listeners and audit")
  class Hooks {

    @Test
    @DisplayName("lets the write hook set a host-owned attribute in the same unit of work")
    void hookSets() throws ScimException {
      engine = engine(builder -> builder.writeHook(write -> write.after().orElse(Attributes.empty())
          .with("status", write.operation() == WriteOperation.CREATE ? "Invited" : "Changed")));
      ResourceView user = createUser("ann");
      assertThat(user.record().attributes().getString("status")).contains("Invited");
    }

    @Test
    @DisplayName("lets the write hook veto a change, which then leaves nothing behind")
    void hookVetoes() {
      engine = engine(builder -> builder.writeHook(write -> {
        throw BadRequestException.invalidValue("vetoed");
      }));
      assertThatThrownBy(() -> createUser("ann")).hasMessageContaining("vetoed");
      assertThat(events).isEmpty();
      assertThat(audits).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(400));
    }

    @Test
    @DisplayName("keeps a change when a listener fails, and still calls later listeners")
    void listenerFailure() throws ScimException {
      List<LifecycleEvent> later = new CopyOnWriteArrayList<>();
      engine = engine(builder -> builder.listener(e -> {
        throw new IllegalStateException("listener down");
      }).listener(later::add));
      String id = createUser("ann").id();
      assertThat(engine.get(CONTEXT, ResourceKind.USER, id)).isNotNull();
      assertThat(later).hasSize(1);
    }

    @Test
    @DisplayName("audits every write with tenant, principal, operation, id and outcome")
    void audits() throws ScimException {
      String id = createUser("ann").id();
      assertThatThrownBy(() -> createUser("ANN")).isInstanceOf(ResourceConflictException.class);
      engine.delete(CONTEXT, ResourceKind.USER, id, OptionalLong.empty());
      assertThat(audits).extracting(AuditRecord::operation, AuditRecord::status)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(WriteOperation.CREATE, 201),
              org.assertj.core.groups.Tuple.tuple(WriteOperation.CREATE, 409),
              org.assertj.core.groups.Tuple.tuple(WriteOperation.DELETE, 204));
      assertThat(audits.get(0).principal()).isEqualTo("test-key");
      assertThat(audits.get(0).resourceId()).contains(id);
    }
  }
}
