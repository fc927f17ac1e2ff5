package io.github.scimkit.example;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.profile.IdpProfiles;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.ComplexValue;
import io.github.scimkit.core.store.MemberQuery;
import io.github.scimkit.core.store.RecordUpdate;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.ResultPage;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.UniqueAttribute;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.PageRequest;
import io.github.scimkit.core.store.query.StoreQuery;
import io.github.scimkit.core.tenant.ApiKeyRecord;
import io.github.scimkit.core.tenant.ApiKeys;
import io.github.scimkit.core.tenant.ScimMode;
import io.github.scimkit.core.tenant.TenantSettings;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The host application's side: organizations (one ScimKit tenant each), their SCIM settings and
 * API keys, the admin token, invitations and the member steps SCIM cannot take (accept, confirm).
 * Everything the admin API and page do goes through here.
 */
public final class Organizations {

  /** The prefix of admin tokens, so that one is not mistaken for a SCIM API key. */
  public static final String ADMIN_TOKEN_PREFIX = "scimkit_admin_";

  private static final int PAGE = 500;

  private final Storage storage;
  private final List<UniqueAttribute> userUniques;
  private final IdpProfiles profiles;
  private final Supplier<String> baseUrl;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final ApiKeys apiKeys = new ApiKeys(random);

  Organizations(Storage storage, List<UniqueAttribute> userUniques, IdpProfiles profiles, Supplier<String> baseUrl,
      Clock clock) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.userUniques = List.copyOf(userUniques);
    this.profiles = Objects.requireNonNull(profiles, "profiles");
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  // ---------------------------------------------------------------- views

  /**
   * An organization as the admin API shows it.
   *
   * @param id the id (the ScimKit tenant id)
   * @param name the name
   * @param created when it was created
   * @param demo whether it is the demo organization
   * @param scimEnabled whether SCIM is enabled
   * @param scimUrl its SCIM base URL
   * @param idpProfile the identity-provider profile
   * @param mode {@code LENIENT} or {@code STRICT}
   * @param apiKeyCreated when its current SCIM API key was issued, if it has one
   */
  public record Organization(
      String id, String name, Instant created, boolean demo, boolean scimEnabled, String scimUrl, String idpProfile,
      String mode, Optional<Instant> apiKeyCreated) {}

  /**
   * What enabling SCIM or rotating the key hands the administrator, once.
   *
   * @param organizationId the organization
   * @param scimUrl the SCIM base URL to give the identity provider
   * @param apiKey the new SCIM API key (only its hash is kept)
   */
  public record ScimCredentials(String organizationId, String scimUrl, String apiKey) {
    @Override
    public String toString() {
      return "ScimCredentials[organizationId=" + organizationId + ", scimUrl=" + scimUrl + "]";
    }
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
   * @param groups the groups it belongs to
   */
  public record Member(
      String id, String userName, String email, String displayName, String externalId, String status,
      String statusBeforeRevoke, boolean active, List<Ref> groups) {}

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
   * What the first start created: the admin token and the demo organization's SCIM credentials.
   *
   * @param adminToken the admin token (only its hash is kept)
   * @param demo the demo organization's credentials
   */
  public record FirstStart(String adminToken, ScimCredentials demo) {
    @Override
    public String toString() {
      return "FirstStart[demo=" + demo + "]";
    }
  }

  // ---------------------------------------------------------------- first start and admin token

  /**
   * On an empty database, creates the admin token and a demo organization with SCIM enabled.
   *
   * @return what was created, or empty when the database was not empty
   */
  synchronized Optional<FirstStart> initialize() {
    if (storage.host.hasAdminToken() || !storage.host.organizations().isEmpty()) {
      return Optional.empty();
    }
    String adminToken = newAdminToken();
    Organization demo = create("Demo organization", true);
    ScimCredentials credentials = enableScim(demo.id());
    return Optional.of(new FirstStart(adminToken, credentials));
  }

  /**
   * Issues a new admin token, replacing the old one.
   *
   * @return the token, to show once
   */
  public synchronized String newAdminToken() {
    String token = ADMIN_TOKEN_PREFIX + randomToken();
    storage.host.replaceAdminToken(ApiKeys.hash(token), clock.instant());
    return token;
  }

  /**
   * Checks an admin token.
   *
   * @param token the token presented
   * @return whether it is the admin token
   */
  public boolean isAdminToken(String token) {
    return token != null && !token.isBlank() && storage.host.isAdminTokenHash(ApiKeys.hash(token.strip()));
  }

