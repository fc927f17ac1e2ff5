package io.github.scimkit.core.engine;

import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.config.OutboxRetry;
import io.github.scimkit.core.event.AuditSink;
import io.github.scimkit.core.event.LifecycleListener;
import io.github.scimkit.core.event.LoggingAuditSink;
import io.github.scimkit.core.event.WriteHook;
import io.github.scimkit.core.mapping.ScimMapping;
import io.github.scimkit.core.profile.IdpProfiles;
import io.github.scimkit.core.store.StoreProvider;
import io.github.scimkit.core.tenant.TenantSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The parts a {@link ScimEngine} is built from, with their defaults: what {@link
 * ScimEngine.Builder} collects. Its setters are public and return the builder, as {@link
 * StringBuilder}'s are inherited from a class of its package.
 *
 * @param <B> the builder
 */
abstract class EngineParts<B extends EngineParts<B>> {
  StoreProvider stores;
  ScimMapping mapping = ScimMapping.defaults();
  EngineConfig config = EngineConfig.defaults();
  WriteHook hook = WriteHook.NONE;
  final List<LifecycleListener> listeners = new ArrayList<>();
  AuditSink auditSink = new LoggingAuditSink();
  IdpProfiles profiles = IdpProfiles.builtIns();
  OutboxRetry outboxRetry = OutboxRetry.defaults();

  /**
   * Sets how lifecycle events whose listener failed are retried (default {@link
   * OutboxRetry#defaults()}).
   *
   * @param value the retry policy
   * @return this builder
   */
  public B outboxRetry(OutboxRetry value) {
    this.outboxRetry = Objects.requireNonNull(value, "outboxRetry");
    return self();
  }

  /**
   * Sets the identity-provider profiles tenants may name (default {@link
   * IdpProfiles#builtIns()}). Each tenant's profile, from {@link TenantSettings#idpProfile()},
   * picks its lenient tolerances and its mapping; see {@link IdpProfiles#tolerances}.
   *
   * @param value the profiles
   * @return this builder
   */
  public B profiles(IdpProfiles value) {
    this.profiles = Objects.requireNonNull(value, "profiles");
    return self();
  }

  /**
   * Sets where tenants' users and groups are kept (required).
   *
   * @param value the store provider
   * @return this builder
   */
  public B stores(StoreProvider value) {
    this.stores = Objects.requireNonNull(value, "stores");
    return self();
  }

  /**
   * Sets the mapping rules (default {@link ScimMapping#defaults()}).
   *
   * @param value the mapping
   * @return this builder
   */
  public B mapping(ScimMapping value) {
    this.mapping = Objects.requireNonNull(value, "mapping");
    return self();
  }

  /**
   * Sets limits, defaults, clock and id generator (default {@link EngineConfig#defaults()}).
   *
   * @param value the configuration
   * @return this builder
   */
  public B config(EngineConfig value) {
    this.config = Objects.requireNonNull(value, "config");
    return self();
  }

  /**
   * Sets the host's write hook (default none).
   *
   * @param value the hook
   * @return this builder
   */
  public B writeHook(WriteHook value) {
    this.hook = Objects.requireNonNull(value, "writeHook");
    return self();
  }

  /**
   * Adds a lifecycle listener; listeners are called in the order added.
   *
   * @param value the listener
   * @return this builder
   */
  public B listener(LifecycleListener value) {
    this.listeners.add(Objects.requireNonNull(value, "listener"));
    return self();
  }

  /**
   * Sets the audit sink (default {@link LoggingAuditSink}).
   *
   * @param value the sink
   * @return this builder
   */
  public B auditSink(AuditSink value) {
    this.auditSink = Objects.requireNonNull(value, "auditSink");
    return self();
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
