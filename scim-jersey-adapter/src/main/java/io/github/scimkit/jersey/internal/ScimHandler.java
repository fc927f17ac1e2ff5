package io.github.scimkit.jersey.internal;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.request.RequestContext;
import io.github.scimkit.core.store.StoreUnavailableException;
import io.github.scimkit.jersey.auth.AuthenticatedClient;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.glassfish.jersey.process.Inflector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps an endpoint with what every SCIM request gets: a correlation id, authentication, rate
 * limiting, wire checks, SCIM errors for every failure, one log line and metrics.
 */
public final class ScimHandler implements Inflector<ContainerRequestContext, Response> {

  private static final Logger LOG = LoggerFactory.getLogger("scimkit.http");
  private static final String CORRELATION_HEADER = "X-Correlation-Id";

  private final ScimRuntime runtime;
  private final String resourceType;
  private final Endpoint endpoint;

  /**
   * Creates the handler.
   *
   * @param runtime the adapter's shared parts
   * @param resourceType the endpoint's name for logs and metrics, such as {@code Users}
   * @param endpoint the operation
   */
  public ScimHandler(ScimRuntime runtime, String resourceType, Endpoint endpoint) {
    this.runtime = runtime;
    this.resourceType = resourceType;
    this.endpoint = endpoint;
  }

  @Override
  public Response apply(ContainerRequestContext http) {
    long start = System.nanoTime();
    String correlationId = UUID.randomUUID().toString();
    String tenant = "none";
    Response response;
    try {
      AuthenticatedClient client = runtime.authenticate(http);
      tenant = client.tenantId();
      long wait = runtime.acquire(tenant);
      if (wait > 0) {
        response = tooMany("Too many requests for this tenant", wait);
      } else if (!runtime.inFlight().tryEnter(tenant)) {
        response = tooMany("Too many requests of this tenant are in progress", 1);
      } else {
        try {
          checkWire(http);
          RequestContext context = new RequestContext(client.tenantId(), client.principal(), correlationId,
              Optional.ofNullable(http.getHeaderString(HttpHeaders.USER_AGENT)));
          response = endpoint.handle(ScimRequest.of(http, client, context, runtime));
        } finally {
          runtime.inFlight().exit(tenant);
        }
      }
    } catch (ScimException e) {
      if (e instanceof StoreUnavailableException) {
        // The cause stays in the log; the client gets the store's fixed sentence and the id to quote.
        LOG.error("Store unavailable (correlationId={})", correlationId, e);
        runtime.metrics().storeError(tenant);
        response = runtime.errors().of(503, null,
            e.getScimError().getDetail() + " (correlation id " + correlationId + ")");
      } else {
        response = runtime.errors().of(e);
      }
    } catch (RuntimeException e) {
      LOG.error("Unexpected failure (correlationId={})", correlationId, e);
      response = runtime.errors().of(500, null, "An unexpected error occurred; correlation id " + correlationId);
    }
    response = Response.fromResponse(response).header(CORRELATION_HEADER, correlationId).build();
    Duration latency = Duration.ofNanos(System.nanoTime() - start);
    LOG.info("request correlationId={} tenant={} method={} path=/{} status={} timeMs={}", correlationId, tenant,
        http.getMethod(), http.getUriInfo().getPath(), response.getStatus(), latency.toMillis());
    runtime.metrics().request(tenant, resourceType, http.getMethod(), response.getStatus(), latency);
    return response;
  }

  private Response tooMany(String detail, long retryAfterSeconds) {
    return Response.fromResponse(runtime.errors().of(429, null, detail))
        .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds)).build();
  }

  /** Rules every request follows, whatever its endpoint. */
  private static void checkWire(ContainerRequestContext http) throws ScimException {
    if (!HttpMethod.GET.equals(http.getMethod()) && http.getUriInfo().getQueryParameters().containsKey("filter")) {
      throw BadRequestException.invalidFilter("A filter belongs in the query of GET or the body of POST .search");
    }
    MediaType type = http.getMediaType();
    if (type != null && http.hasEntity() && !isJson(type)) {
      throw new ScimException(415, null, "Send application/scim+json or application/json, not " + type);
    }
  }

  private static boolean isJson(MediaType type) {
    return "application".equalsIgnoreCase(type.getType())
        && ("json".equalsIgnoreCase(type.getSubtype()) || "scim+json".equalsIgnoreCase(type.getSubtype()));
  }

  /**
   * Builds handlers for one resource type.
   *
   * @param runtime the adapter's shared parts
   * @param resourceType the endpoint's name
   * @return a factory of handlers
   */
  public static Function<Endpoint, ScimHandler> factory(ScimRuntime runtime, String resourceType) {
    return endpoint -> new ScimHandler(runtime, resourceType, endpoint);
  }
}
