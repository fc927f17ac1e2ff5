package io.github.scimkit.core.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.event.WriteOperation;
import io.github.scimkit.core.resource.GroupMemberView;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.store.MemberQuery;
import io.github.scimkit.core.store.MembershipChange;
import io.github.scimkit.core.store.MembershipResult;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.ResultPage;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.query.PageRequest;
import io.github.scimkit.core.tenant.ScimMode;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * POST, GET and DELETE of GroupMember resources (draft-zollner-scim-group-members-01 §6). A
 * membership is a row of the group store: POST and DELETE are member deltas on the group, in one
 * unit of work, so the Group's {@code members}, version and {@code lastModified} change with them
 * and the usual member events go through the outbox; the audit trail records them as a PATCH of
 * the group. Each costs a constant number of store calls, whatever the group's size.
 */
public final class GroupMemberCommands {

  private static final Set<String> ATTRIBUTES = Set.of("schemas", "group", "member", "id", "externalid", "meta");

  private final EngineServices services;
  private final AuditedWrites writes;

  /**
   * Creates the commands.
   *
   * @param services the engine's collaborators
   * @param writes audits the writes and hands their events to the relay
   */
  public GroupMemberCommands(EngineServices services, AuditedWrites writes) {
    this.services = services;
    this.writes = writes;
  }

  /**
   * Makes a user a member of a group.
   *
   * @param session the request's session
   * @param body the GroupMember body: {@code group.value} and {@code member.value} are required
   * @return the new membership
   * @throws ScimException 400 {@code invalidValue} when a value is missing, the group or the user
   *     does not exist or the member is not a user; 400 {@code invalidSyntax} in strict mode for
   *     an unknown attribute or a body without the GroupMember schema; 409 {@code uniqueness}
   *     when the user already is a member
   */
  public GroupMemberView create(Session session, GenericScimResource body) throws ScimException {
    ObjectNode node = body.getObjectNode();
    if (session.settings().mode() == ScimMode.STRICT) {
      checkStrict(node);
    }
    String groupId = value(node, "group");
    String memberId = value(node, "member");
    JsonNode type = node.path("member").path("type");
    if (!type.isMissingNode() && !GroupMemberView.MEMBER_TYPE.equalsIgnoreCase(type.asText())) {
      throw BadRequestException.invalidValue("member.type must be User: groups do not nest");
    }
    ResourceSupport groups = session.support(ResourceKind.GROUP);
    AtomicReference<GroupMemberView> made = new AtomicReference<>();
    writes.run(session, groups, WriteOperation.PATCH, groupId, 201, () -> session.stores().inTransaction(stores -> {
      Instant now = services.now();
      ResourceRecord group = groups.find(stores, groupId)
          .orElseThrow(() -> BadRequestException.invalidValue("group.value: no Group with id " + groupId));
      ResourceRecord user = session.support(ResourceKind.USER).find(stores, memberId)
          .orElseThrow(() -> BadRequestException.invalidValue("member.value: no User with id " + memberId));
      MembershipResult result = stores.groups().addMembers(MembershipChange.of(groupId, Set.of(memberId), now));
      if (result.added().isEmpty()) {
        throw ResourceConflictException.uniqueness("User " + memberId + " is already a member of group " + groupId);
      }
      ChangeEvents events = new ChangeEvents(session, groups, now);
      events.membership(result);
      made.set(view(session, group, user));
      return services.outcome(stores, result.group(), events.events());
    }));
    return made.get();
  }

  /**
   * Returns a membership.
   *
   * @param session the request's session
   * @param id the GroupMember id
   * @return the membership
   * @throws ScimException 404 when the id names no current membership
   */
  public GroupMemberView get(Session session, String id) throws ScimException {
    GroupMemberIds.Pair pair = GroupMemberIds.parse(id).orElseThrow(() -> notFound(id));
    TenantStores stores = session.stores();
    if (!InputRule.storable(pair.groupId()) || !stores.groups().isMember(pair.groupId(), pair.memberId())) {
      throw notFound(id);
    }
    Optional<ResourceRecord> group = session.support(ResourceKind.GROUP).find(stores, pair.groupId());
    Optional<ResourceRecord> user = session.support(ResourceKind.USER).find(stores, pair.memberId());
    if (group.isEmpty() || user.isEmpty()) {
      throw notFound(id);
    }
    return view(session, group.get(), user.get());
  }

