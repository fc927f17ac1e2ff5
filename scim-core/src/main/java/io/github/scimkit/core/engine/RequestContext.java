package io.github.scimkit.core.engine;

import java.util.Objects;
import java.util.UUID;

/**
 * Who is asking, for which tenant, under which correlation id: what every engine call carries
 * besides its own request.
 *
 * @param tenantId the tenant the request is for
 * @param principal who made the request, for audit records
 * @param correlationId the id that ties log lines, audit records and events of one request
 */
public record RequestContext(String tenantId, String principal, String correlationId) {

  /** Checks the fields. */
  public RequestContext {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(correlationId, "correlationId");
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
