package io.github.scimkit.example;

import io.github.scimkit.core.event.EventDelivery;
import io.github.scimkit.core.event.LifecycleEvent;
import io.github.scimkit.core.event.LifecycleListener;
import io.github.scimkit.core.event.WriteHook;
import java.time.Duration;
import java.util.Optional;

/**
 * Faults the example's crash and shutdown tests switch on with system properties; unset (always,
 * outside those tests) they change nothing.
 *
 * <ul>
 *   <li>{@value #HALT_AFTER_COMMIT}{@code =UserCreated} stops the JVM at once ({@link
 *       Runtime#halt}) on the first delivery of an event of that type: after its change committed,
 *       before any listener handled it;
 *   <li>{@value #SLOW_WRITES}{@code =MILLIS} makes every SCIM write print {@code SLOW_WRITE=started}
 *       on standard output, then wait that long inside its unit of work, so that a test can stop
 *       the server while the write is in flight;
 *   <li>{@value #SHUTDOWN_GRACE}{@code =MILLIS} replaces {@link ExampleServer#SHUTDOWN_GRACE}, so
 *       that a test can outlast the grace with a slow write.
 * </ul>
 */
final class TestHooks {

  static final String HALT_AFTER_COMMIT = "scimkit.example.test.haltAfterCommit";
  static final String SLOW_WRITES = "scimkit.example.test.slowWritesMillis";
  static final String SHUTDOWN_GRACE = "scimkit.example.test.shutdownGraceMillis";

  private TestHooks() {}

  /** Returns the halting listener, to run before every other, when {@value #HALT_AFTER_COMMIT} is set. */
  static Optional<LifecycleListener> haltAfterCommit() {
    String type = System.getProperty(HALT_AFTER_COMMIT);
    if (type == null) {
      return Optional.empty();
    }
    return Optional.of(new LifecycleListener() {
      @Override
      public void onEvent(LifecycleEvent event) {
        // Only deliveries matter: see onDelivery.
      }

      @Override
      public void onDelivery(EventDelivery delivery) {
        if (delivery.event().getClass().getSimpleName().equals(type)) {
          Runtime.getRuntime().halt(137);
        }
      }
    });
  }

  /** Returns the grace {@value #SHUTDOWN_GRACE} sets, else {@code normal}. */
  static Duration shutdownGrace(Duration normal) {
    String millis = System.getProperty(SHUTDOWN_GRACE);
    return millis == null ? normal : Duration.ofMillis(Long.parseLong(millis));
  }

  /** Wraps the hook in the slow one when {@value #SLOW_WRITES} is set. */
  static WriteHook slowWrites(WriteHook hook) {
    String millis = System.getProperty(SLOW_WRITES);
    if (millis == null) {
      return hook;
    }
    long wait = Long.parseLong(millis);
    return write -> {
      System.out.println("SLOW_WRITE=started");
      System.out.flush();
      try {
        Thread.sleep(wait); // simulates slow host work inside the unit of work
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return hook.beforeWrite(write);
    };
  }
}
