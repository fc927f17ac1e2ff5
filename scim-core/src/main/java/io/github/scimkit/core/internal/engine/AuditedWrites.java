package io.github.scimkit.core.internal.engine;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.event.AuditRecord;
import io.github.scimkit.core.event.WriteOperation;
import io.github.scimkit.core.resource.ResourceView;
import java.time.Clock;
import java.util.Optional;

/**
 * Runs a write command and reports it: every outcome, successful or not, to the audit sink, and
 * a committed one's events to the relay for delivery after the commit.
 */
public final class AuditedWrites {

  /** A write command, bound to its arguments. */
  @FunctionalInterface
  public interface Write {
    /**
     * Runs the command.
     *
     * @return the committed outcome
     * @throws ScimException when the write fails
     */
    Outcome run() throws ScimException;
  }

  private final EventDispatcher events;
  private final OutboxRelay relay;
  private final Clock clock;

  /**
   * Creates the runner.
   *
   * @param events the audit sink and listeners
   * @param relay delivers committed events
   * @param clock the time of audit records
   */
  public AuditedWrites(EventDispatcher events, OutboxRelay relay, Clock clock) {
    this.events = events;
    this.relay = relay;
    this.clock = clock;
  }

  /**
   * Runs a write, audits it and hands its events to the relay.
   *
   * @param session the request's session
   * @param support the kind written
   * @param operation the write
   * @param id the resource, or {@code null} for a create
   * @param successStatus the HTTP status of success
   * @param write the command
   * @return the resource as it now is, or {@code null} after a delete
   * @throws ScimException what the command throws
   */
  public ResourceView run(
      Session session, ResourceSupport support, WriteOperation operation, String id, int successStatus, Write write)
      throws ScimException {
    Outcome outcome;
    try {
      outcome = write.run();
    } catch (ScimException e) {
      audit(session, support, operation, id, e.getScimError().getStatus());
      throw e;
    } catch (RuntimeException e) {
      audit(session, support, operation, id, 500);
      throw e;
    }
    audit(session, support, operation, outcome.record() == null ? id : outcome.record().id(), successStatus);
    relay.afterCommit(session.stores(), outcome.events(), outcome.recorded());
    return outcome.record() == null ? null : support.view(outcome.record());
  }

  private void audit(Session session, ResourceSupport support, WriteOperation operation, String id, int status) {
    events.audit(new AuditRecord(
        clock.instant(),
        session.context().tenantId(),
        session.context().principal(),
        session.context().correlationId(),
        support.kind(),
        operation,
        Optional.ofNullable(id),
        status));
  }
}
