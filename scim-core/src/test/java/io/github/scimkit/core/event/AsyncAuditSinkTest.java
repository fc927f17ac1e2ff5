package io.github.scimkit.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scimkit.core.resource.ResourceKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AsyncAuditSinkTest {

  private static AuditRecord record(int n) {
    return new AuditRecord(Instant.EPOCH, "t", "p", "c" + n, ResourceKind.USER, WriteOperation.CREATE,
        Optional.of("u" + n), 201);
  }

  /** A sink whose delivery of record c0 blocks until released, so the queue can be filled deterministically. */
  private static final class GatedSink implements AuditSink {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final List<String> delivered = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public void record(AuditRecord record) {
      threads.add(Thread.currentThread().getName());
      if (record.correlationId().equals("c0")) {
        entered.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      delivered.add(record.correlationId());
    }
  }

  @Test
  void recordsLeaveTheCallerThreadAndCloseDeliversEverythingQueued() throws Exception {
    GatedSink gated = new GatedSink();
    gated.release.countDown();
    AsyncAuditSink sink = AsyncAuditSink.start(gated, 100, AsyncAuditSink.Overflow.DROP);
    for (int i = 0; i < 50; i++) {
      sink.record(record(i));
    }
    sink.close();
    assertThat(gated.delivered).hasSize(50).startsWith("c0", "c1").endsWith("c49");
    assertThat(gated.threads).containsOnly("scimkit-audit");
    assertThat(sink.overflowed()).isZero();
  }

  @Test
  void aFullQueueUnderCallerRunsDeliversOnTheCallerAndCounts() throws Exception {
    GatedSink gated = new GatedSink();
    AsyncAuditSink sink = AsyncAuditSink.start(gated, 2, AsyncAuditSink.Overflow.CALLER_RUNS);
    sink.record(record(0));
    assertThat(gated.entered.await(30, TimeUnit.SECONDS)).isTrue();
    sink.record(record(1));
    sink.record(record(2));
    sink.record(record(3));
    assertThat(gated.delivered).containsExactly("c3");
    gated.release.countDown();
    sink.close();
    assertThat(gated.delivered).containsExactly("c3", "c0", "c1", "c2");
    assertThat(sink.overflowed()).isEqualTo(1);
    assertThat(sink.dropped()).isZero();
    assertThat(gated.threads).contains(Thread.currentThread().getName());
  }

  @Test
  void aFullQueueUnderDropCountsWhatItDrops() throws Exception {
    GatedSink gated = new GatedSink();
    AsyncAuditSink sink = AsyncAuditSink.start(gated, 1, AsyncAuditSink.Overflow.DROP);
    sink.record(record(0));
    assertThat(gated.entered.await(30, TimeUnit.SECONDS)).isTrue();
    sink.record(record(1));
    sink.record(record(2));
    sink.record(record(3));
    gated.release.countDown();
    sink.close();
    assertThat(gated.delivered).containsExactly("c0", "c1");
    assertThat(sink.overflowed()).isEqualTo(2);
    assertThat(sink.dropped()).isEqualTo(2);
  }

  @Test
  void overflowsAreReportedInAWarnLine() throws Exception {
    // slf4j-simple (the tests' backend) writes WARN lines to whatever System.err is at the time.
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    GatedSink gated = new GatedSink();
    AsyncAuditSink sink = AsyncAuditSink.start(gated, 1, AsyncAuditSink.Overflow.DROP);
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      sink.record(record(0));
      assertThat(gated.entered.await(30, TimeUnit.SECONDS)).isTrue();
      sink.record(record(1));
      sink.record(record(2));
      sink.record(record(3));
      gated.release.countDown();
      sink.close();
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("WARN scimkit.audit - audit queue full: 2 records overflowed since the last report "
        + "(2 in all, 2 dropped); policy DROP");
  }

  @Test
  void recordsAfterCloseAreDeliveredOnTheCaller() {
    GatedSink gated = new GatedSink();
    gated.release.countDown();
    AsyncAuditSink sink = AsyncAuditSink.start(gated, 4, AsyncAuditSink.Overflow.DROP);
    sink.close();
    sink.record(record(7));
    assertThat(gated.delivered).containsExactly("c7");
    assertThat(gated.threads).containsExactly(Thread.currentThread().getName());
  }
}
