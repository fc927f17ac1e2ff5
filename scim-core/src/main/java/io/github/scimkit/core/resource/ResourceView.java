package io.github.scimkit.core.resource;

import com.unboundid.scim2.common.GenericScimResource;
import io.github.scimkit.core.store.ResourceRecord;
import java.util.Objects;

/**
 * A resource as the engine returns it: the stored record and its SCIM form.
 *
 * <p>The SCIM form carries {@code schemas}, {@code id}, the mapped attributes and {@code meta}
 * ({@code resourceType}, {@code created}, {@code lastModified}, {@code version}), but neither
 * {@code meta.location}, which needs the HTTP base address, nor a group's {@code members}, which
 * {@link io.github.scimkit.core.engine.ScimEngine#members} streams.
 *
 * @param kind users or groups
 * @param record the stored record
 * @param resource the SCIM form; callers may change their copy
 */
public record ResourceView(ResourceKind kind, ResourceRecord record, GenericScimResource resource) {

  /** Checks the fields. */
  public ResourceView {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(resource, "resource");
  }

  /**
   * Returns the resource id.
   *
   * @return the id
   */
  public String id() {
    return record.id();
  }

  /**
   * Returns the record version, from which the ETag is made.
   *
   * @return the version
   */
  public long version() {
    return record.version();
  }
}
