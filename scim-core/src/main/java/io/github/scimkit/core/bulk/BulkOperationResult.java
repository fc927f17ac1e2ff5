package io.github.scimkit.core.bulk;

import com.unboundid.scim2.common.messages.ErrorResponse;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.resource.ResourceView;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one bulk operation.
 *
 * @param index the operation's 0-based position in the request
 * @param method the operation's method, upper case as the client sent it
 * @param bulkId the operation's bulkId, if it had one
 * @param resourceType the resource type the path named, if it named a known one; with {@link
 *     #id()} the HTTP layer builds {@code location}; empty for a GroupMember operation, whose
 *     {@code location} is under {@code /GroupMembers}
 * @param id the resource's id: the new id for a POST, the path's id (with any bulkId reference
 *     resolved) otherwise; empty when not known
 * @param version the resource's version ({@code W/"2"}) after a successful POST, PUT or PATCH
 * @param status the HTTP status: 201 (POST), 200 (PUT, PATCH), 204 (DELETE), or the error's
 * @param error the SCIM error when the operation failed
 * @param resource the resource as it now is after a successful POST, PUT or PATCH, for hosts
 *     that return it; RFC 7644 does not require it in a bulk response
 */
public record BulkOperationResult(
    int index,
    String method,
    Optional<String> bulkId,
    Optional<ResourceKind> resourceType,
    Optional<String> id,
    Optional<String> version,
    int status,
    Optional<ErrorResponse> error,
    Optional<ResourceView> resource) {

  /** Checks the fields. */
  public BulkOperationResult {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(bulkId, "bulkId");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(resource, "resource");
  }

  /**
   * Returns whether the operation failed.
   *
   * @return {@code true} when there is an error
   */
  public boolean failed() {
    return error.isPresent();
  }
}
