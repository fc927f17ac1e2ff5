package io.github.scimkit.core.store.memory;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.EventOutbox;
import io.github.scimkit.core.store.OutboxEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One tenant's outbox in memory, under the tenant's lock: an append joins the running unit of
 * work and is undone with it. Nothing survives the process, and a parked event is dropped (the
 * engine logged it).
 */
final class InMemoryEventOutbox implements EventOutbox {

  private final TenantLock lock;
  private final TreeMap<Long, OutboxEvent> pending = new TreeMap<>();
  private long lastSequence;

  InMemoryEventOutbox(TenantLock lock) {
    this.lock = lock;
  }

  @Override
  public void append(List<OutboxEvent> events) throws ScimException {
    List.copyOf(events).forEach(event -> Objects.requireNonNull(event, "event"));
    lock.write(undo -> {
      for (OutboxEvent event : events) {
        long sequence = ++lastSequence;
        pending.put(sequence, event.withSequence(sequence));
        undo.record(() -> pending.remove(sequence));
      }
      return null;
    });
  }

  @Override
  public List<OutboxEvent> pending(int limit) throws ScimException {
    return lock.read(() -> pending.values().stream().limit(limit).toList());
  }

  @Override
  public void delivered(long sequence) throws ScimException {
    lock.write(undo -> pending.remove(sequence));
  }

  @Override
  public void failed(long sequence, int attempts, Optional<Instant> nextAttemptAt) throws ScimException {
    lock.write(undo -> {
      OutboxEvent event = pending.remove(sequence);
      if (event != null && nextAttemptAt.isPresent()) {
        pending.put(sequence, new OutboxEvent(sequence, event.eventId(), event.tenantId(), event.resourceId(),
            event.type(), event.payload(), event.occurredAt(), attempts, nextAttemptAt.get()));
      }
      return null;
    });
  }
}
