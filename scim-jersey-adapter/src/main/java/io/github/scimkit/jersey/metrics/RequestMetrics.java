package io.github.scimkit.jersey.metrics;

import java.time.Duration;

/**
 * Where the adapter reports what it served. {@link #NONE} records nothing; {@link
 * MicrometerRequestMetrics} records to a Micrometer registry.
 */
public interface RequestMetrics {

  /** Records nothing. */
  RequestMetrics NONE = new RequestMetrics() {
    @Override
    public void request(String tenant, String resourceType, String method, int status, Duration latency) {}

    @Override
    public void storeError(String tenant) {}
  };

  /**
   * Records one request.
   *
   * @param tenant the tenant, or {@code none} before authentication
   * @param resourceType the SCIM endpoint, such as {@code Users}
   * @param method the HTTP method
   * @param status the response status
   * @param latency how long it took
   */
  void request(String tenant, String resourceType, String method, int status, Duration latency);

  /**
   * Records a failure of the store (a 503).
   *
   * @param tenant the tenant
   */
  void storeError(String tenant);
}
