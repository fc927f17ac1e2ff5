package io.github.scimkit.jersey.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;

/**
 * Records requests to a Micrometer registry: the timer {@code scimkit.requests} (tags {@code
 * tenant}, {@code resource}, {@code method}, {@code status}) and the counter {@code
 * scimkit.store.errors} (tag {@code tenant}). Only this class touches Micrometer, so a host
 * without it on the class path simply never uses it.
 */
public final class MicrometerRequestMetrics implements RequestMetrics {

  private final MeterRegistry registry;

  /**
   * Creates the recorder.
   *
   * @param registry the registry to record to
   */
  public MicrometerRequestMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public void request(String tenant, String resourceType, String method, int status, Duration latency) {
    Timer.builder("scimkit.requests")
        .description("SCIM requests served")
        .tag("tenant", tenant)
        .tag("resource", resourceType)
        .tag("method", method)
        .tag("status", Integer.toString(status))
        .register(registry)
        .record(latency);
  }

  @Override
  public void storeError(String tenant) {
    Counter.builder("scimkit.store.errors").tag("tenant", tenant).register(registry).increment();
  }
}
