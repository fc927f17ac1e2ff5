package io.github.scimkit.core.engine;

import static io.github.scimkit.core.engine.ScimBodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.request.RequestContext;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.store.GroupStore;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.UserStore;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.invocation.Invocation;

/**
 * Counts the store calls of a member PATCH through spies on both stores: the group is read once,
 * and all the new member ids are checked with one batched {@link UserStore#existingIds} call;
 * streaming the members afterwards reads member pages only.
 */
@DisplayName("A member PATCH reads the group once and checks all member ids in one store call")
class EngineMemberPatchStoreCallsTest {

  private static final String TENANT = "acme";
  private static final RequestContext CONTEXT = new RequestContext(TENANT, "test-key", "corr-1");
  private static final int NEW_MEMBERS = 5;

  private UserStore users;
  private GroupStore groups;
  private ScimEngine engine;
  private String group;
  private final List<String> newMembers = new ArrayList<>();

  @BeforeEach
  void setUp() throws ScimException {
    TenantStores real = new InMemoryStoreProvider().createTenant(TENANT);
    users = mock(UserStore.class, delegatesTo(real.users()));
    groups = mock(GroupStore.class, delegatesTo(real.groups()));
    TenantStores observed = new SubstitutedTenant(real, users, groups);
    engine = ScimEngine.builder().stores(tenantId -> Optional.of(observed)).auditSink(audit -> { }).build();
    for (int i = 0; i < NEW_MEMBERS; i++) {
      newMembers.add(engine.create(CONTEXT, ResourceKind.USER, json(
          "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'user" + i + "'}")).id());
    }
    group = engine.create(CONTEXT, ResourceKind.GROUP, json(
        "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'displayName':'Eng'}")).id();
    clearInvocations(users, groups);
  }

  @Test
  @DisplayName("adding five members: one group read, one existingIds, one addMembers")
  void addFiveMembers() throws ScimException {
    patch("{'op':'add','path':'members','value':[" + values() + "]}");

    assertThat(calls(groups)).isEqualTo(Map.of("addMembers", 1, "getForUpdate", 1));
    assertThat(calls(users)).isEqualTo(Map.of("existingIds", 1));
  }

  @Test
  @DisplayName("Okta's rename, remove and add: one group read, one existingIds, one call per delta")
  void oktaRenameRemoveAdd() throws ScimException {
    patch("{'op':'replace','value':{'id':'" + group + "','displayName':'Engineering'}},"
        + "{'op':'remove','path':'members[value eq \\\"" + newMembers.get(0) + "\\\"]'},"
        + "{'op':'add','path':'members','value':[" + values() + "]}");

    assertThat(calls(groups)).isEqualTo(new TreeMap<>(Map.of(
        "addMembers", 1, "getForUpdate", 1, "removeMembers", 1, "replace", 1)));
    assertThat(calls(users)).isEqualTo(Map.of("existingIds", 1));
  }

  @Test
  @DisplayName("an unknown member id still fails with invalidValue after the one batched check")
  void unknownMember() {
    assertThatThrownBy(() -> patch("{'op':'add','path':'members','value':[" + values()
        + ",{'value':'no-such-user'}]}"))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("no-such-user");
    assertThat(calls(users)).isEqualTo(Map.of("existingIds", 1));
  }

  @Test
  @DisplayName("streaming the members reads one page per call and never the group record")
  void membersReadNoGroupRecord() throws ScimException {
    patch("{'op':'add','path':'members','value':[" + values() + "]}");
    clearInvocations(users, groups);

    try (Stream<String> members = engine.members(CONTEXT, group)) {
      assertThat(members).containsExactlyInAnyOrderElementsOf(newMembers);
    }
    assertThat(calls(groups)).isEqualTo(Map.of("members", 1));
  }

  @Test
  @DisplayName("streaming the members of an unknown group fails at once with 404")
  void membersOfUnknownGroup() {
    assertThatThrownBy(() -> engine.members(CONTEXT, "no-such-group"))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  private String values() {
    return String.join(",", newMembers.stream().map(id -> "{'value':'" + id + "'}").toList());
  }

  /** The number of calls of each store method, by name, in name order. */
  private static Map<String, Integer> calls(Object store) {
    Map<String, Integer> calls = new TreeMap<>();
    for (Invocation invocation : mockingDetails(store).getInvocations()) {
      calls.merge(invocation.getMethod().getName(), 1, Integer::sum);
    }
    return calls;
  }

  private void patch(String operations) throws ScimException {
    engine.patch(CONTEXT, ResourceKind.GROUP, group, json(
        "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[" + operations + "]}"),
        OptionalLong.empty());
  }
}
