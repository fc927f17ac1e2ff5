package io.github.scimkit.core.event;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An audit sink that takes records off the request thread: each record goes into a bounded queue
 * that one daemon thread drains into the wrapped sink, so a slow log never holds up a write.
 *
 * <p>When the queue is full the {@link Overflow} policy decides, and every overflow is counted
 * ({@link #overflowed()}, {@link #dropped()}) and reported in a WARN line on {@code
 * scimkit.audit} by the draining thread. {@link #close()} stops the thread after it has delivered
 * everything queued; records that arrive after close are delivered on the caller's thread. The
 * wrapped sink must be thread-safe, since callers deliver overflowing records ({@link
 * Overflow#CALLER_RUNS}) and records after close themselves; a sink that throws is logged and
 * the record counts as delivered.
 */
public final class AsyncAuditSink implements AuditSink, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("scimkit.audit");

  /** What happens to a record that finds the queue full. */
  public enum Overflow {
    /** The caller's thread delivers it (nothing is lost; that request waits for the sink). */
    CALLER_RUNS,
    /** It is dropped and counted (the request never waits; the WARN line says how many). */
    DROP
  }

  private final AuditSink delegate;
  private final BlockingQueue<AuditRecord> queue;
  private final Overflow overflow;
  private final Thread drainer;
  private final AtomicLong overflowed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean closed;
  private volatile long reported;

  private AsyncAuditSink(AuditSink delegate, int capacity, Overflow overflow) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.overflow = Objects.requireNonNull(overflow, "overflow");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.drainer = new Thread(this::drain, "scimkit-audit");
    this.drainer.setDaemon(true);
  }

  /**
   * Starts a sink and its draining thread.
   *
   * @param delegate the sink that writes the records, such as {@link LoggingAuditSink}
   * @param capacity how many records may wait, at least 1
   * @param overflow what to do with a record that finds the queue full
   * @return the running sink; close it on shutdown
   */
  public static AsyncAuditSink start(AuditSink delegate, int capacity, Overflow overflow) {
    AsyncAuditSink sink = new AsyncAuditSink(delegate, capacity, overflow);
    sink.drainer.start();
    return sink;
  }

  @Override
  public void record(AuditRecord record) {
    Objects.requireNonNull(record, "record");
    if (closed) {
      deliver(record);
      return;
    }
    if (queue.offer(record)) {
      if (closed) {
        // close() may have finished its final drain before this offer; deliver what is left.
        drainHere();
      }
      return;
    }
    overflowed.incrementAndGet();
    if (overflow == Overflow.CALLER_RUNS) {
      deliver(record);
    } else {
      dropped.incrementAndGet();
    }
  }

  /**
   * Returns how many records found the queue full since the start.
   *
   * @return the count
   */
  public long overflowed() {
    return overflowed.get();
  }

  /**
   * Returns how many records were dropped (only under {@link Overflow#DROP}).
   *
   * @return the count
   */
  public long dropped() {
    return dropped.get();
  }

  /**
   * Delivers every queued record, then stops the draining thread. Waits for it at most the given
   * time; whatever is still queued then is delivered on this thread.
   *
   * @param timeout the longest wait for the draining thread
   * @param unit the unit of the timeout
   */
  public void close(long timeout, TimeUnit unit) {
    closed = true;
    try {
      drainer.join(Math.max(1, unit.toMillis(timeout)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    drainHere();
    report();
  }

  /** Delivers every queued record and stops the draining thread, waiting up to 10 seconds for it. */
  @Override
  public void close() {
    close(10, TimeUnit.SECONDS);
  }

  private void drain() {
    while (!closed || !queue.isEmpty()) {
      AuditRecord record;
      try {
        record = queue.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (record != null) {
        deliver(record);
      }
      report();
    }
  }

  private void drainHere() {
    for (AuditRecord record = queue.poll(); record != null; record = queue.poll()) {
      deliver(record);
    }
  }

  /** Logs the overflows since the last report, if any. */
  private void report() {
    if (overflowed.get() != reported) {
      reportChange();
    }
  }

  private synchronized void reportChange() {
    long now = overflowed.get();
    if (now != reported) {
      LOG.warn("audit queue full: {} records overflowed since the last report ({} in all, {} dropped); policy {}",
          now - reported, now, dropped.get(), overflow);
      reported = now;
    }
  }

  private void deliver(AuditRecord record) {
    try {
      delegate.record(record);
    } catch (RuntimeException e) {
      LOG.error("Audit sink failed (correlationId={})", record.correlationId(), e);
    }
  }
}
