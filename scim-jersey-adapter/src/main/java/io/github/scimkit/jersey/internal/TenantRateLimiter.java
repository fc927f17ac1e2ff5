package io.github.scimkit.jersey.internal;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A token bucket per tenant: {@code perSecond} requests a second on average, bursts up to {@code
 * burst}. A refused request learns how many seconds to wait.
 */
public final class TenantRateLimiter {

  private final double perSecond;
  private final double burst;
  private final Clock clock;
  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * Creates a limiter.
   *
   * @param perSecond the sustained rate per tenant; 0 or less turns limiting off
   * @param burst the largest burst per tenant
   * @param clock the time source
   */
  public TenantRateLimiter(double perSecond, double burst, Clock clock) {
    this.perSecond = perSecond;
    this.burst = Math.max(1, burst);
    this.clock = clock;
  }

  /**
   * Takes one token for a tenant.
   *
   * @param tenant the tenant
   * @return 0 when allowed, else the whole seconds to wait before trying again
   */
  public long acquire(String tenant) {
    if (perSecond <= 0) {
      return 0;
    }
    Bucket bucket = buckets.computeIfAbsent(tenant, t -> new Bucket(burst, clock.millis()));
    synchronized (bucket) {
      long now = clock.millis();
      bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updatedAt) / 1000.0 * perSecond);
      bucket.updatedAt = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - bucket.tokens) / perSecond);
    }
  }

  private static final class Bucket {
    private double tokens;
    private long updatedAt;

    private Bucket(double tokens, long updatedAt) {
      this.tokens = tokens;
      this.updatedAt = updatedAt;
    }
  }
}
