package io.github.scimkit.jersey.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last word on every response under the SCIM base path: it adds {@code
 * X-Content-Type-Options: nosniff}, and it gives any error without a body (those Jersey answers
 * itself: no such path 404, wrong method 405, a malformed {@code Accept} or other header 400) a
 * SCIM Error body, logged with a correlation id. Errors the endpoints render already carry one.
 * Other paths of the host keep their answers.
 */
public final class ScimResponseFilter implements ContainerResponseFilter {

  private static final Logger LOG = LoggerFactory.getLogger("scimkit.http");
  private static final MediaType SCIM = MediaType.valueOf(ScimJson.SCIM_JSON);

  private final String root;

  /**
   * Creates the filter.
   *
   * @param settings the adapter's settings, for the SCIM root path
   */
  public ScimResponseFilter(AdapterSettings settings) {
    this.root = settings.rootPath().replaceAll("^/+", "");
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!root.isEmpty() && !request.getUriInfo().getPath().replaceAll("^/+", "").startsWith(root)) {
      return;
    }
    response.getHeaders().putSingle(ErrorBodies.NOSNIFF_HEADER, ErrorBodies.NOSNIFF);
    int status = response.getStatus();
    if (status < 400 || response.hasEntity()) {
      return;
    }
    Object existing = response.getHeaders().getFirst(ErrorBodies.CORRELATION_HEADER);
    String correlationId = existing == null ? UUID.randomUUID().toString() : existing.toString();
    LOG.info("Jersey refused a request correlationId={} method={} path=/{} status={}", correlationId,
        request.getMethod(), request.getUriInfo().getPath(), status);
    response.getHeaders().putSingle(ErrorBodies.CORRELATION_HEADER, correlationId);
    response.setEntity(ErrorBodies.of(status, null, ErrorBodies.detail(status, correlationId)), null, SCIM);
  }
}
