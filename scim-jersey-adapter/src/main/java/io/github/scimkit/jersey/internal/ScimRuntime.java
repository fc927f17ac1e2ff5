package io.github.scimkit.jersey.internal;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.exceptions.UnauthorizedException;
import io.github.scimkit.core.engine.ScimEngine;
import io.github.scimkit.core.tenant.TenantSettings;
import io.github.scimkit.jersey.metrics.RequestMetrics;
import io.github.scimkit.jersey.auth.AuthenticatedClient;
import io.github.scimkit.jersey.auth.BearerAuthenticator;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/** Everything the endpoints share: the engine, authentication, JSON, errors, limits, metrics. */
public final class ScimRuntime {

  private static final String BEARER = "bearer ";

  private final ScimEngine engine;
  private final BearerAuthenticator authenticator;
  private final AdapterSettings settings;
  private final ScimJson json;
  private final ErrorResponses errors;
  private final TenantRateLimiter rateLimiter;
  private final TenantInFlightLimit inFlight;
  private final RequestMetrics metrics;

  /**
   * Creates the runtime.
   *
   * @param engine the engine
   * @param authenticator the bearer-token authenticator
   * @param settings the adapter's settings
   * @param metrics where requests are recorded
   */
  public ScimRuntime(ScimEngine engine, BearerAuthenticator authenticator, AdapterSettings settings, RequestMetrics metrics) {
    this.engine = engine;
    this.authenticator = authenticator;
    this.settings = settings;
    this.json = new ScimJson(settings.maxBodyBytes(), settings.maxJsonDepth());
    this.errors = new ErrorResponses();
    this.rateLimiter = new TenantRateLimiter(settings.requestsPerSecond(), settings.burst(), Clock.systemUTC());
    this.inFlight = new TenantInFlightLimit(settings.maxInFlightPerTenant());
    this.metrics = metrics;
  }

  /**
   * Returns the engine.
   *
   * @return the engine
   */
  public ScimEngine engine() {
    return engine;
  }

  /**
   * Returns the settings.
   *
   * @return the settings
   */
  public AdapterSettings settings() {
    return settings;
  }

  /**
   * Returns the JSON reader and writer.
   *
   * @return the JSON support
   */
  public ScimJson json() {
    return json;
  }

  /**
   * Returns the error renderer.
   *
   * @return the renderer
   */
  public ErrorResponses errors() {
    return errors;
  }

  /**
   * Returns where requests are recorded.
   *
   * @return the metrics
   */
  public RequestMetrics metrics() {
    return metrics;
  }

  /**
   * Takes a rate-limit token for a tenant.
   *
   * @param tenantId the tenant
   * @return 0 when allowed, else the seconds to wait
   */
  public long acquire(String tenantId) {
    return rateLimiter.acquire(tenantId);
  }

  /**
   * Returns the per-tenant limit of requests in progress.
   *
   * @return the limit
   */
  public TenantInFlightLimit inFlight() {
    return inFlight;
  }

  /**
   * Authenticates a request. A missing, malformed or unknown token, a token of another tenant than
   * the path names, an unknown tenant and a tenant whose SCIM is disabled all fail the same way,
   * so that nothing tells whether a tenant exists.
   *
   * @param request the request
   * @return the client
   * @throws ScimException 401 on any failure, or the store's failure
   */
  public AuthenticatedClient authenticate(ContainerRequestContext request) throws ScimException {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || header.length() <= BEARER.length()
        || !header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
      throw unauthorized();
    }
    Optional<AuthenticatedClient> client = authenticator.authenticate(header.substring(BEARER.length()).trim());
    if (client.isEmpty()) {
      throw unauthorized();
    }
    String tenant = client.get().tenantId();
    if (settings.tenantInPath()
        && !tenant.equals(request.getUriInfo().getPathParameters().getFirst(AdapterSettings.TENANT_PARAMETER))) {
      throw unauthorized();
    }
    Optional<TenantSettings> tenantSettings = engine.settings(tenant);
    if (tenantSettings.isEmpty() || !tenantSettings.get().scimEnabled()) {
      throw unauthorized();
    }
    return client.get();
  }

  private static UnauthorizedException unauthorized() {
    return new UnauthorizedException("A valid bearer token for this SCIM endpoint is required");
  }
}