  /**
   * Ends a membership.
   *
   * @param session the request's session
   * @param id the GroupMember id
   * @throws ScimException 404 when the id names no current membership
   */
  public void delete(Session session, String id) throws ScimException {
    GroupMemberIds.Pair pair = GroupMemberIds.parse(id).orElseThrow(() -> notFound(id));
    ResourceSupport groups = session.support(ResourceKind.GROUP);
    writes.run(session, groups, WriteOperation.PATCH, pair.groupId(), 204, () -> session.stores().inTransaction(stores -> {
      Instant now = services.now();
      if (groups.find(stores, pair.groupId()).isEmpty()) {
        throw notFound(id);
      }
      MembershipResult result = stores.groups()
          .removeMembers(MembershipChange.of(pair.groupId(), Set.of(pair.memberId()), now));
      if (result.removed().isEmpty()) {
        throw notFound(id);
      }
      ChangeEvents events = new ChangeEvents(session, groups, now);
      events.membership(result);
      return services.outcome(stores, result.group(), events.events());
    }));
  }

  /**
   * Counts a group's members with one store call that reads none of them.
   *
   * @param session the request's session
   * @param groupId the group
   * @return the number of members
   * @throws ScimException 404 when there is no such group
   */
  public long memberCount(Session session, String groupId) throws ScimException {
    if (!InputRule.storable(groupId)) {
      throw new ResourceNotFoundException("No Group with id " + groupId);
    }
    try (ResultPage<String> page = session.stores().groups().members(new MemberQuery(groupId, PageRequest.countOnly()))) {
      return page.totalResults().orElse(0);
    }
  }

  /**
   * Returns the resource of a membership.
   *
   * @param session the request's session, whose mappings give the displays
   * @param group the group's record
   * @param user the user's record
   * @return the view
   */
  static GroupMemberView view(Session session, ResourceRecord group, ResourceRecord user) {
    Instant created = group.created().isAfter(user.created()) ? group.created() : user.created();
    return new GroupMemberView(GroupMemberIds.of(group.id(), user.id()), group.id(),
        display(session.support(ResourceKind.GROUP), group), user.id(), display(session.support(ResourceKind.USER), user),
        created, created);
  }

  private static String display(ResourceSupport support, ResourceRecord record) {
    return support.mapping().recordAttribute("displayName")
        .flatMap(attribute -> record.attributes().getString(attribute)).orElse(null);
  }

  static ResourceNotFoundException notFound(String id) {
    return new ResourceNotFoundException("No GroupMember with id " + id);
  }

  private static String value(ObjectNode node, String attribute) throws BadRequestException {
    JsonNode value = node.path(attribute).path("value");
    if (!value.isTextual() || value.asText().isEmpty()) {
      throw BadRequestException.invalidValue(attribute + ".value is required");
    }
    InputRule.checkId(value.asText(), attribute + ".value");
    return value.asText();
  }

  private static void checkStrict(ObjectNode node) throws BadRequestException {
    boolean schema = false;
    for (JsonNode urn : node.path("schemas")) {
      schema |= GroupMemberView.SCHEMA.equalsIgnoreCase(urn.asText());
    }
    if (!schema) {
      throw BadRequestException.invalidSyntax("schemas must list " + GroupMemberView.SCHEMA);
    }
    for (var fields = node.fieldNames(); fields.hasNext(); ) {
      String name = fields.next();
      if (!ATTRIBUTES.contains(name.toLowerCase(Locale.ROOT))) {
        throw BadRequestException.invalidSyntax("GroupMember has no attribute " + name);
      }
    }
  }
}
