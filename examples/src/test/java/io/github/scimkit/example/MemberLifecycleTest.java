package io.github.scimkit.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.github.scimkit.core.request.RequestContext;
import io.github.scimkit.core.engine.ScimEngine;
import io.github.scimkit.core.event.LoggingAuditSink;
import io.github.scimkit.core.event.PendingWrite;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.event.WriteOperation;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.TenantStores;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every transition of the member lifecycle through the real engine (in-memory stores), with the
 * write hook and the outbox listener the server uses, and the hook alone on hand-made writes.
 */
class MemberLifecycleTest {

  private Storage storage;
  private Host host;
  private Organizations organizations;
  private Members members;
  private ScimEngine engine;
  private String org;
  private RequestContext context;

  @BeforeEach
  void setUp() {
    storage = Storage.open(ExampleConfig.defaults().withStore(ExampleConfig.MEMORY));
    host = ExampleServer.host(storage, () -> "http://example.test");
    organizations = host.organizations();
    members = host.members();
    engine = ExampleServer.engine(storage, host, new ShutdownGate(), new LoggingAuditSink());
    org = organizations.create("Acme").id();
    organizations.enableScim(org);
    context = RequestContext.of(org, "test");
  }

  @AfterEach
  void tearDown() {
    storage.close();
  }

  @Test
  void aProvisionedUserIsInvitedWithAnAcceptanceLink() throws Exception {
    String ann = createUser("ann", true);

    assertThat(status(ann)).isEqualTo("Invited");
    assertThat(scimActive(ann)).isTrue();
    List<HostDatabase.OutboxMessage> outbox = host.notices().outbox(org);
    assertThat(outbox).singleElement().satisfies(message -> {
      assertThat(message.kind()).isEqualTo("invitation");
      assertThat(message.memberId()).isEqualTo(ann);
      assertThat(message.recipient()).isEqualTo("ann@example.com");
      assertThat(message.link()).matches("http://example\\.test/invitations/[A-Za-z0-9_-]{43}/accept");
    });
  }

  @Test
  void aUserCreatedInactiveIsRevokedWithoutAnInvitationAndRestoresToInvitedWithOne() throws Exception {
    String bob = createUser("bob", false);

    assertThat(status(bob)).isEqualTo("Revoked");
    assertThat(members.member(org, bob).statusBeforeRevoke()).isEqualTo("Invited");
    assertThat(scimActive(bob)).isFalse();
    assertThat(host.notices().outbox(org)).isEmpty();

    patch(bob, "{'op':'replace','path':'active','value':true}");

    assertThat(status(bob)).isEqualTo("Invited");
    assertThat(scimActive(bob)).isTrue();
    assertThat(host.notices().outbox(org)).extracting(HostDatabase.OutboxMessage::kind)
        .containsExactly("restored", "invitation");
  }

  @Test
  void acceptThenConfirm() throws Exception {
    String ann = createUser("ann", true);
    String token = invitationToken(ann);

    assertThatThrownBy(() -> members.confirm(org, ann))
        .isInstanceOfSatisfying(ExampleException.class, e -> assertThat(e.status()).isEqualTo(409));

    assertThat(members.accept(token).status()).isEqualTo("Accepted");
    assertThatThrownBy(() -> members.accept(token))
        .as("the token is single-use")
        .isInstanceOfSatisfying(ExampleException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThatThrownBy(() -> members.accept("made-up"))
        .isInstanceOfSatisfying(ExampleException.class, e -> assertThat(e.status()).isEqualTo(404));

    assertThat(members.confirm(org, ann).status()).isEqualTo("Confirmed");
    assertThat(scimActive(ann)).isTrue();
    assertThatThrownBy(() -> members.confirm(org, ann))
        .isInstanceOfSatisfying(ExampleException.class, e -> assertThat(e.status()).isEqualTo(409));
  }

  @Test
  void everyIdpFormOfDeactivationRevokesAndReactivationRestoresConfirmed() throws Exception {
    String ann = confirmedUser("ann");
    List<String> deactivations = List.of(
        "{'op':'Replace','path':'active','value':'False'}",           // Entra ID, default mode
        "{'op':'replace','path':'active','value':false}",             // Entra ID flag mode, JumpCloud
        "{'op':'replace','value':{'active':false}}");                 // Okta
    for (String deactivation : deactivations) {
      patch(ann, deactivation);
      assertThat(status(ann)).as(deactivation).isEqualTo("Revoked");
      assertThat(members.member(org, ann).statusBeforeRevoke()).isEqualTo("Confirmed");
      assertThat(scimActive(ann)).isFalse();

      patch(ann, "{'op':'replace','path':'active','value':true}");
      assertThat(status(ann)).as(deactivation).isEqualTo("Confirmed");
      assertThat(members.member(org, ann).statusBeforeRevoke()).isNull();
      assertThat(scimActive(ann)).isTrue();
    }

    // PUT, as Okta's and OneLogin's full updates send it.
    put(ann, false);
    assertThat(status(ann)).isEqualTo("Revoked");
    put(ann, true);
    assertThat(status(ann)).isEqualTo("Confirmed");
  }

  @Test
  void aRevokedMemberStaysRevokedThroughOtherChangesAndRemembersAccepted() throws Exception {
    String ann = createUser("ann", true);
    members.accept(invitationToken(ann));
    patch(ann, "{'op':'replace','path':'active','value':false}");
    assertThat(status(ann)).isEqualTo("Revoked");

    patch(ann, "{'op':'replace','path':'displayName','value':'Ann Revoked'}");
    patch(ann, "{'op':'replace','path':'active','value':false}");

    assertThat(status(ann)).isEqualTo("Revoked");
    assertThat(members.member(org, ann).statusBeforeRevoke()).isEqualTo("Accepted");
    assertThatThrownBy(() -> members.confirm(org, ann))
        .isInstanceOfSatisfying(ExampleException.class, e -> assertThat(e.status()).isEqualTo(409));

    patch(ann, "{'op':'replace','path':'active','value':true}");
    assertThat(status(ann)).isEqualTo("Accepted");
  }

  @Test
  void aRevokedInviteeCannotAcceptUntilRestored() throws Exception {
    String ann = createUser("ann", true);
    String token = invitationToken(ann);
    patch(ann, "{'op':'replace','path':'active','value':false}");

    assertThatThrownBy(() -> members.accept(token))
        .isInstanceOfSatisfying(ExampleException.class, e -> assertThat(e.status()).isEqualTo(409));

    patch(ann, "{'op':'replace','path':'active','value':true}");
    assertThat(status(ann)).isEqualTo("Invited");
    assertThat(members.accept(token).status()).isEqualTo("Accepted");
  }

  @Test
  void deleteRemovesTheMemberAndItsMemberships() throws Exception {
    String ann = confirmedUser("ann");
    String bob = createUser("bob", true);
    String group = engine.create(context, ResourceKind.GROUP, json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],"
        + "'displayName':'Engineering','members':[{'value':'" + ann + "'},{'value':'" + bob + "'}]}")).id();
    assertThat(members.member(org, ann).groups()).extracting(Members.Ref::name).containsExactly("Engineering");

