package io.github.scimkit.core.bulk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a bulk request (RFC 7644 §3.7.3): one result per operation that was carried out
 * or failed, in the order of the request. Operations skipped because {@code failOnErrors} was
 * reached are not listed.
 *
 * <p>The HTTP layer answers 200 with a {@code BulkResponse} body, turning each result into an
 * {@code Operations} element: {@code location} from {@link BulkOperationResult#resourceType()} and
 * {@link BulkOperationResult#id()}, {@code status} as a string, and {@code response} holding the
 * error for a failed operation.
 *
 * @param operations the results, in request order
 */
public record BulkResponse(List<BulkOperationResult> operations) {

  /** Checks and copies the fields. */
  public BulkResponse {
    operations = List.copyOf(Objects.requireNonNull(operations, "operations"));
  }

  /**
   * Returns the result of the operation at a position of the request.
   *
   * @param index the 0-based position in the request
   * @return the result, or empty when the operation was skipped
   */
  public Optional<BulkOperationResult> resultAt(int index) {
    return operations.stream().filter(result -> result.index() == index).findFirst();
  }

  /**
   * Returns how many operations failed.
   *
   * @return the number of results with an error
   */
  public long failures() {
    return operations.stream().filter(BulkOperationResult::failed).count();
  }
}
