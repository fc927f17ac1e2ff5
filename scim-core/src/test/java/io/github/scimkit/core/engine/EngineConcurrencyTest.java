package io.github.scimkit.core.engine;

import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.request.RequestContext;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.resource.ResourceView;
import io.github.scimkit.core.store.GroupStore;
import io.github.scimkit.core.store.RecordStore;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.UserStore;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.github.scimkit.core.engine.ScimBodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

@DisplayName("Concurrent changes")
class EngineConcurrencyTest {

  private static final String TENANT = "acme";
  private static final RequestContext CONTEXT = new RequestContext(TENANT, "test-key", "corr-1");
  private static final int RETRIES = 2;

  private TenantStores real;
  private UserStore users;
  private GroupStore groups;
  private ScimEngine engine;

  @BeforeEach
  void setUp() {
    real = new InMemoryStoreProvider().createTenant(TENANT);
    users = mock(UserStore.class, delegatesTo(real.users()));
    groups = mock(GroupStore.class, delegatesTo(real.groups()));
    TenantStores racing = new SubstitutedTenant(real, users, groups);
    engine = ScimEngine.builder()
        .stores(tenantId -> Optional.of(racing))
        .config(EngineConfig.builder().maxPatchRetries(RETRIES).build())
        .auditSink(audit -> { })
        .build();
  }

  @Test
  @DisplayName("a user PATCH without If-Match that meets a concurrent change is re-read and re-applied")
  void userPatchRetried() throws ScimException {
    String id = createUser("ann");
    concurrentWriterOnce(users, real.users());
    ResourceView patched = patch(ResourceKind.USER, id, "{'op':'replace','path':'displayName','value':'Ann'}",
        OptionalLong.empty());
    assertThat(patched.resource().getObjectNode().path("displayName").asText()).isEqualTo("Ann");
    verify(users, times(2)).replace(any());
  }

  @Test
  @DisplayName("a group PATCH without If-Match that meets a concurrent change is re-read and re-applied")
  void groupPatchRetried() throws ScimException {
    String id = createGroup("Eng");
    concurrentWriterOnce(groups, real.groups());
    ResourceView patched = patch(ResourceKind.GROUP, id, "{'op':'replace','path':'displayName','value':'Sales'}",
        OptionalLong.empty());
    assertThat(patched.resource().getObjectNode().path("displayName").asText()).isEqualTo("Sales");
    verify(groups, times(2)).replace(any());
  }

  @Test
  @DisplayName("a PATCH that keeps meeting concurrent changes fails with 409 after maxPatchRetries")
  void givesUpWith409() throws ScimException {
    String id = createUser("ann");
    doThrow(new PreconditionFailedException("a concurrent writer")).when(users).replace(any());
    assertThatThrownBy(() -> patch(ResourceKind.USER, id, "{'op':'replace','path':'displayName','value':'Ann'}",
            OptionalLong.empty()))
        .isInstanceOf(ResourceConflictException.class)
        .satisfies(e -> assertThat(((ScimException) e).getScimError().getStatus()).isEqualTo(409));
    verify(users, times(RETRIES + 1)).replace(any());
  }

  @Test
  @DisplayName("a PATCH with If-Match that meets a concurrent change fails with 412 at once")
  void ifMatchNotRetried() throws ScimException {
    String id = createUser("ann");
    concurrentWriterOnce(users, real.users());
    assertThatThrownBy(() -> patch(ResourceKind.USER, id, "{'op':'replace','path':'displayName','value':'Ann'}",
            OptionalLong.of(1)))
        .isInstanceOf(PreconditionFailedException.class)
        .satisfies(e -> assertThat(((ScimException) e).getScimError().getStatus()).isEqualTo(412));
    verify(users, times(1)).replace(any());
    assertThat(engine.get(CONTEXT, ResourceKind.USER, id).resource().getObjectNode().has("displayName")).isFalse();
  }

  @Test
  @DisplayName("8 threads each adding 50 distinct members to one group leave exactly 400 members")
  void parallelMemberAdds() throws Exception {
    String group = createGroup("Everyone");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      ids.add(createUser("user" + i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<ResourceView>> results = new ArrayList<>();
      for (int thread = 0; thread < 8; thread++) {
        List<String> slice = ids.subList(thread * 50, thread * 50 + 50);
        results.add(pool.submit(() -> patch(ResourceKind.GROUP, group, addMembers(slice), OptionalLong.empty())));
      }
      for (Future<ResourceView> result : results) {
        result.get();
      }
    } finally {
      pool.shutdown();
    }
    try (Stream<String> members = engine.members(CONTEXT, group)) {
      assertThat(members.toList()).hasSize(400).containsExactlyInAnyOrderElementsOf(ids);
    }
  }

  /** The store's next replace loses to a concurrent writer; later ones reach the real store. */
  private static void concurrentWriterOnce(RecordStore store, RecordStore real) throws ScimException {
    doThrow(new PreconditionFailedException("a concurrent writer"))
        .doAnswer(delegatesTo(real))
        .when(store).replace(any());
  }

  private static String addMembers(List<String> ids) {
    StringBuilder values = new StringBuilder();
    for (String id : ids) {
      values.append(values.length() == 0 ? "" : ",").append("{'value':'").append(id).append("'}");
    }
    return "{'op':'add','path':'members','value':[" + values + "]}";
  }

  private ResourceView patch(ResourceKind kind, String id, String operation, OptionalLong ifMatch)
      throws ScimException {
    return engine.patch(CONTEXT, kind, id, json(
        "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[" + operation + "]}"), ifMatch);
  }

  private String createUser(String userName) throws ScimException {
    return engine.create(CONTEXT, ResourceKind.USER, json(
        "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'" + userName + "'}")).id();
  }

  private String createGroup(String name) throws ScimException {
    return engine.create(CONTEXT, ResourceKind.GROUP, json(
        "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'displayName':'" + name + "'}")).id();
  }
}
