package io.github.scimkit.core.internal.engine;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.config.OutboxRetry;
import io.github.scimkit.core.event.EventDelivery;
import io.github.scimkit.core.event.LifecycleEvent;
import io.github.scimkit.core.store.EventOutbox;
import io.github.scimkit.core.store.OutboxEvent;
import io.github.scimkit.core.store.StoreProvider;
import io.github.scimkit.core.store.TenantStores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves lifecycle events from each tenant's outbox to the listeners: records a change's events in
 * its unit of work, delivers them after commit in the request's thread, retries failures with
 * back-off on a scheduler it owns, and delivers what a crashed process left behind when the engine
 * starts. Each tenant's outbox is drained by one thread at a time, lowest sequence first, and a
 * resource whose event waits for a retry gets none of its later events until that one is through,
 * so every resource sees its events in order. A tenant without an outbox gets its events in
 * process, once.
 */
public final class OutboxRelay implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
  private static final int BATCH = 500;

  private final StoreProvider provider;
  private final EventDispatcher dispatcher;
  private final OutboxRetry retry;
  private final Clock clock;
  private final ConcurrentMap<String, ReentrantLock> drains = new ConcurrentHashMap<>();
  private final ScheduledThreadPoolExecutor scheduler;

  /**
   * Creates a relay; its scheduler thread starts only when there is something to retry.
   *
   * @param provider the stores, to find tenants with undelivered events
   * @param dispatcher the listeners
   * @param retry the retry policy
   * @param clock the clock that times retries (the real one: a host's fixed test clock never moves)
   */
  public OutboxRelay(StoreProvider provider, EventDispatcher dispatcher, OutboxRetry retry, Clock clock) {
    this.provider = provider;
    this.dispatcher = dispatcher;
    this.retry = retry;
    this.clock = clock;
    this.scheduler = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "scimkit-outbox");
      thread.setDaemon(true);
      return thread;
    });
    scheduler.setKeepAliveTime(2, TimeUnit.SECONDS);
    scheduler.allowCoreThreadTimeOut(true);
    scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /**
   * Records a change's events in its tenant's outbox, inside the change's unit of work.
   *
   * @param stores the tenant's stores, bound to the unit of work
   * @param events the events, in order
   * @return whether the events went to an outbox; false without an outbox or without listeners
   *     (nothing would read them), and the events are then published in process
   * @throws ScimException when the outbox fails; the unit of work then rolls back
   */
  public boolean record(TenantStores stores, List<LifecycleEvent> events) throws ScimException {
    Optional<EventOutbox> outbox = stores.outbox();
    if (outbox.isEmpty() || !dispatcher.hasListeners()) {
      return false;
    }
    if (!events.isEmpty()) {
      outbox.get().append(events.stream()
          .map(event -> new OutboxEvent(0, UUID.randomUUID().toString(), event.tenantId(), event.resourceId(),
              EventCodec.type(event), EventCodec.encode(event), event.occurredAt(), 0, clock.instant()))
          .toList());
    }
    return true;
  }

  /**
   * Delivers a committed change's events: from the outbox when they were recorded there, else in
   * process.
   *
   * @param stores the tenant's stores
   * @param events the events
   * @param recorded what {@link #record} answered
   */
  public void afterCommit(TenantStores stores, List<LifecycleEvent> events, boolean recorded) {
    if (!recorded) {
      dispatcher.publish(events);
    } else if (!events.isEmpty()) {
      drain(stores);
    }
  }

  /** Starts delivering, on the scheduler, the events a previous process left undelivered. */
  public void recoverInBackground() {
    submit(this::recover, Duration.ZERO);
  }

  private void recover() {
    try {
      for (String tenantId : provider.tenantsWithPendingEvents()) {
        provider.tenant(tenantId).ifPresent(this::drain);
      }
    } catch (ScimException | RuntimeException e) {
      LOG.warn("Could not look for undelivered lifecycle events; trying again in {}", retry.first(), e);
      submit(this::recover, retry.first());
    }
  }

  /** Delivers every due event of a tenant, one drain per tenant at a time. */
  private void drain(TenantStores stores) {
    Optional<EventOutbox> outbox = stores.outbox();
    if (outbox.isEmpty()) {
      return;
    }
    ReentrantLock lock = drains.computeIfAbsent(stores.tenantId(), tenant -> new ReentrantLock());
    lock.lock();
    try {
      Optional<Instant> next = pass(outbox.get());
      next.ifPresent(at -> submit(() -> drain(stores), Duration.between(clock.instant(), at)));
    } catch (ScimException | RuntimeException e) {
      LOG.warn("Could not deliver the lifecycle events of tenant {}; trying again in {}", stores.tenantId(),
          retry.first(), e);
      submit(() -> drain(stores), retry.first());
    } finally {
      lock.unlock();
    }
  }

  /** Delivers the due events in order; returns when the earliest one left waiting is due. */
  private Optional<Instant> pass(EventOutbox outbox) throws ScimException {
    Instant now = clock.instant();
    Set<String> waiting = new HashSet<>();
    Instant earliest = null;
    for (OutboxEvent event : outbox.pending(BATCH)) {
      if (waiting.contains(event.resourceId())) {
        continue;
      }
      if (event.nextAttemptAt().isAfter(now)) {
        waiting.add(event.resourceId());
        earliest = earliest == null || event.nextAttemptAt().isBefore(earliest) ? event.nextAttemptAt() : earliest;
        continue;
      }
      Optional<Instant> retryAt = deliver(outbox, event);
      if (retryAt.isPresent()) {
        waiting.add(event.resourceId());
        earliest = earliest == null || retryAt.get().isBefore(earliest) ? retryAt.get() : earliest;
      }
    }
    return Optional.ofNullable(earliest);
  }

  /** Delivers one event; returns when to retry it, empty when it was delivered or parked. */
  private Optional<Instant> deliver(EventOutbox outbox, OutboxEvent event) throws ScimException {
    int attempt = event.attempts() + 1;
    try {
      dispatcher.deliver(new EventDelivery(event.eventId(), attempt, EventCodec.decode(event.payload())));
      outbox.delivered(event.sequence());
      return Optional.empty();
    } catch (RuntimeException e) {
      if (attempt >= retry.attempts()) {
        LOG.error("Lifecycle event {} ({} of {} in tenant {}) failed {} times; parked in the outbox", event.eventId(),
            event.type(), event.resourceId(), event.tenantId(), attempt, e);
        outbox.failed(event.sequence(), attempt, Optional.empty());
        return Optional.empty();
      }
      Instant next = clock.instant().plus(retry.delayAfter(attempt));
      LOG.warn("Lifecycle event {} ({} of {} in tenant {}) failed on attempt {}; retrying at {}", event.eventId(),
          event.type(), event.resourceId(), event.tenantId(), attempt, next, e);
      outbox.failed(event.sequence(), attempt, Optional.of(next));
      return Optional.of(next);
    }
  }

  private void submit(Runnable task, Duration delay) {
    try {
      scheduler.schedule(task, Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      LOG.info("Engine closed; undelivered lifecycle events stay in the outbox for the next start");
    }
  }

  /**
   * Stops the scheduler: a running delivery may finish (for up to 10 seconds), scheduled retries
   * are dropped and stay in the outbox for the next start.
   */
  @Override
  public void close() {
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
        scheduler.shutdownNow();
      }
    } catch (InterruptedException e) {
      scheduler.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
