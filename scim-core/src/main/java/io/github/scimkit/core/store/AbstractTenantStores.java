package io.github.scimkit.core.store;

import java.util.Objects;
import java.util.Optional;

/**
 * A base for a {@link TenantStores} that hands out stores it made once: it keeps the tenant id,
 * the user and group stores and the outbox, and leaves {@link #settings()} and {@link
 * #inTransaction(UnitOfWork)}, where stores differ, to the subclass.
 */
public abstract class AbstractTenantStores implements TenantStores {

  private final String tenantId;
  private final UserStore users;
  private final GroupStore groups;
  private final Optional<EventOutbox> outbox;

  /**
   * Keeps one tenant's stores.
   *
   * @param tenantId the tenant's id
   * @param users the tenant's users
   * @param groups the tenant's groups
   * @param outbox the tenant's transactional outbox, or {@code null} for a store that keeps none
   */
  protected AbstractTenantStores(String tenantId, UserStore users, GroupStore groups, EventOutbox outbox) {
    this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
    this.users = Objects.requireNonNull(users, "users");
    this.groups = Objects.requireNonNull(groups, "groups");
    this.outbox = Optional.ofNullable(outbox);
  }

  @Override
  public final String tenantId() {
    return tenantId;
  }

  @Override
  public final UserStore users() {
    return users;
  }

  @Override
  public final GroupStore groups() {
    return groups;
  }

  @Override
  public final Optional<EventOutbox> outbox() {
    return outbox;
  }
}
