package io.github.scimkit.core.event;

/**
 * Receives lifecycle events synchronously, in order, after the change committed. A listener that
 * throws is logged with the request's correlation id; the change stands and later listeners still
 * run.
 */
@FunctionalInterface
public interface LifecycleListener {

  /**
   * Handles one event.
   *
   * @param event the event
   */
  void onEvent(LifecycleEvent event);
}
