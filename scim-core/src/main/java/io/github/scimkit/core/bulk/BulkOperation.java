package io.github.scimkit.core.bulk;

import com.unboundid.scim2.common.GenericScimResource;
import java.util.Objects;
import java.util.Optional;

/**
 * One operation of a {@link BulkRequest}, as the client sent it. The engine checks every field,
 * so that a bad operation fails on its own rather than failing the whole request.
 *
 * <p>{@code bulkId:} references ({@code "bulkId:qwerty"}) may appear as the id in {@code path} and
 * as any string value in {@code data}, a group's {@code members[].value} included; each becomes
 * the id of the resource that the POST with that {@code bulkId} created.
 *
 * @param method {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE} (any case)
 * @param bulkId the client's transient id for the resource a POST creates; echoed in the result
 * @param path {@code /Users} or {@code /Groups} for POST, {@code /Users/{id}} or {@code
 *     /Groups/{id}} for the others
 * @param version the version the client expects ({@code W/"3"}), as an If-Match would carry it
 * @param data the body: the resource for POST and PUT, the PatchOp message for PATCH; empty for
 *     DELETE
 */
public record BulkOperation(
    String method, Optional<String> bulkId, String path, Optional<String> version, Optional<GenericScimResource> data) {

  /** Checks the fields. */
  public BulkOperation {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(bulkId, "bulkId");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(data, "data");
  }

  /**
   * Returns a POST.
   *
   * @param bulkId the client's transient id for the new resource
   * @param path {@code /Users} or {@code /Groups}
   * @param data the new resource
   * @return the operation
   */
  public static BulkOperation post(String bulkId, String path, GenericScimResource data) {
    return new BulkOperation("POST", Optional.of(bulkId), path, Optional.empty(), Optional.of(data));
  }

  /**
   * Returns a PUT.
   *
   * @param path {@code /Users/{id}} or {@code /Groups/{id}}
   * @param version the expected version, or {@code null} for none
   * @param data the replacement resource
   * @return the operation
   */
  public static BulkOperation put(String path, String version, GenericScimResource data) {
    return new BulkOperation("PUT", Optional.empty(), path, Optional.ofNullable(version), Optional.of(data));
  }

  /**
   * Returns a PATCH.
   *
   * @param path {@code /Users/{id}} or {@code /Groups/{id}}
   * @param version the expected version, or {@code null} for none
   * @param data the PatchOp message
   * @return the operation
   */
  public static BulkOperation patch(String path, String version, GenericScimResource data) {
    return new BulkOperation("PATCH", Optional.empty(), path, Optional.ofNullable(version), Optional.of(data));
  }

  /**
   * Returns a DELETE.
   *
   * @param path {@code /Users/{id}} or {@code /Groups/{id}}
   * @param version the expected version, or {@code null} for none
   * @return the operation
   */
  public static BulkOperation delete(String path, String version) {
    return new BulkOperation("DELETE", Optional.empty(), path, Optional.ofNullable(version), Optional.empty());
  }
}