  // ---------------------------------------------------------------- organizations

  /**
   * Creates an organization, with SCIM disabled until an administrator enables it.
   *
   * @param name its name
   * @return the organization
   */
  public Organization create(String name) {
    return create(name, false);
  }

  private synchronized Organization create(String name, boolean demo) {
    String trimmed = name == null ? "" : name.strip();
    if (trimmed.isEmpty() || trimmed.length() > 200) {
      throw ExampleException.badRequest("An organization needs a name of 1 to 200 characters");
    }
    String id = newOrganizationId(trimmed);
    try {
      storage.tenants.create(id, TenantSettings.defaults().withScimEnabled(false));
    } catch (ScimException e) {
      throw new IllegalStateException("Could not create tenant " + id, e);
    }
    storage.host.insertOrganization(new HostDatabase.OrganizationRow(id, trimmed, clock.instant(), demo));
    return get(id);
  }

  /**
   * Lists the organizations, oldest first.
   *
   * @return the organizations
   */
  public List<Organization> list() {
    return storage.host.organizations().stream().map(this::view).toList();
  }

  /**
   * Returns one organization.
   *
   * @param id its id
   * @return the organization
   * @throws ExampleException 404 when there is none
   */
  public Organization get(String id) {
    return view(row(id));
  }

  /**
   * Enables SCIM and issues a new API key, replacing any earlier one.
   *
   * @param id the organization
   * @return the SCIM URL and the new key
   */
  public synchronized ScimCredentials enableScim(String id) {
    row(id);
    saveSettings(id, settings(id).withScimEnabled(true));
    return issueKey(id);
  }

  /**
   * Issues a new API key for an organization whose SCIM is enabled; the old key stops working at once.
   *
   * @param id the organization
   * @return the SCIM URL and the new key
   * @throws ExampleException 409 when SCIM is disabled
   */
  public synchronized ScimCredentials rotateKey(String id) {
    row(id);
    if (!settings(id).scimEnabled()) {
      throw ExampleException.conflict("SCIM is disabled for organization " + id + "; enable it to get a key");
    }
    return issueKey(id);
  }

  /**
   * Disables SCIM and removes the organization's API keys. Members and groups stay.
   *
   * @param id the organization
   * @return the organization
   */
  public synchronized Organization disableScim(String id) {
    row(id);
    saveSettings(id, settings(id).withScimEnabled(false));
    try {
      storage.apiKeys.removeAll(id);
    } catch (ScimException e) {
      throw new IllegalStateException("Could not remove the keys of " + id, e);
    }
    return get(id);
  }

