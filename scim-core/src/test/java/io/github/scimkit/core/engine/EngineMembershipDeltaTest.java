package io.github.scimkit.core.engine;

import io.github.scimkit.core.request.RequestContext;

import static io.github.scimkit.core.engine.ScimBodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.store.GroupStore;
import io.github.scimkit.core.store.MembershipChange;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Member changes reach the group store as deltas")
class EngineMembershipDeltaTest {

  private static final String TENANT = "acme";
  private static final RequestContext CONTEXT = new RequestContext(TENANT, "test-key", "corr-1");

  private GroupStore groups;
  private ScimEngine engine;
  private String ann;
  private String bob;
  private String group;

  @BeforeEach
  void setUp() throws ScimException {
    TenantStores real = new InMemoryStoreProvider().createTenant(TENANT);
    groups = mock(GroupStore.class, delegatesTo(real.groups()));
    TenantStores observed = SubstitutedTenant.withGroups(real, groups);
    engine = ScimEngine.builder().stores(tenantId -> Optional.of(observed)).auditSink(audit -> { }).build();
    ann = createUser("ann");
    bob = createUser("bob");
    group = engine.create(CONTEXT, ResourceKind.GROUP, json(
        "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'displayName':'Eng',"
            + "'members':[{'value':'" + ann + "'}]}")).id();
    clearInvocations(groups);
  }

  @Test
  @DisplayName("Okta and Entra add with a value array: one addMembers")
  void addWithValueArray() throws ScimException {
    patchGroup("{'op':'add','path':'members','value':[{'value':'" + bob + "','$ref':null}]}");
    verify(groups).getForUpdate(group);
    verify(groups).addMembers(naming(bob));
    verifyNoMoreInteractions(groups);
    assertThat(members()).containsExactlyInAnyOrder(ann, bob);
  }

  @Test
  @DisplayName("an Add spelled with a capital letter: one addMembers")
  void capitalisedAdd() throws ScimException {
    patchGroup("{'op':'Add','path':'members','value':[{'value':'" + bob + "'}]}");
    verify(groups).getForUpdate(group);
    verify(groups).addMembers(naming(bob));
    verifyNoMoreInteractions(groups);
  }

  @Test
  @DisplayName("Okta's and Entra's (flag mode) remove by value filter: one removeMembers")
  void removeByFilter() throws ScimException {
    patchGroup("{'op':'remove','path':'members[value eq \\\"" + ann + "\\\"]'}");
    verify(groups).getForUpdate(group);
    verify(groups).removeMembers(naming(ann));
    verifyNoMoreInteractions(groups);
    assertThat(members()).isEmpty();
  }

  @Test
  @DisplayName("Entra's and JumpCloud's Remove with a value array: one removeMembers")
  void removeWithValueArray() throws ScimException {
    patchGroup("{'op':'Remove','path':'members','value':[{'value':'" + ann + "'}]}");
    verify(groups).getForUpdate(group);
    verify(groups).removeMembers(naming(ann));
    verifyNoMoreInteractions(groups);
    assertThat(members()).isEmpty();
  }

  @Test
  @DisplayName("Okta's unchanged displayName replace with a remove and an add writes only the two deltas")
  void oktaCombined() throws ScimException {
    patchGroup("{'op':'replace','value':{'id':'" + group + "','displayName':'Eng'}},"
        + "{'op':'remove','path':'members[value eq \\\"" + ann + "\\\"]'},"
        + "{'op':'add','path':'members','value':[{'value':'" + bob + "'}]}");
    verify(groups).getForUpdate(group);
    verify(groups).removeMembers(naming(ann));
    verify(groups).addMembers(naming(bob));
    verifyNoMoreInteractions(groups);
    assertThat(members()).containsExactly(bob);
  }

  @Test
  @DisplayName("a PUT with the full member list: exactly one replaceMembers")
  void putReplacesOnce() throws ScimException {
    engine.replace(CONTEXT, ResourceKind.GROUP, group, json(
        "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'displayName':'Eng',"
            + "'members':[{'value':'" + ann + "'},{'value':'" + bob + "'}]}"), OptionalLong.empty());
    verify(groups, atLeastOnce()).getForUpdate(group);
    verify(groups).replaceMembers(naming(ann, bob));
    verifyNoMoreInteractions(groups);
    assertThat(members()).containsExactlyInAnyOrder(ann, bob);
  }

  private static MembershipChange naming(String... ids) {
    return argThat(change -> change != null && change.memberIds().equals(Set.of(ids)));
  }

  private void patchGroup(String operations) throws ScimException {
    engine.patch(CONTEXT, ResourceKind.GROUP, group, json(
        "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[" + operations + "]}"),
        OptionalLong.empty());
  }

  private List<String> members() throws ScimException {
    try (Stream<String> stream = engine.members(CONTEXT, group)) {
      return stream.toList();
    }
  }

  private String createUser(String userName) throws ScimException {
    return engine.create(CONTEXT, ResourceKind.USER, json(
        "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'" + userName + "'}")).id();
  }
}
