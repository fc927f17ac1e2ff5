package io.github.scimkit.spring.boot;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.tenant.ApiKeyStore;
import io.github.scimkit.core.tenant.ApiKeys;
import io.github.scimkit.core.tenant.TenantSettings;
import java.time.Clock;
import java.util.Objects;

/**
 * Creates tenants and issues their API keys in the stores the starter configured (JDBC or in
 * memory), so the application's own admin code needs neither store type. It does not delete
 * tenants or change their settings: the store provider bean does that.
 */
public final class ScimTenants {

  /** Creates one tenant in a store provider. */
  @FunctionalInterface
  public interface TenantCreator {
    /**
     * Creates the tenant.
     *
     * @param tenantId the tenant id
     * @param settings its settings
     * @throws ScimException ResourceConflictException when the tenant exists; another when the
     *     store fails
     */
    void create(String tenantId, TenantSettings settings) throws ScimException;
  }

  private final TenantCreator creator;
  private final ApiKeyStore keys;
  private final Clock clock;

  /**
   * Creates the facade.
   *
   * @param creator creates tenants in the configured store provider
   * @param keys where the key hashes go
   * @param clock stamps issued keys
   */
  public ScimTenants(TenantCreator creator, ApiKeyStore keys, Clock clock) {
    this.creator = Objects.requireNonNull(creator, "creator");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Creates a tenant with SCIM enabled and the default settings.
   *
   * @param tenantId the tenant id
   * @throws ScimException ResourceConflictException (409) when the tenant exists; another when
   *     the store fails
   */
  public void create(String tenantId) throws ScimException {
    creator.create(tenantId, TenantSettings.defaults());
  }

  /**
   * Issues a new API key for a tenant and makes it the tenant's only key; only its hash is kept.
   *
   * @param tenantId the tenant id
   * @return the key, to show once to the tenant's administrator
   * @throws ScimException when the store fails
   */
  public String issueKey(String tenantId) throws ScimException {
    ApiKeys.IssuedKey issued = new ApiKeys().issue(tenantId, clock.instant());
    keys.replaceAll(issued.record());
    return issued.key();
  }
}
