package io.github.scimkit.core.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One lifecycle event kept in a tenant's {@link EventOutbox} until its listeners have handled it.
 * The store keeps the fields as given and never reads {@code payload}, which the engine encodes.
 *
 * @param sequence the store-assigned position, increasing in commit order for one resource; 0
 *     before the event is appended
 * @param eventId a stable id, the same on every delivery attempt, for listeners' idempotency
 * @param tenantId the tenant
 * @param resourceId the user or group the event is about; events of one resource are delivered in
 *     sequence order
 * @param type the event's kind, for operators reading the table ({@code UserCreated}, say)
 * @param payload the encoded event, opaque to the store
 * @param occurredAt when the change was made
 * @param attempts how many delivery attempts failed so far
 * @param nextAttemptAt when the next attempt is due
 */
public record OutboxEvent(
    long sequence,
    String eventId,
    String tenantId,
    String resourceId,
    String type,
    String payload,
    Instant occurredAt,
    int attempts,
    Instant nextAttemptAt) {

  /** Checks the fields and keeps instants at millisecond precision, as the stores do. */
  public OutboxEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
    occurredAt = Objects.requireNonNull(occurredAt, "occurredAt").truncatedTo(ChronoUnit.MILLIS);
    nextAttemptAt = Objects.requireNonNull(nextAttemptAt, "nextAttemptAt").truncatedTo(ChronoUnit.MILLIS);
    if (sequence < 0 || attempts < 0) {
      throw new IllegalArgumentException("sequence and attempts must not be negative");
    }
  }

  /**
   * Returns a new event, not yet appended, due at once.
   *
   * @param eventId the stable id
   * @param tenantId the tenant
   * @param resourceId the resource
   * @param type the kind
   * @param payload the encoded event
   * @param occurredAt when the change was made
   * @return the event, with sequence 0 and no failed attempt
   */
  public static OutboxEvent fresh(
      String eventId, String tenantId, String resourceId, String type, String payload, Instant occurredAt) {
    return new OutboxEvent(0, eventId, tenantId, resourceId, type, payload, occurredAt, 0, occurredAt);
  }

  /**
   * Returns this event at a store-assigned position.
   *
   * @param position the sequence
   * @return the positioned event
   */
  public OutboxEvent withSequence(long position) {
    return new OutboxEvent(position, eventId, tenantId, resourceId, type, payload, occurredAt, attempts, nextAttemptAt);
  }
}
