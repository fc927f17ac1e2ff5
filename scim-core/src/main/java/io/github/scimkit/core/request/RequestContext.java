package io.github.scimkit.core.request;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is asking, for which tenant, under which correlation id: what every engine call carries
 * besides its own request.
 *
 * @param tenantId the tenant the request is for
 * @param principal who made the request, for audit records
 * @param correlationId the id that ties log lines, audit records and events of one request
 * @param userAgent the client's {@code User-Agent}, if it sent one; used only to recognise an
 *     identity provider's dialect, never to choose the mapping
 */
public record RequestContext(String tenantId, String principal, String correlationId, Optional<String> userAgent) {

  /** Checks the fields. */
  public RequestContext {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(userAgent, "userAgent");
  }

  /**
   * Returns a context without a User-Agent.
   *
   * @param tenantId the tenant
   * @param principal who made the request
   * @param correlationId the request's correlation id
   */
  public RequestContext(String tenantId, String principal, String correlationId) {
    this(tenantId, principal, correlationId, Optional.empty());
  }

  /**
   * Returns a context with a fresh random correlation id.
   *
   * @param tenantId the tenant
   * @param principal who made the request
   * @return the context
   */
  public static RequestContext of(String tenantId, String principal) {
    return new RequestContext(tenantId, principal, UUID.randomUUID().toString());
  }
}