  /**
   * Sets the identity-provider profile and the mode.
   *
   * @param id the organization
   * @param idpProfile a profile name ({@code generic}, {@code okta}, {@code entra}, {@code jumpcloud},
   *     {@code onelogin}, {@code ping}), or null to keep it
   * @param mode {@code lenient} or {@code strict}, or null to keep it
   * @return the organization
   */
  public synchronized Organization updateSettings(String id, String idpProfile, String mode) {
    row(id);
    TenantSettings settings = settings(id);
    if (idpProfile != null) {
      try {
        settings = settings.withIdpProfile(profiles.require(idpProfile.strip()).name());
      } catch (IllegalArgumentException e) {
        throw ExampleException.badRequest(e.getMessage());
      }
    }
    if (mode != null) {
      try {
        settings = settings.withMode(ScimMode.valueOf(mode.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw ExampleException.badRequest("The mode must be lenient or strict: " + mode);
      }
    }
    saveSettings(id, settings);
    return get(id);
  }

  // ---------------------------------------------------------------- members, groups, outbox

  /**
   * Lists an organization's members with their status and groups, by userName.
   *
   * @param id the organization
   * @return the members
   */
  public List<Member> members(String id) {
    row(id);
    TenantStores stores = stores(id);
    List<ResourceRecord> users = all(stores, true);
    Map<String, List<Ref>> groupsOf = new HashMap<>();
    for (ResourceRecord group : all(stores, false)) {
      Ref ref = new Ref(group.id(), string(group.attributes(), "displayName"));
      for (String memberId : memberIds(stores, group.id())) {
        groupsOf.computeIfAbsent(memberId, key -> new ArrayList<>()).add(ref);
      }
    }
    return users.stream()
        .map(user -> member(user, groupsOf.getOrDefault(user.id(), List.of())))
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
    row(id);
    TenantStores stores = stores(id);
    Map<String, String> names = all(stores, true).stream()
        .collect(Collectors.toMap(ResourceRecord::id, user -> Objects.toString(string(user.attributes(), "userName"), "")));
    return all(stores, false).stream()
        .map(group -> new Group(group.id(), string(group.attributes(), "displayName"),
            string(group.attributes(), "externalId"),
            memberIds(stores, group.id()).stream().map(member -> new Ref(member, names.get(member))).toList()))
        .sorted(Comparator.comparing(group -> Objects.toString(group.displayName(), "").toLowerCase(Locale.ROOT)))
        .toList();
  }

  /**
   * Lists an organization's outbox, oldest first.
   *
   * @param id the organization
   * @return the messages
   */
  public List<HostDatabase.OutboxMessage> outbox(String id) {
    row(id);
    return storage.host.outbox(id);
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
    row(id);
    ResourceRecord user = moveStatus(id, memberId, MemberStatus.ACCEPTED, MemberStatus.CONFIRMED);
    storage.host.addToOutbox(id, "confirmed", memberId, string(user.attributes(), "email"),
        "You are now a confirmed member of " + row(id).name() + ".", null, clock.instant());
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
    HostDatabase.Invitation invitation = storage.host.invitation(hash)
        .filter(found -> !found.used())
        .orElseThrow(() -> ExampleException.notFound("This invitation link is unknown or was used already"));
    ResourceRecord user = moveStatus(invitation.organizationId(), invitation.memberId(), MemberStatus.INVITED,
        MemberStatus.ACCEPTED);
    storage.host.useInvitation(hash, clock.instant());
    storage.host.addToOutbox(invitation.organizationId(), "accepted", invitation.memberId(),
        string(user.attributes(), "email"),
        string(user.attributes(), "userName") + " accepted the invitation; an administrator can confirm them now.",
        null, clock.instant());
    return member(invitation.organizationId(), invitation.memberId());
  }

  /**
   * Sends a member an invitation: an acceptance link with a new single-use token, in the outbox;
   * the invitation and its message are written together.
   *
   * @param id the organization
   * @param memberId the member
   * @param email the address to send it to
   */
  void invite(String id, String memberId, String email) {
    String token = randomToken();
    String link = baseUrl.get() + "/invitations/" + token + "/accept";
    storage.host.insertInvitation(ApiKeys.hash(token), new HostDatabase.OutboxMessage(0, id, "invitation", memberId,
        email, "You are invited to join " + row(id).name() + ". Follow the link to accept.", link, clock.instant()));
  }

  boolean hasInvitation(String id, String memberId) {
    return storage.host.hasInvitation(id, memberId);
  }

  void notify(String id, String kind, String memberId, String email, String message) {
    storage.host.addToOutbox(id, kind, memberId, email, message, null, clock.instant());
  }

  void forget(String id, String memberId) {
    storage.host.deleteInvitationsOf(id, memberId);
  }

  Optional<String> lastRecipient(String id, String memberId) {
    List<HostDatabase.OutboxMessage> messages = storage.host.outbox(id);
    for (int i = messages.size() - 1; i >= 0; i--) {
      HostDatabase.OutboxMessage message = messages.get(i);
      if (memberId.equals(message.memberId()) && message.recipient() != null) {
        return Optional.of(message.recipient());
      }
    }
    return Optional.empty();
  }

  Optional<ResourceRecord> user(String id, String memberId) {
    try {
      return stores(id).users().get(memberId);
    } catch (ScimException e) {
      throw new IllegalStateException("Could not read member " + memberId, e);
    }
  }

  /**
   * Returns an organization's SCIM base URL.
   *
   * @param id the organization
   * @return {@code <base URL>/scim/v2/<id>}
   */
  public String scimUrl(String id) {
    return baseUrl.get() + "/scim/v2/" + id;
  }

  // ---------------------------------------------------------------- internals

  private ResourceRecord moveStatus(String id, String memberId, MemberStatus from, MemberStatus to) {
    TenantStores stores = stores(id);
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

  private Organization view(HostDatabase.OrganizationRow row) {
    TenantSettings settings = settings(row.id());
    Optional<Instant> keyCreated;
    try {
      keyCreated = storage.apiKeys.keysOf(row.id()).stream().map(ApiKeyRecord::created).max(Comparator.naturalOrder());
    } catch (ScimException e) {
      throw new IllegalStateException("Could not read the keys of " + row.id(), e);
    }
    return new Organization(row.id(), row.name(), row.created(), row.demo(), settings.scimEnabled(), scimUrl(row.id()),
        settings.idpProfile(), settings.mode().name(), keyCreated);
  }

  private HostDatabase.OrganizationRow row(String id) {
    return storage.host.organization(Objects.requireNonNullElse(id, ""))
        .orElseThrow(() -> ExampleException.notFound("No organization " + id));
  }

  private TenantStores stores(String id) {
    try {
      return storage.stores.tenant(id).orElseThrow(() -> ExampleException.notFound("No tenant " + id));
    } catch (ScimException e) {
      throw new IllegalStateException("Could not open tenant " + id, e);
    }
  }

  private TenantSettings settings(String id) {
    try {
      return stores(id).settings();
    } catch (ScimException e) {
      throw new IllegalStateException("Could not read the settings of " + id, e);
    }
  }

  private void saveSettings(String id, TenantSettings settings) {
    try {
      storage.tenants.update(id, settings);
    } catch (ScimException e) {
      throw new IllegalStateException("Could not save the settings of " + id, e);
    }
  }

  private ScimCredentials issueKey(String id) {
    ApiKeys.IssuedKey issued = apiKeys.issue(id, clock.instant());
    try {
      storage.apiKeys.replaceAll(issued.record());
    } catch (ScimException e) {
      throw new IllegalStateException("Could not store the key of " + id, e);
    }
    return new ScimCredentials(id, scimUrl(id), issued.key());
  }

  private List<ResourceRecord> all(TenantStores stores, boolean users) {
    List<ResourceRecord> records = new ArrayList<>();
    try {
      for (long offset = 0; ; offset += PAGE) {
        List<ResourceRecord> page;
        try (ResultPage<ResourceRecord> result =
            (users ? stores.users() : stores.groups()).search(StoreQuery.of(Condition.all(), offset, PAGE))) {
          page = result.items().toList();
        }
        records.addAll(page);
        if (page.size() < PAGE) {
          return records;
        }
      }
    } catch (ScimException e) {
      throw new IllegalStateException("Could not list the records of " + stores.tenantId(), e);
    }
  }

  private List<String> memberIds(TenantStores stores, String groupId) {
    List<String> ids = new ArrayList<>();
    try {
      for (long offset = 0; ; offset += PAGE) {
        List<String> page;
        try (ResultPage<String> result = stores.groups().members(new MemberQuery(groupId, PageRequest.offset(offset, PAGE)))) {
          page = result.items().toList();
        }
        ids.addAll(page);
        if (page.size() < PAGE) {
          return ids;
        }
      }
    } catch (ScimException e) {
      throw new IllegalStateException("Could not list the members of " + groupId, e);
    }
  }

  private Member member(ResourceRecord user, List<Ref> groups) {
    Attributes attributes = user.attributes();
    MemberStatus status = MemberLifecycleHook.statusOf(attributes);
    return new Member(user.id(), string(attributes, "userName"), email(attributes), string(attributes, "displayName"),
        string(attributes, "externalId"), status.label(),
        status == MemberStatus.REVOKED ? MemberLifecycleHook.restoredStatusOf(attributes).label() : null,
        attributes.getBoolean(MemberLifecycleHook.ACTIVE).orElse(true),
        groups.stream().sorted(Comparator.comparing(ref -> Objects.toString(ref.name(), ""))).toList());
  }

  /**
   * Returns the e-mail address ScimKit derived for a user ({@code email}), else the first of {@code emails}.
   *
   * @param attributes the user's attributes
   * @return the address, or null
   */
  static String email(Attributes attributes) {
    Optional<String> derived = attributes.getString("email");
    if (derived.isPresent()) {
      return derived.get();
    }
    return attributes.getAll("emails").stream()
        .flatMap(value -> value instanceof ComplexValue complex
            ? complex.get("value").filter(String.class::isInstance).map(String.class::cast).stream()
            : Stream.empty())
        .findFirst().orElse(null);
  }

  private static String string(Attributes attributes, String name) {
    return attributes.getString(name).orElse(null);
  }

  private String newOrganizationId(String name) {
    String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (slug.length() > 24) {
      slug = slug.substring(0, 24).replaceAll("-+$", "");
    }
    byte[] suffix = new byte[4];
    random.nextBytes(suffix);
    String tail = String.format("%08x", java.nio.ByteBuffer.wrap(suffix).getInt());
    return (slug.isEmpty() ? "org" : slug) + "-" + tail;
  }

  private String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
