package io.github.scimkit.core.store.memory;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.AbstractTenantStores;
import io.github.scimkit.core.store.UnitOfWork;
import io.github.scimkit.core.tenant.TenantSettings;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * One tenant's users, groups and settings in memory.
 *
 * <p>Its stores share one {@link TenantLock}. A unit of work holds the tenant's write lock while
 * it runs and is handed these same stores: their writes on the unit's thread join the unit and
 * are undone with it. Other threads wait for the unit to end, so the stores it is handed must not
 * be passed to another thread.
 */
final class InMemoryTenantStores extends AbstractTenantStores {

  private final TenantLock lock;
  private volatile TenantSettings settings;

  private InMemoryTenantStores(String tenantId, TenantSettings settings, TenantLock lock, InMemoryGroupStore groups,
      LongAdder examined) {
    super(tenantId, new InMemoryUserStore(lock, examined, groups), groups, new InMemoryEventOutbox(lock));
    this.lock = lock;
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** A tenant's stores sharing one new lock; the outbox it keeps loses its events with the process. */
  static InMemoryTenantStores create(String tenantId, TenantSettings settings, LongAdder examined) {
    TenantLock lock = new TenantLock();
    return new InMemoryTenantStores(tenantId, settings, lock, new InMemoryGroupStore(lock, examined), examined);
  }

  @Override
  public TenantSettings settings() {
    return settings;
  }

  /** Replaces the tenant's settings. */
  void updateSettings(TenantSettings newSettings) {
    settings = Objects.requireNonNull(newSettings, "settings");
  }

  @Override
  public <T> T inTransaction(UnitOfWork<T> work) throws ScimException {
    Objects.requireNonNull(work, "work");
    return lock.transaction(() -> work.execute(this));
  }
}
