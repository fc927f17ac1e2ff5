package io.github.scimkit.core.event;

import io.github.scimkit.core.resource.ResourceKind;

import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.TenantStores;
import java.util.Objects;
import java.util.Optional;

/**
 * A write about to be stored, as a {@link WriteHook} sees it.
 *
 * @param tenantId the tenant
 * @param kind users or groups
 * @param operation the kind of write
 * @param resourceId the resource's id (the new id for a create)
 * @param before the record as it was, empty for a create
 * @param after the attributes the record will have, empty for a delete
 * @param stores the tenant's stores, bound to the unit of work the write runs in
 */
public record PendingWrite(
    String tenantId,
    ResourceKind kind,
    WriteOperation operation,
    String resourceId,
    Optional<ResourceRecord> before,
    Optional<Attributes> after,
    TenantStores stores) {

  /** Checks the fields. */
  public PendingWrite {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(stores, "stores");
  }
}
