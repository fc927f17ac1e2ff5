package io.github.scimkit.jersey.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts each tenant's requests in progress and refuses one more above a limit, so that one
 * tenant cannot hold every worker thread while the others wait. It does not queue: a refused
 * request is answered at once (429). Only authenticated tenants are counted, so the map holds at
 * most one counter per tenant.
 */
public final class TenantInFlightLimit {

  private final int limit;
  private final ConcurrentMap<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

  /**
   * Creates the limit.
   *
   * @param limit the most requests of one tenant in progress at once; 0 or less turns it off
   */
  public TenantInFlightLimit(int limit) {
    this.limit = limit;
  }

  /**
   * Counts a request in, unless its tenant is at the limit. Every {@code true} must be matched by
   * one {@link #exit}.
   *
   * @param tenant the tenant
   * @return whether the request may proceed
   */
  public boolean tryEnter(String tenant) {
    if (limit <= 0) {
      return true;
    }
    AtomicInteger count = inFlight.computeIfAbsent(tenant, t -> new AtomicInteger());
    if (count.incrementAndGet() > limit) {
      count.decrementAndGet();
      return false;
    }
    return true;
  }

  /**
   * Counts a request out.
   *
   * @param tenant the tenant whose {@link #tryEnter} returned {@code true}
   */
  public void exit(String tenant) {
    if (limit > 0) {
      inFlight.get(tenant).decrementAndGet();
    }
  }
}
