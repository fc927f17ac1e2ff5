package io.github.scimkit.core.event;

import java.util.Objects;

/**
 * One delivery attempt of a lifecycle event.
 *
 * @param eventId the event's stable id: the same on every attempt and after a restart, so that a
 *     listener can skip an event it already handled; without an outbox, a fresh id per event
 * @param attempt 1 for the first attempt, more for retries
 * @param event the event
 */
public record EventDelivery(String eventId, int attempt, LifecycleEvent event) {

  /** Checks the fields. */
  public EventDelivery {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(event, "event");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1: " + attempt);
    }
  }
}
