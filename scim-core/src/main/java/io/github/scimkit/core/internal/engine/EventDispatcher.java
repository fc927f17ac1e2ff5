package io.github.scimkit.core.internal.engine;

import io.github.scimkit.core.event.AuditRecord;
import io.github.scimkit.core.event.AuditSink;
import io.github.scimkit.core.event.LifecycleEvent;
import io.github.scimkit.core.event.LifecycleListener;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands committed events to the listeners, in order, and audit records to the sink. A listener or
 * sink that throws is logged with the correlation id and never undoes the change.
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
   * Delivers events to every listener, each event to all listeners before the next event.
   *
   * @param events the events, in the order they happened
   */
  public void publish(List<LifecycleEvent> events) {
    for (LifecycleEvent event : events) {
      for (LifecycleListener listener : listeners) {
        try {
          listener.onEvent(event);
        } catch (RuntimeException e) {
          LOG.error("Lifecycle listener {} failed on {} (correlationId={}); the change stands",
              listener.getClass().getName(), event.getClass().getSimpleName(), event.correlationId(), e);
        }
      }
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
