package io.github.scimkit.example;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.profile.IdpProfiles;
import io.github.scimkit.core.tenant.ApiKeyRecord;
import io.github.scimkit.core.tenant.ApiKeys;
import io.github.scimkit.core.tenant.ScimMode;
import io.github.scimkit.core.tenant.TenantSettings;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The host application's organizations (one ScimKit tenant each), their SCIM settings and API
 * keys, and the admin token. Members, their roles and the outbox are {@link Members},
 * {@link MemberRoles} and {@link Notices}.
 */
public final class Organizations {

  /** The prefix of admin tokens, so that one is not mistaken for a SCIM API key. */
  public static final String ADMIN_TOKEN_PREFIX = "scimkit_admin_";

  private final Storage storage;
  private final Directory directory;
  private final IdpProfiles profiles;
  private final Supplier<String> baseUrl;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final ApiKeys apiKeys = new ApiKeys(random);

  Organizations(Storage storage, Directory directory, IdpProfiles profiles, Supplier<String> baseUrl, Clock clock) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.directory = Objects.requireNonNull(directory, "directory");
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

  /** Returns an organization's row; 404 when there is none. */
  HostDatabase.OrganizationRow row(String id) {
    return storage.host.organization(Objects.requireNonNullElse(id, ""))
        .orElseThrow(() -> ExampleException.notFound("No organization " + id));
  }

  private TenantSettings settings(String id) {
    try {
      return directory.stores(id).settings();
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

  /** Returns 32 random bytes, URL-safe Base64. */
  String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
