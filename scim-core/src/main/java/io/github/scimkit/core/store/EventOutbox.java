package io.github.scimkit.core.store;

import com.unboundid.scim2.common.exceptions.ScimException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's transactional outbox: the lifecycle events of a change are appended in the change's
 * own unit of work, so they commit or vanish with it, and stay until the engine has delivered
 * them. A durable store keeps them across a restart; the in-memory store keeps them only in
 * memory.
 *
 * <p>The outbox does not deliver anything, interpret payloads or decide on retries: the engine
 * does. It keeps plain {@link OutboxEvent} rows, one tenant's only.
 */
public interface EventOutbox {

  /**
   * Appends events, in order, inside the unit of work running on the calling thread. Each gets a
   * sequence greater than any the tenant's outbox holds.
   *
   * @param events the events, with sequence 0
   * @throws ScimException when the store fails; the unit of work then rolls back
   */
  void append(List<OutboxEvent> events) throws ScimException;

  /**
   * Returns the tenant's undelivered events that have not been parked, lowest sequence first.
   *
   * @param limit the most to return, at least 1
   * @return the events
   * @throws ScimException when the store fails
   */
  List<OutboxEvent> pending(int limit) throws ScimException;

  /**
   * Removes a delivered event. Removing one already gone does nothing.
   *
   * @param sequence the event's sequence
   * @throws ScimException when the store fails
   */
  void delivered(long sequence) throws ScimException;

  /**
   * Records a failed delivery attempt.
   *
   * @param sequence the event's sequence
   * @param attempts the failed attempts so far
   * @param nextAttemptAt when to try again, or empty to park the event: it stays for an operator
   *     to see and is no longer {@link #pending pending}
   * @throws ScimException when the store fails
   */
  void failed(long sequence, int attempts, Optional<Instant> nextAttemptAt) throws ScimException;
}
