package io.github.scimkit.core.event;

import io.github.scimkit.core.resource.ResourceKind;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the audit trail keeps of one write: who did what to which resource, and how it ended.
 * Never the request body or a secret.
 *
 * @param occurredAt when the write was attempted
 * @param tenantId the tenant
 * @param principal who made the request, as the authenticator named it
 * @param correlationId the request's correlation id
 * @param kind users or groups
 * @param operation the kind of write
 * @param resourceId the resource's id, empty when a create failed before one was given
 * @param status the outcome as an HTTP status: 200, 201 or 204 on success, the error's status
 *     otherwise
 */
public record AuditRecord(
    Instant occurredAt,
    String tenantId,
    String principal,
    String correlationId,
    ResourceKind kind,
    WriteOperation operation,
    Optional<String> resourceId,
    int status) {

  /** Checks the fields. */
  public AuditRecord {
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(resourceId, "resourceId");
  }

  /**
   * Tells whether the write succeeded.
   *
   * @return {@code true} for a 2xx status
   */
  public boolean succeeded() {
    return status >= 200 && status < 300;
  }
}
