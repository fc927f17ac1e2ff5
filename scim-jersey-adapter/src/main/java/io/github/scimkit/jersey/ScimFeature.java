package io.github.scimkit.jersey;

import io.github.scimkit.core.engine.ScimEngine;
import io.github.scimkit.jersey.auth.BearerAuthenticator;
import io.github.scimkit.jersey.internal.AdapterSettings;
import io.github.scimkit.jersey.internal.ScimResourceModel;
import io.github.scimkit.jersey.internal.ScimResponseFilter;
import io.github.scimkit.jersey.internal.ScimRuntime;
import io.github.scimkit.jersey.metrics.MicrometerRequestMetrics;
import io.github.scimkit.jersey.metrics.RequestMetrics;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.util.Objects;
import java.util.Optional;

/**
 * The SCIM 2.0 endpoints of a {@link ScimEngine}, as one Jersey feature a host registers in a
 * line:
 *
 * <pre>{@code
 * resourceConfig.register(ScimFeature.builder(engine, new ApiKeyAuthenticator(apiKeys))
 *     .basePath("scim/v2/{tenant}")
 *     .build());
 * }</pre>
 *
 * <p>With a {@code {tenant}} segment in the base path, a token must belong to the tenant the path
 * names; without one (a single-tenant host), the token picks the tenant. The feature adds
 * /Users, /Groups (with {@code .search}), /GroupMembers (unless {@link
 * io.github.scimkit.core.config.EngineConfig#groupMembers()} is off), /ServiceProviderConfig,
 * /ResourceTypes and /Schemas
 * under the base path, and an unauthenticated {@code health} endpoint under the base path less
 * its tenant segment. It needs no CDI and registers no global JSON provider.
 */
public final class ScimFeature implements Feature {

  private final ScimRuntime runtime;

  private ScimFeature(ScimRuntime runtime) {
    this.runtime = runtime;
  }

  /**
   * Returns a builder.
   *
   * @param engine the engine the endpoints call
   * @param authenticator resolves bearer tokens to clients and tenants
   * @return the builder
   */
  public static Builder builder(ScimEngine engine, BearerAuthenticator authenticator) {
    return new Builder(engine, authenticator);
  }

  @Override
  public boolean configure(FeatureContext context) {
    context.register(new ScimResourceModel(runtime));
    context.register(new ScimResponseFilter(runtime.settings()));
    return true;
  }

  /** Builds a {@link ScimFeature}. */
  public static final class Builder {
    private final ScimEngine engine;
    private final BearerAuthenticator authenticator;
    private String basePath = "scim/v2";
    private long maxBodyBytes = 1024 * 1024;
    private int maxJsonDepth = 32;
    private double requestsPerSecond = 100;
    private double burst = 200;
    private int maxInFlightPerTenant = 16;
    private RequestMetrics metrics = RequestMetrics.NONE;
    private String documentationUri;

    private Builder(ScimEngine engine, BearerAuthenticator authenticator) {
      this.engine = Objects.requireNonNull(engine, "engine");
      this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    }

    /**
     * Sets the path of the endpoints under the application root (default {@code scim/v2}); a
     * {@code {tenant}} segment routes by tenant, as in {@code scim/v2/{tenant}}.
     *
     * @param value the base path
     * @return this builder
     */
    public Builder basePath(String value) {
      this.basePath = Objects.requireNonNull(value, "basePath").replaceAll("^/+|/+$", "");
      return this;
    }

    /**
     * Sets the largest request body accepted (default 1 MiB); larger ones get 413.
     *
     * @param value the size in bytes
     * @return this builder
     */
    public Builder maxBodyBytes(long value) {
      this.maxBodyBytes = value;
      return this;
    }

    /**
     * Sets the deepest JSON nesting accepted (default 32); deeper bodies get 400.
     *
     * @param value the depth
     * @return this builder
     */
    public Builder maxJsonDepth(int value) {
      this.maxJsonDepth = value;
      return this;
    }

    /**
     * Sets the request rate each tenant may sustain and its burst (default 100 a second, bursts of
     * 200); more gets 429 with Retry-After. A rate of 0 turns limiting off.
     *
     * @param perSecond the sustained rate
     * @param maxBurst the largest burst
     * @return this builder
     */
    public Builder rateLimit(double perSecond, double maxBurst) {
      this.requestsPerSecond = perSecond;
      this.burst = maxBurst;
      return this;
    }

    /**
     * Sets how many requests of one tenant may be in progress at once (default 16); one more gets
     * 429 with {@code Retry-After: 1} at once, while other tenants are served. Keep it below the
     * container's worker threads, so that one tenant cannot hold them all. A response body that
     * streams after its handler returned (a list page) no longer counts. 0 turns the limit off.
     *
     * @param value the limit
     * @return this builder
     */
    public Builder maxInFlightPerTenant(int value) {
      this.maxInFlightPerTenant = value;
      return this;
    }

    /**
     * Sets where requests are recorded (default nowhere), for example {@link
     * MicrometerRequestMetrics}.
     *
     * @param value the recorder
     * @return this builder
     */
    public Builder metrics(RequestMetrics value) {
      this.metrics = Objects.requireNonNull(value, "metrics");
      return this;
    }

    /**
     * Sets the documentation address ServiceProviderConfig advertises.
     *
     * @param value the address
     * @return this builder
     */
    public Builder documentationUri(String value) {
      this.documentationUri = value;
      return this;
    }

    /**
     * Returns the feature.
     *
     * @return the feature
     */
    public ScimFeature build() {
      AdapterSettings settings = new AdapterSettings(
          basePath, maxBodyBytes, maxJsonDepth, requestsPerSecond, burst, maxInFlightPerTenant,
          Optional.ofNullable(documentationUri));
      return new ScimFeature(new ScimRuntime(engine, authenticator, settings, metrics));
    }
  }
}
