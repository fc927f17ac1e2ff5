package io.github.scimkit.core.engine;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a client asks of a list or {@code .search} request: RFC 7644 §3.4.2 index paging, or RFC
 * 9865 cursor paging when {@link #cursor()} is present.
 *
 * <p>The HTTP layer decides which mode a request is in (RFC 9865 §2.4): a request naming {@code
 * cursor}, even empty ({@code ?cursor} or {@code ?cursor=}), is a cursor request; one naming
 * neither {@code cursor} nor {@code startIndex} gets the server's default method.
 *
 * @param filter the filter text, or empty for every resource
 * @param sortBy the attribute path to sort by, or empty for the stable default order
 * @param descending whether {@code sortOrder} is {@code descending}
 * @param startIndex the 1-based index of the first result; values below 1 are treated as 1;
 *     ignored in cursor mode
 * @param count how many results to return; empty for the default page size, cut down to the
 *     maximum page size, negative treated as 0
 * @param cursor empty for index paging; otherwise the cursor as sent, {@code ""} for the first
 *     page and an earlier page's {@code nextCursor} for the following ones
 */
public record SearchParameters(
    Optional<String> filter,
    Optional<String> sortBy,
    boolean descending,
    long startIndex,
    OptionalInt count,
    Optional<String> cursor) {

  /** Checks the fields. */
  public SearchParameters {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(sortBy, "sortBy");
    Objects.requireNonNull(count, "count");
    Objects.requireNonNull(cursor, "cursor");
  }

  /**
   * Returns index-paging parameters.
   *
   * @param filter the filter text, or empty
   * @param sortBy the attribute path to sort by, or empty
   * @param descending whether {@code sortOrder} is {@code descending}
   * @param startIndex the 1-based index of the first result
   * @param count how many results to return, or empty for the default
   */
  public SearchParameters(
      Optional<String> filter, Optional<String> sortBy, boolean descending, long startIndex, OptionalInt count) {
    this(filter, sortBy, descending, startIndex, count, Optional.empty());
  }

  /**
   * Returns the parameters of a request that names nothing: every resource, first page.
   *
   * @return the parameters
   */
  public static SearchParameters all() {
    return new SearchParameters(Optional.empty(), Optional.empty(), false, 1, OptionalInt.empty());
  }

  /**
   * Returns the parameters of a filtered request, first page.
   *
   * @param filter the filter text
   * @return the parameters
   */
  public static SearchParameters filter(String filter) {
    return new SearchParameters(Optional.of(filter), Optional.empty(), false, 1, OptionalInt.empty());
  }

  /**
   * Returns a copy asking for another page.
   *
   * @param newStartIndex the 1-based index of the first result
   * @param newCount how many results to return
   * @return the parameters
   */
  public SearchParameters page(long newStartIndex, int newCount) {
    return new SearchParameters(filter, sortBy, descending, newStartIndex, OptionalInt.of(newCount), cursor);
  }

  /**
   * Returns a copy in cursor mode.
   *
   * @param newCursor {@code ""} for the first page, or an earlier page's {@code nextCursor}
   * @return the parameters
   */
  public SearchParameters withCursor(String newCursor) {
    return new SearchParameters(
        filter, sortBy, descending, startIndex, count, Optional.of(Objects.requireNonNull(newCursor, "cursor")));
  }

  /**
   * Returns a copy with another count.
   *
   * @param newCount how many results to return
   * @return the parameters
   */
  public SearchParameters withCount(int newCount) {
    return new SearchParameters(filter, sortBy, descending, startIndex, OptionalInt.of(newCount), cursor);
  }

  /**
   * Returns a copy sorted by an attribute.
   *
   * @param path the attribute path to sort by
   * @param newDescending whether the order is descending
   * @return the parameters
   */
  public SearchParameters sortedBy(String path, boolean newDescending) {
    return new SearchParameters(
        filter, Optional.of(Objects.requireNonNull(path, "path")), newDescending, startIndex, count, cursor);
  }
}
