package io.github.scimkit.example;

import io.github.scimkit.core.store.ComplexValue;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.example.HostDatabase.RoleAssignment;
import io.github.scimkit.example.HostDatabase.RoleRule;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Members' roles ({@link MemberRole}). Provisioning sets a member's role from two sources, and the
 * most privileged of those that apply wins (User when none does):
 *
 * <ul>
 *   <li>the user's SCIM {@code roles}: the value marked {@code primary}, or the only value, when
 *       it names a role in any case (Entra's JSON-in-a-string values are read too); an unknown
 *       value is logged and ignored;
 *   <li>the organization's group-to-role rules: a member of a group named in a rule gets its role.
 * </ul>
 *
 * <p>A role an administrator set ({@code source: admin}) is never changed by provisioning. A
 * provisioned Owner is demoted by provisioning only while another Owner remains: the last Owner
 * keeps the role (logged), and {@link LastOwnerGuard} refuses its deletion over SCIM.
 */
public final class MemberRoles {

  /** The source of a role set in the admin API. */
  static final String ADMIN = "admin";
  static final int MAX_RULES = 100;
  static final int MAX_GROUP_NAME = 256;

  private static final Logger LOG = LoggerFactory.getLogger(MemberRoles.class);
  private static final String ROLES = "roles";
  private static final String GROUP = "group:";
  /** The source of the role of a member nothing gives another: User. */
  static final String DEFAULT = "default";

  private final HostDatabase host;
  private final Organizations organizations;
  private final Directory directory;

  MemberRoles(HostDatabase host, Organizations organizations, Directory directory) {
    this.host = Objects.requireNonNull(host, "host");
    this.organizations = Objects.requireNonNull(organizations, "organizations");
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /** Returns the role of each member that has one recorded; the others are {@code User}, {@code default}. */
  Map<String, RoleAssignment> assignments(String id) {
    return host.roles(id);
  }

  /**
   * Returns an organization's group-to-role rules, in order.
   *
   * @param id the organization
   * @return the rules
   */
  public List<RoleRule> rules(String id) {
    organizations.row(id);
    return host.roleRules(id);
  }

  /**
   * Replaces an organization's rules and re-evaluates every member, in one transaction.
   *
   * @param id the organization
   * @param rules the new rules (at most {@value #MAX_RULES}, each group named once)
   * @return the rules saved
   * @throws ExampleException 400 for a group named twice or too many rules
   */
  public synchronized List<RoleRule> replaceRules(String id, List<RoleRule> rules) {
    organizations.row(id);
    if (rules.size() > MAX_RULES) {
      throw ExampleException.badRequest("At most " + MAX_RULES + " role rules");
    }
    Set<String> groups = new HashSet<>();
    for (RoleRule rule : rules) {
      if (!groups.add(rule.group().toLowerCase(Locale.ROOT))) {
        throw ExampleException.badRequest("The group '" + rule.group() + "' has more than one rule");
      }
    }
    TenantStores stores = directory.stores(id);
    host.saveRoles(id, Optional.of(List.copyOf(rules)),
        evaluate(id, stores, directory.all(stores, true), rules, host.roles(id)));
    return host.roleRules(id);
  }

  /**
   * Sets a member's role as an administrator (provisioning leaves it alone from then on), or with
   * an empty role hands it back to provisioning.
   *
   * @param id the organization
   * @param memberId the member
   * @param role the role, or empty
   * @throws ExampleException 404 for an unknown member, 409 when the organization would lose its last Owner
   */
  public synchronized void setRole(String id, String memberId, Optional<MemberRole> role) {
    organizations.row(id);
    ResourceRecord user = directory.user(id, memberId)
        .orElseThrow(() -> ExampleException.notFound("No member " + memberId + " in organization " + id));
    Map<String, RoleAssignment> current = host.roles(id);
    MemberRole next = role.orElseGet(() -> computed(id, user,
        directory.groupNamesOf(directory.stores(id), Set.of(memberId)).getOrDefault(memberId, List.of()),
        host.roleRules(id)).role());
    if (next != MemberRole.OWNER && isLastOwner(current, memberId)) {
      throw ExampleException.conflict("Member " + memberId + " is the organization's last Owner; make another"
          + " member Owner first");
    }
    Map<String, RoleAssignment> change = new HashMap<>();
    if (role.isPresent()) {
      change.put(memberId, new RoleAssignment(memberId, role.get(), ADMIN));
    } else {
      Map<String, RoleAssignment> rest = new HashMap<>(current);
      rest.remove(memberId);
      change.put(memberId, null);
      change.putAll(evaluate(id, directory.stores(id), List.of(user), host.roleRules(id), rest));
    }
    host.saveRoles(id, Optional.empty(), change);
  }

  /** Re-evaluates some members after a SCIM change; members no longer there lose their row. */
  synchronized void reevaluate(String id, Collection<String> memberIds) {
    List<ResourceRecord> users = memberIds.stream().distinct()
        .map(memberId -> directory.user(id, memberId)).flatMap(Optional::stream).toList();
    Map<String, RoleAssignment> changes = new HashMap<>();
    Set<String> present = users.stream().map(ResourceRecord::id).collect(Collectors.toSet());
    memberIds.stream().filter(memberId -> !present.contains(memberId)).forEach(gone -> changes.put(gone, null));
    changes.putAll(evaluate(id, directory.stores(id), users, host.roleRules(id), host.roles(id)));
    if (!changes.isEmpty()) {
      host.saveRoles(id, Optional.empty(), changes);
    }
  }

  /** Re-evaluates every member of an organization. */
  synchronized void reevaluateAll(String id) {
    TenantStores stores = directory.stores(id);
    Map<String, RoleAssignment> changes = evaluate(id, stores, directory.all(stores, true), host.roleRules(id),
        host.roles(id));
    if (!changes.isEmpty()) {
      host.saveRoles(id, Optional.empty(), changes);
    }
  }

  /** Whether the organization has group-to-role rules (group changes matter only then). */
  boolean hasRules(String id) {
    return !host.roleRules(id).isEmpty();
  }

  /** Whether a member is its organization's only Owner. */
  boolean isLastOwner(String id, String memberId) {
    return isLastOwner(host.roles(id), memberId);
  }

  private static boolean isLastOwner(Map<String, RoleAssignment> roles, String memberId) {
    RoleAssignment role = roles.get(memberId);
    return role != null && role.role() == MemberRole.OWNER && roles.values().stream()
        .noneMatch(other -> other.role() == MemberRole.OWNER && !other.memberId().equals(memberId));
  }

  /** Returns the rows to write: each user's computed role where it differs, in order, owners protected. */
  private Map<String, RoleAssignment> evaluate(String id, TenantStores stores, List<ResourceRecord> users,
      List<RoleRule> rules, Map<String, RoleAssignment> current) {
    Map<String, RoleAssignment> roles = new HashMap<>(current);
    Map<String, List<String>> groups = rules.isEmpty() || users.isEmpty() ? Map.of()
        : directory.groupNamesOf(stores, users.stream().map(ResourceRecord::id).collect(Collectors.toSet()));
    Map<String, RoleAssignment> changes = new HashMap<>();
    for (ResourceRecord user : users) {
      RoleAssignment before = roles.get(user.id());
      if (before != null && ADMIN.equals(before.source())) {
        continue;
      }
      RoleAssignment computed = computed(id, user, groups.getOrDefault(user.id(), List.of()), rules);
      if (computed.role() != MemberRole.OWNER && isLastOwner(roles, user.id())) {
        LOG.info("Organization {}: member {} stays Owner although provisioning now says {} ({}): it is the last Owner",
            id, user.id(), computed.role(), computed.source());
        continue;
      }
      if (!computed.equals(before)) {
        roles.put(user.id(), computed);
        changes.put(user.id(), computed);
      }
    }
    return changes;
  }

  private static RoleAssignment computed(String id, ResourceRecord user, List<String> groupNames, List<RoleRule> rules) {
    RoleAssignment result = explicitRole(id, user)
        .map(role -> new RoleAssignment(user.id(), role, ROLES))
        .orElse(new RoleAssignment(user.id(), MemberRole.USER, DEFAULT));
    for (RoleRule rule : rules) {
      if (rule.role().atLeast(result.role()) != result.role()
          && groupNames.stream().anyMatch(name -> name.equalsIgnoreCase(rule.group()))) {
        result = new RoleAssignment(user.id(), rule.role(), GROUP + rule.group());
      }
    }
    return result;
  }

  /** The role the user's SCIM {@code roles} name: the primary value, or the only one. */
  static Optional<MemberRole> explicitRole(String id, ResourceRecord user) {
    List<ComplexValue> values = user.attributes().getAll("roles").stream()
        .filter(ComplexValue.class::isInstance).map(ComplexValue.class::cast).toList();
    List<ComplexValue> primary = values.stream()
        .filter(value -> value.get("primary").map(flag -> "true".equalsIgnoreCase(flag.toString())).orElse(false))
        .toList();
    Optional<ComplexValue> chosen = !primary.isEmpty() ? Optional.of(primary.get(0))
        : values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
    if (chosen.isEmpty()) {
      if (!values.isEmpty()) {
        LOG.info("Organization {}: member {} has {} roles and none primary; its SCIM roles are ignored",
            id, user.id(), values.size());
      }
      return Optional.empty();
    }
    String name = roleName(chosen.get().get("value").map(Object::toString).orElse(null));
    Optional<MemberRole> role = MemberRole.parse(name);
    if (role.isEmpty()) {
      LOG.info("Organization {}: member {} has the role '{}', which is not Owner, Admin, Custom or User; ignored",
          id, user.id(), name);
    }
    return role;
  }

  /** A role value as sent, or for Entra's JSON-in-a-string form its {@code value} (else {@code displayName}). */
  private static String roleName(String value) {
    if (value == null || !value.strip().startsWith("{")) {
      return value;
    }
    try {
      var node = Json.MAPPER.readTree(value);
      return node.hasNonNull("value") ? node.get("value").asText() : node.path("displayName").asText(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return value;
    }
  }
}
