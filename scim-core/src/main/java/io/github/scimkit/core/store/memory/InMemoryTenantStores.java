package io.github.scimkit.core.store.memory;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.EventOutbox;
import io.github.scimkit.core.store.GroupStore;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.UnitOfWork;
import io.github.scimkit.core.store.UserStore;
import io.github.scimkit.core.tenant.TenantSettings;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * One tenant's users, groups and settings in memory.
 *
 * <p>Its stores share one {@link TenantLock}. A unit of work holds the tenant's write lock while
 * it runs and is handed these same stores: their writes on the unit's thread join the unit and
 * are undone with it. Other threads wait for the unit to end, so the stores it is handed must not
 * be passed to another thread.
 */
final class InMemoryTenantStores implements TenantStores {

  private final String tenantId;
  private final TenantLock lock = new TenantLock();
  private final InMemoryUserStore users;
  private final InMemoryGroupStore groups;
  private final InMemoryEventOutbox outbox = new InMemoryEventOutbox(lock);
  private volatile TenantSettings settings;

  InMemoryTenantStores(String tenantId, TenantSettings settings, LongAdder examined) {
    this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.users = new InMemoryUserStore(lock, examined);
    this.groups = new InMemoryGroupStore(lock, examined);
  }

  @Override
  public String tenantId() {
    return tenantId;
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
  public UserStore users() {
    return users;
  }

  @Override
  public GroupStore groups() {
    return groups;
  }

  /** The tenant's outbox, in memory: its events are lost with the process. */
  @Override
  public Optional<EventOutbox> outbox() {
    return Optional.of(outbox);
  }

  @Override
  public <T> T inTransaction(UnitOfWork<T> work) throws ScimException {
    Objects.requireNonNull(work, "work");
    return lock.transaction(() -> work.execute(this));
  }
}
