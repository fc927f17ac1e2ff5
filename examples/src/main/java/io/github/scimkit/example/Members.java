package io.github.scimkit.example;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.RecordUpdate;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.UniqueAttribute;
import io.github.scimkit.core.tenant.ApiKeys;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * An organization's members and groups as the administrator sees them, and the member steps SCIM
 * cannot take: accepting an invitation and confirming.
 */
public final class Members {

  private static final HostDatabase.RoleAssignment DEFAULT_ROLE =
      new HostDatabase.RoleAssignment(null, MemberRole.USER, MemberRoles.DEFAULT);

  private final HostDatabase host;
  private final Organizations organizations;
  private final Directory directory;
  private final Notices notices;
  private final MemberRoles roles;
  private final List<UniqueAttribute> userUniques;
  private final Clock clock;

  Members(HostDatabase host, Organizations organizations, Directory directory, Notices notices, MemberRoles roles,
      List<UniqueAttribute> userUniques, Clock clock) {
    this.host = Objects.requireNonNull(host, "host");
    this.organizations = Objects.requireNonNull(organizations, "organizations");
    this.directory = Objects.requireNonNull(directory, "directory");
    this.notices = Objects.requireNonNull(notices, "notices");
    this.roles = Objects.requireNonNull(roles, "roles");
    this.userUniques = List.copyOf(userUniques);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A group a member belongs to, or a member of a group.
   *
   * @param id its id
   * @param name its display name (a group's {@code displayName}, a member's {@code userName})
   */
  public record Ref(String id, String name) {}

  /**
   * A member (a SCIM user) with its status and groups.
   *
   * @param id the SCIM id
   * @param userName the SCIM userName
   * @param email the e-mail address ScimKit derived
   * @param displayName the display name
   * @param externalId the identity provider's id
   * @param status the status
   * @param statusBeforeRevoke for a revoked member, the status it goes back to
   * @param active SCIM's {@code active}
   * @param role the role ({@link MemberRole})
   * @param roleSource where the role came from ({@link HostDatabase.RoleAssignment#source()})
   * @param groups the groups it belongs to
   */
  public record Member(
      String id, String userName, String email, String displayName, String externalId, String status,
      String statusBeforeRevoke, boolean active, String role, String roleSource, List<Ref> groups) {}

  /**
   * A group with its members.
   *
   * @param id the SCIM id
   * @param displayName the name
   * @param externalId the identity provider's id
   * @param members its members
   */
  public record Group(String id, String displayName, String externalId, List<Ref> members) {}

  /**
   * Lists an organization's members with their status and groups, by userName.
   *
   * @param id the organization
   * @return the members
   */
  public List<Member> members(String id) {
    organizations.row(id);
    TenantStores stores = directory.stores(id);
    List<ResourceRecord> users = directory.all(stores, true);
    Map<String, List<Ref>> groupsOf = new HashMap<>();
    for (ResourceRecord group : directory.all(stores, false)) {
      Ref ref = new Ref(group.id(), Directory.string(group.attributes(), "displayName"));
      for (String memberId : directory.memberIds(stores, group.id())) {
        groupsOf.computeIfAbsent(memberId, key -> new ArrayList<>()).add(ref);
      }
    }
    Map<String, HostDatabase.RoleAssignment> assigned = roles.assignments(id);
    return users.stream()
        .map(user -> member(user, assigned.getOrDefault(user.id(), DEFAULT_ROLE),
            groupsOf.getOrDefault(user.id(), List.of())))
        .sorted(Comparator.comparing(member -> member.userName() == null ? "" : member.userName().toLowerCase(Locale.ROOT)))
        .toList();
  }

  /**
   * Returns one member.
   *
   * @param id the organization
   * @param memberId the member's SCIM id
   * @return the member
   */
  public Member member(String id, String memberId) {
    return members(id).stream().filter(m -> m.id().equals(memberId)).findFirst()
        .orElseThrow(() -> ExampleException.notFound("No member " + memberId + " in organization " + id));
  }

  /**
   * Lists an organization's groups with their members, by name.
   *
   * @param id the organization
   * @return the groups
   */
  public List<Group> groups(String id) {
    organizations.row(id);
    TenantStores stores = directory.stores(id);
    Map<String, String> names = directory.all(stores, true).stream().collect(Collectors.toMap(
        ResourceRecord::id, user -> Objects.toString(Directory.string(user.attributes(), "userName"), "")));
    return directory.all(stores, false).stream()
        .map(group -> new Group(group.id(), Directory.string(group.attributes(), "displayName"),
            Directory.string(group.attributes(), "externalId"),
            directory.memberIds(stores, group.id()).stream().map(member -> new Ref(member, names.get(member))).toList()))
        .sorted(Comparator.comparing(group -> Objects.toString(group.displayName(), "").toLowerCase(Locale.ROOT)))
        .toList();
  }

  /**
   * Confirms a member who accepted the invitation.
   *
   * @param id the organization
   * @param memberId the member
   * @return the member, now {@code Confirmed}
   * @throws ExampleException 409 when the member is not {@code Accepted}
   */
  public Member confirm(String id, String memberId) {
    String name = organizations.row(id).name();
    ResourceRecord user = moveStatus(id, memberId, MemberStatus.ACCEPTED, MemberStatus.CONFIRMED);
    notices.notify(id, "confirmed", memberId, Directory.string(user.attributes(), "email"),
        "You are now a confirmed member of " + name + ".");
    return member(id, memberId);
  }

  /**
   * Accepts an invitation: the member named by the token becomes {@code Accepted}. The token works once.
   *
   * @param token the token from the acceptance link
   * @return the member
   * @throws ExampleException 404 for an unknown or used token, 409 when the member is no longer invited
   */
  public synchronized Member accept(String token) {
    String hash = ApiKeys.hash(Objects.requireNonNullElse(token, ""));
    HostDatabase.Invitation invitation = host.invitation(hash)
        .filter(found -> !found.used())
        .orElseThrow(() -> ExampleException.notFound("This invitation link is unknown or was used already"));
    ResourceRecord user = moveStatus(invitation.organizationId(), invitation.memberId(), MemberStatus.INVITED,
        MemberStatus.ACCEPTED);
    host.useInvitation(hash, clock.instant());
    notices.notify(invitation.organizationId(), "accepted", invitation.memberId(),
        Directory.string(user.attributes(), "email"),
        Directory.string(user.attributes(), "userName") + " accepted the invitation; an administrator can confirm them now.");
    return member(invitation.organizationId(), invitation.memberId());
  }

  private ResourceRecord moveStatus(String id, String memberId, MemberStatus from, MemberStatus to) {
    TenantStores stores = directory.stores(id);
    try {
      return stores.inTransaction(unit -> {
        ResourceRecord user = unit.users().get(memberId)
            .orElseThrow(() -> ExampleException.notFound("No member " + memberId + " in organization " + id));
        MemberStatus status = MemberLifecycleHook.statusOf(user.attributes());
        if (status != from) {
          throw ExampleException.conflict("Member " + memberId + " is " + status + ", not " + from);
        }
        Attributes attributes = MemberLifecycleHook.withStatus(user.attributes(), to, Optional.empty());
        return unit.users().replace(new RecordUpdate(
            memberId, OptionalLong.of(user.version()), clock.instant(), attributes, userUniques));
      });
    } catch (ScimException e) {
      throw new ExampleException(e.getScimError().getStatus(), e.getMessage());
    }
  }

  private Member member(ResourceRecord user, HostDatabase.RoleAssignment role, List<Ref> groups) {
    Attributes attributes = user.attributes();
    MemberStatus status = MemberLifecycleHook.statusOf(attributes);
    return new Member(user.id(), Directory.string(attributes, "userName"), Directory.email(attributes),
        Directory.string(attributes, "displayName"), Directory.string(attributes, "externalId"), status.label(),
        status == MemberStatus.REVOKED ? MemberLifecycleHook.restoredStatusOf(attributes).label() : null,
        attributes.getBoolean(MemberLifecycleHook.ACTIVE).orElse(true), role.role().label(), role.source(),
        groups.stream().sorted(Comparator.comparing(ref -> Objects.toString(ref.name(), ""))).toList());
  }
}