    engine.delete(context, ResourceKind.USER, ann, OptionalLong.empty());

    assertThat(members.members(org)).extracting(Members.Member::id).containsExactly(bob);
    assertThat(members.groups(org)).singleElement().satisfies(g -> {
      assertThat(g.id()).isEqualTo(group);
      assertThat(g.members()).extracting(Members.Ref::id).containsExactly(bob);
    });
    assertThat(host.notices().outbox(org)).last().satisfies(message -> {
      assertThat(message.kind()).isEqualTo("removed");
      assertThat(message.recipient()).isEqualTo("ann@example.com");
    });
  }

  @Test
  void theHookAloneKeepsActiveEqualToNotRevoked() throws Exception {
    MemberLifecycleHook hook = new MemberLifecycleHook();
    TenantStores stores = storage.stores.tenant(org).orElseThrow();
    Attributes confirmed = Attributes.builder().set("userName", "ann").set("active", true)
        .set(MemberStatus.ATTRIBUTE, "Confirmed").build();
    ResourceRecord before = new ResourceRecord("u1", 3, Instant.EPOCH, Instant.EPOCH, confirmed);

    Attributes revoked = hook.beforeWrite(new PendingWrite("t", ResourceKind.USER, WriteOperation.PATCH, "u1",
        Optional.of(before), Optional.of(confirmed.with("active", false)), stores));
    assertThat(revoked.asMap()).containsEntry("memberStatus", "Revoked").containsEntry("statusBeforeRevoke", "Confirmed")
        .containsEntry("active", false);

    ResourceRecord revokedRecord = new ResourceRecord("u1", 4, Instant.EPOCH, Instant.EPOCH, revoked);
    Attributes restored = hook.beforeWrite(new PendingWrite("t", ResourceKind.USER, WriteOperation.REPLACE, "u1",
        Optional.of(revokedRecord), Optional.of(revoked.with("active", true)), stores));
    assertThat(restored.asMap()).containsEntry("memberStatus", "Confirmed").containsEntry("active", true)
        .doesNotContainKey("statusBeforeRevoke");

    Attributes group = Attributes.builder().set("displayName", "Eng").build();
    assertThat(hook.beforeWrite(new PendingWrite("t", ResourceKind.GROUP, WriteOperation.CREATE, "g1",
        Optional.empty(), Optional.of(group), stores))).isEqualTo(group);
  }

  // ---------------------------------------------------------------- helpers

  private String confirmedUser(String name) throws Exception {
    String id = createUser(name, true);
    members.accept(invitationToken(id));
    members.confirm(org, id);
    assertThat(status(id)).isEqualTo("Confirmed");
    return id;
  }

  private String createUser(String name, boolean active) throws Exception {
    return engine.create(context, ResourceKind.USER, json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],"
        + "'userName':'" + name + "','displayName':'" + name + "','active':" + active + ","
        + "'emails':[{'value':'" + name + "@example.com','primary':true,'type':'work'}]}")).id();
  }

  private void patch(String id, String operation) throws Exception {
    engine.patch(context, ResourceKind.USER, id, json(
        "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[" + operation + "]}"),
        OptionalLong.empty());
  }

  private void put(String id, boolean active) throws Exception {
    engine.replace(context, ResourceKind.USER, id, json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],"
        + "'userName':'ann','active':" + active + ",'emails':[{'value':'ann@example.com','primary':true}]}"),
        OptionalLong.empty());
  }

  private String status(String id) {
    return members.member(org, id).status();
  }

  private boolean scimActive(String id) throws Exception {
    return engine.get(context, ResourceKind.USER, id).resource().getObjectNode().get("active").booleanValue();
  }

  private String invitationToken(String id) {
    String link = host.notices().outbox(org).stream()
        .filter(message -> message.kind().equals("invitation") && message.memberId().equals(id))
        .reduce((first, second) -> second).orElseThrow().link();
    return link.replaceAll(".*/invitations/([^/]+)/accept$", "$1");
  }

  private static GenericScimResource json(String text) {
    try {
      return new GenericScimResource((ObjectNode) JsonUtils.getObjectReader().readTree(text.replace('\'', '"')));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
