package io.github.scimkit.spring.boot;

import io.github.scimkit.core.engine.ScimEngine;
import java.util.Objects;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * UP when ScimKit's store answers a tenant look-up, DOWN with {@code store: unavailable} when it
 * fails. It reads no tenant's data: the probe tenant id names no tenant.
 */
public final class ScimHealthIndicator extends AbstractHealthIndicator {

  private static final String PROBE_TENANT = "scimkit-health-probe";

  private final ScimEngine engine;

  /**
   * Creates the indicator.
   *
   * @param engine the engine whose store is probed
   */
  public ScimHealthIndicator(ScimEngine engine) {
    super("ScimKit health check failed");
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    try {
      engine.settings(PROBE_TENANT);
      builder.up().withDetail("store", "UP");
    } catch (Exception e) {
      builder.down().withDetail("store", "unavailable");
    }
  }
}
