package io.github.scimkit.core.engine;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a client asks of a list or {@code .search} request (RFC 7644 §3.4.2), index paging.
 *
 * @param filter the filter text, or empty for every resource
 * @param sortBy the attribute path to sort by, or empty for the stable default order
 * @param descending whether {@code sortOrder} is {@code descending}
 * @param startIndex the 1-based index of the first result; values below 1 are treated as 1
 * @param count how many results to return; empty for the default page size, cut down to the
 *     maximum page size, negative treated as 0
 */
public record SearchParameters(
    Optional<String> filter, Optional<String> sortBy, boolean descending, long startIndex, OptionalInt count) {

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
    return new SearchParameters(filter, sortBy, descending, newStartIndex, OptionalInt.of(newCount));
  }
}
