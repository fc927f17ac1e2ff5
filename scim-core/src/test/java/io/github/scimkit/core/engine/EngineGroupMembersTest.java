package io.github.scimkit.core.engine;

import static io.github.scimkit.core.engine.ScimBodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.event.AuditRecord;
import io.github.scimkit.core.event.LifecycleEvent;
import io.github.scimkit.core.event.WriteOperation;
import io.github.scimkit.core.internal.engine.GroupMemberIds;
import io.github.scimkit.core.request.RequestContext;
import io.github.scimkit.core.resource.GroupMemberView;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.store.GroupStore;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The GroupMember operations in the engine: a constant number of group-store calls per
 * membership (no member listing, proved on a spying store), the group's usual member events and
 * an audit record of a group PATCH, and ids that are opaque and stable for their pair.
 */
@DisplayName("GroupMember operations in the engine")
class EngineGroupMembersTest {

  private static final String TENANT = "acme";
  private static final RequestContext CONTEXT = new RequestContext(TENANT, "test-key", "corr-1");

  private final List<LifecycleEvent> events = new CopyOnWriteArrayList<>();
  private final List<AuditRecord> audits = new CopyOnWriteArrayList<>();
  private GroupStore groups;
  private ScimEngine engine;
  private String ann;
  private String group;

  @BeforeEach
  void setUp() throws ScimException {
    TenantStores real = new InMemoryStoreProvider().createTenant(TENANT);
    groups = mock(GroupStore.class, delegatesTo(real.groups()));
    TenantStores observed = SubstitutedTenant.withGroups(real, groups);
    engine = ScimEngine.builder().stores(tenantId -> Optional.of(observed)).auditSink(audits::add)
        .listener(events::add).build();
    ann = engine.create(CONTEXT, ResourceKind.USER, json(
        "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'ann'}")).id();
    group = engine.create(CONTEXT, ResourceKind.GROUP, json(
        "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'displayName':'Eng'}")).id();
    for (int i = 0; i < 50; i++) {
      String other = engine.create(CONTEXT, ResourceKind.USER, json(
          "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'u" + i + "'}")).id();
      engine.groupMembers().create(CONTEXT, membership(group, other));
    }
    clearInvocations(groups);
    audits.clear();
  }

  @Test
  @DisplayName("POST reads the group record and adds one member: no member listing; MembersAdded and a group PATCH audit")
  void createIsOneDelta() throws ScimException {
    GroupMemberView view = engine.groupMembers().create(CONTEXT, membership(group, ann));

    verify(groups).get(group);
    verify(groups).addMembers(any());
    verifyNoMoreInteractions(groups);
    assertThat(view.id()).isEqualTo(GroupMemberIds.of(group, ann));
    await().atMost(Duration.ofSeconds(10)).until(() -> annEvents().size() == 1);
    assertThat(annEvents().get(0)).isInstanceOfSatisfying(LifecycleEvent.MembersAdded.class, added -> {
      assertThat(added.resourceId()).isEqualTo(group);
      assertThat(added.memberIds()).containsExactly(ann);
    });
    assertThat(audits).singleElement().satisfies(audit -> {
      assertThat(audit.kind()).isEqualTo(ResourceKind.GROUP);
      assertThat(audit.operation()).isEqualTo(WriteOperation.PATCH);
      assertThat(audit.status()).isEqualTo(201);
    });
  }

  @Test
  @DisplayName("GET asks isMember and reads two records; DELETE removes one member and publishes MembersRemoved")
  void getAndDeleteAreConstantWork() throws ScimException {
    String id = engine.groupMembers().create(CONTEXT, membership(group, ann)).id();
    await().atMost(Duration.ofSeconds(10)).until(() -> annEvents().size() == 1);
    clearInvocations(groups);

    assertThat(engine.groupMembers().get(CONTEXT, id).memberId()).isEqualTo(ann);
    verify(groups).isMember(group, ann);
    verify(groups).get(group);
    verifyNoMoreInteractions(groups);

    clearInvocations(groups);
    engine.groupMembers().delete(CONTEXT, id);
    verify(groups).get(group);
    verify(groups).removeMembers(any());
    verifyNoMoreInteractions(groups);
    await().atMost(Duration.ofSeconds(10)).until(() -> annEvents().size() == 2);
    assertThat(annEvents().get(1)).isInstanceOf(LifecycleEvent.MembersRemoved.class);
    assertThatExceptionOfType(ResourceNotFoundException.class)
        .isThrownBy(() -> engine.groupMembers().get(CONTEXT, id));
  }

  @Test
  @DisplayName("ids round-trip for any pair, are not the raw ids, and a tampered or foreign id names nothing")
  void idsAreOpaqueAndStable() {
    for (String[] pair : List.of(new String[] {"g", "u"}, new String[] {"12:34", "a:b"}, new String[] {"grüppe", "ü"})) {
      String id = GroupMemberIds.of(pair[0], pair[1]);
      assertThat(id).isEqualTo(GroupMemberIds.of(pair[0], pair[1])).doesNotContain(pair[0] + pair[1]);
      assertThat(GroupMemberIds.parse(id)).contains(new GroupMemberIds.Pair(pair[0], pair[1]));
    }
    assertThat(GroupMemberIds.parse("not base64!")).isEmpty();
    assertThat(GroupMemberIds.parse(GroupMemberIds.of("g", "u") + "A")).isNotEqualTo(Optional.of(new GroupMemberIds.Pair("g", "u")));
    assertThat(GroupMemberIds.parse("MTA6YWI")).as("a length past the end").isEmpty();
  }

  /** The member events that name ann, in delivery order. */
  private List<LifecycleEvent> annEvents() {
    return events.stream().filter(event -> (event instanceof LifecycleEvent.MembersAdded added
        && added.memberIds().contains(ann)) || (event instanceof LifecycleEvent.MembersRemoved removed
        && removed.memberIds().contains(ann))).toList();
  }

  private static GenericScimResource membership(String groupId, String userId) {
    return json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:GroupMember'],'group':{'value':'" + groupId
        + "'},'member':{'value':'" + userId + "'}}");
  }
}
