package io.github.scimkit.core.store;

import com.unboundid.scim2.common.exceptions.ScimException;
import java.util.Optional;

/** Hands out each tenant's stores. The host implements it over its own database. */
@FunctionalInterface
public interface StoreProvider {

  /**
   * Returns a tenant's stores.
   *
   * @param tenantId the tenant (an organization, say)
   * @return the tenant's stores, or empty when there is no such tenant
   * @throws ScimException when the store fails
   */
  Optional<TenantStores> tenant(String tenantId) throws ScimException;
}
