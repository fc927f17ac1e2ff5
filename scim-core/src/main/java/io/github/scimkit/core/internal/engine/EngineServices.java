package io.github.scimkit.core.internal.engine;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.event.LifecycleEvent;
import io.github.scimkit.core.event.WriteHook;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.TenantStores;
import java.time.Instant;
import java.util.List;

/**
 * The collaborators every write command shares: configuration (limits, clock, ids), the host's
 * write hook, the schema checks and the outbox the events of a unit of work are recorded in.
 * Auditing and publishing after the commit are {@link AuditedWrites}'; the per-kind rules are
 * each kind's {@link ResourceSupport}.
 *
 * @param config the engine configuration
 * @param hook the host's write hook
 * @param checks the input and schema checks
 * @param relay records events in the outbox and delivers them
 */
public record EngineServices(EngineConfig config, WriteHook hook, SchemaChecks checks, OutboxRelay relay) {

  /**
   * Ends a unit of work's changes: records their events in the tenant's outbox, in the unit.
   *
   * @param stores the tenant's stores, bound to the unit of work
   * @param record the record as it now is, or {@code null} after a delete
   * @param events the events, in order
   * @return the outcome
   * @throws ScimException when the outbox fails
   */
  public Outcome outcome(TenantStores stores, ResourceRecord record, List<LifecycleEvent> events) throws ScimException {
    return new Outcome(record, events, relay.record(stores, events));
  }

  /**
   * Returns the current time.
   *
   * @return now
   */
  public Instant now() {
    return config.clock().instant();
  }
}
