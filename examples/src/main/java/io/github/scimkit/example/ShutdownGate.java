package io.github.scimkit.example;

import io.github.scimkit.core.event.WriteHook;
import io.github.scimkit.core.store.StoreUnavailableException;

/**
 * Refuses the writes of requests that outlast the shutdown grace. Once {@link #close()}d, a write
 * that reaches the store (after the host's own hook ran) fails with a {@link
 * StoreUnavailableException}: its unit of work rolls back, and the client is answered 503 with a
 * fixed detail. A write that got past the gate before it closed commits and is answered as usual,
 * the database staying open until it has.
 */
final class ShutdownGate {

  private volatile boolean closed;

  /** Wraps a hook so that a write after {@link #close()} fails after the hook, before the store. */
  WriteHook guard(WriteHook hook) {
    return write -> {
      var attributes = hook.beforeWrite(write);
      if (closed) {
        throw new StoreUnavailableException("The server is shutting down; nothing was changed",
            new IllegalStateException("Write refused after the shutdown grace"));
      }
      return attributes;
    };
  }

  /** Refuses every write from now on. */
  void close() {
    closed = true;
  }
}
