package io.github.scimkit.core.event;

/**
 * Receives lifecycle events after the change committed, each resource's events in order.
 *
 * <p>When the tenant's store keeps an {@link io.github.scimkit.core.store.EventOutbox outbox} (the
 * JDBC stores and the in-memory store do), delivery is at least once: an event is retried with
 * back-off until every listener returned without throwing, and is delivered after a restart if
 * the process died first, so a listener must tolerate seeing an event again ({@link
 * EventDelivery#eventId()} is stable). Without an outbox, an event is delivered once, in the
 * request's thread, and a listener that throws is only logged.
 */
@FunctionalInterface
public interface LifecycleListener {

  /**
   * Handles one event.
   *
   * @param event the event
   */
  void onEvent(LifecycleEvent event);

  /**
   * Handles one delivery attempt; by default passes the event to {@link #onEvent}. Override it to
   * use the event id or the attempt number.
   *
   * @param delivery the attempt
   */
  default void onDelivery(EventDelivery delivery) {
    onEvent(delivery.event());
  }
}
