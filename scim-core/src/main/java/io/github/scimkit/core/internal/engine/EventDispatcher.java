package io.github.scimkit.core.internal.engine;

import io.github.scimkit.core.event.AuditRecord;
import io.github.scimkit.core.event.AuditSink;
import io.github.scimkit.core.event.EventDelivery;
import io.github.scimkit.core.event.LifecycleEvent;
import io.github.scimkit.core.event.LifecycleListener;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands committed events to the listeners, in order, and audit records to the sink. A listener or
 * sink that throws never undoes the change.
 */
public final class EventDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

  private final List<LifecycleListener> listeners;
  private final AuditSink auditSink;

  /**
   * Creates a dispatcher.
   *
   * @param listeners the listeners, called in this order
   * @param auditSink the audit sink
   */
  public EventDispatcher(List<LifecycleListener> listeners, AuditSink auditSink) {
    this.listeners = List.copyOf(listeners);
    this.auditSink = auditSink;
  }

  /**
   * Tells whether any listener is registered.
   *
   * @return {@code true} when events have somewhere to go
   */
  public boolean hasListeners() {
    return !listeners.isEmpty();
  }

  /**
   * Delivers events once, in process, to every listener, each event to all listeners before the
   * next event; a listener that throws is logged.
   *
   * @param events the events, in the order they happened
   */
  public void publish(List<LifecycleEvent> events) {
    for (LifecycleEvent event : events) {
      try {
        deliver(new EventDelivery(UUID.randomUUID().toString(), 1, event));
      } catch (RuntimeException e) {
        LOG.error("Lifecycle listener failed on {} (correlationId={}); the change stands",
            event.getClass().getSimpleName(), event.correlationId(), e);
      }
    }
  }

  /**
   * Delivers one attempt to every listener, in order. Every listener runs even when one throws.
   *
   * @param delivery the attempt
   * @throws RuntimeException the first listener failure, once all listeners ran
   */
  public void deliver(EventDelivery delivery) {
    RuntimeException failure = null;
    for (LifecycleListener listener : listeners) {
      try {
        listener.onDelivery(delivery);
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * Hands an audit record to the sink.
   *
   * @param record the record
   */
  public void audit(AuditRecord record) {
    try {
      auditSink.record(record);
    } catch (RuntimeException e) {
      LOG.error("Audit sink failed (correlationId={})", record.correlationId(), e);
    }
  }
}
