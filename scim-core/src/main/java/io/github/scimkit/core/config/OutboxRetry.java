package io.github.scimkit.core.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How the engine retries a lifecycle event whose listener failed: after {@code first}, then twice
 * as long each time up to {@code longest}, for at most {@code attempts} attempts in all; an event
 * still failing then is parked in the outbox and logged at ERROR.
 *
 * @param first the wait after the first failed attempt
 * @param longest the longest wait between attempts
 * @param attempts the most attempts, the first included
 */
public record OutboxRetry(Duration first, Duration longest, int attempts) {

  /** Checks the fields. */
  public OutboxRetry {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(longest, "longest");
    if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0 || attempts < 1) {
      throw new IllegalArgumentException("Need 0 < first <= longest and at least 1 attempt");
    }
  }

  /**
   * Returns the defaults: 1 second, doubling up to 5 minutes, 12 attempts (about 20 minutes).
   *
   * @return the defaults
   */
  public static OutboxRetry defaults() {
    return new OutboxRetry(Duration.ofSeconds(1), Duration.ofMinutes(5), 12);
  }

  /**
   * Returns the wait after a number of failed attempts.
   *
   * @param failed the failed attempts so far, at least 1
   * @return the wait before the next attempt
   */
  public Duration delayAfter(int failed) {
    Duration delay = first;
    for (int i = 1; i < failed && delay.compareTo(longest) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(longest) > 0 ? longest : delay;
  }
}
