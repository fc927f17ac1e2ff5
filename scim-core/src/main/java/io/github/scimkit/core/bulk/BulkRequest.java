package io.github.scimkit.core.bulk;

import io.github.scimkit.core.config.EngineConfig;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A bulk request (RFC 7644 §3.7), as the HTTP layer read it from a {@code
 * urn:ietf:params:scim:api:messages:2.0:BulkRequest} body.
 *
 * <p>The HTTP layer checks the body's size against {@link EngineConfig#maxBulkPayloadBytes()}
 * before reading it; {@link io.github.scimkit.core.engine.ScimEngine#bulk} checks the number of operations.
 *
 * @param operations the operations, in the order the client sent them
 * @param failOnErrors how many failed operations the client accepts before the rest are skipped;
 *     empty to carry out every operation whatever fails
 */
public record BulkRequest(List<BulkOperation> operations, Optional<Integer> failOnErrors) {

  /** Checks and copies the fields. */
  public BulkRequest {
    operations = List.copyOf(Objects.requireNonNull(operations, "operations"));
    Objects.requireNonNull(failOnErrors, "failOnErrors");
  }

  /**
   * Returns a request that carries out every operation whatever fails.
   *
   * @param operations the operations
   * @return the request
   */
  public static BulkRequest of(List<BulkOperation> operations) {
    return new BulkRequest(operations, Optional.empty());
  }
}
