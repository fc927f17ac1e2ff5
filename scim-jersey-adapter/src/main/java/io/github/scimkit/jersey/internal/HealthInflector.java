package io.github.scimkit.jersey.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.process.Inflector;

/**
 * The unauthenticated health endpoint: 200 {@code UP} when the store answers, 503 {@code
 * DEGRADED} with {@code store: DOWN} when it does not.
 */
final class HealthInflector implements Inflector<ContainerRequestContext, Response> {

  private static final String PROBE_TENANT = "scimkit-health-probe";

  private final ScimRuntime runtime;

  HealthInflector(ScimRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public Response apply(ContainerRequestContext request) {
    boolean storeUp;
    try {
      runtime.engine().settings(PROBE_TENANT);
      storeUp = true;
    } catch (Exception e) {
      storeUp = false;
    }
    String body = storeUp ? "{\"status\":\"UP\",\"store\":\"UP\"}" : "{\"status\":\"DEGRADED\",\"store\":\"DOWN\"}";
    return Response.status(storeUp ? 200 : 503).type("application/json").entity(body).build();
  }
}
