package io.github.scimkit.core.store;

import io.github.scimkit.core.tenant.TenantSettings;
import java.util.Objects;

/**
 * A tenant found by {@link StoreProvider#lookUp}: its stores, and its settings as they were when
 * it was looked up. The settings are a snapshot; {@link TenantStores#settings()} reads them again.
 *
 * @param stores the tenant's stores
 * @param settings the tenant's settings at lookup
 */
public record TenantLookup(TenantStores stores, TenantSettings settings) {

  /** Checks the parts. */
  public TenantLookup {
    Objects.requireNonNull(stores, "stores");
    Objects.requireNonNull(settings, "settings");
  }
}
