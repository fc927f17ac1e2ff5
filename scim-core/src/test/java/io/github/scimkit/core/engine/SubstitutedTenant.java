package io.github.scimkit.core.engine;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.GroupStore;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.UnitOfWork;
import io.github.scimkit.core.store.UserStore;
import io.github.scimkit.core.tenant.TenantSettings;

/**
 * A real tenant whose user and group stores are the given ones (spies, counters, racing
 * wrappers), inside and outside units of work, so a test sees every call the engine makes.
 */
record SubstitutedTenant(TenantStores real, UserStore users, GroupStore groups) implements TenantStores {

  /** The real tenant with only its group store substituted. */
  static SubstitutedTenant withGroups(TenantStores real, GroupStore groups) {
    return new SubstitutedTenant(real, real.users(), groups);
  }

  @Override
  public String tenantId() {
    return real.tenantId();
  }

  @Override
  public TenantSettings settings() throws ScimException {
    return real.settings();
  }

  @Override
  public <T> T inTransaction(UnitOfWork<T> work) throws ScimException {
    return real.inTransaction(stores -> work.execute(this));
  }
}
