package io.github.scimkit.core.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * One page of search results, streamed: a store may hold a connection or cursor until the page is
 * closed, so callers close it, ideally with try-with-resources.
 *
 * @param <T> the item type: records, or member ids
 */
public interface ResultPage<T> extends AutoCloseable {

  /**
   * Returns the page's items, in order. Call at most once.
   *
   * @return the items
   */
  Stream<T> items();

  /**
   * Returns the total number of matching items across all pages. Offset and count-only requests
   * always have it; keyset pages may leave it out.
   *
   * @return the total, or empty
   */
  OptionalLong totalResults();

  /**
   * Returns the token of the next keyset page, or empty on the last page and for offset or
   * count-only requests. It is known once {@link #items()} has been consumed to its end.
   *
   * @return the token, or empty
   */
  Optional<String> nextToken();

  /** Releases what the page holds. Never throws. */
  @Override
  void close();

  /**
   * Returns a page over items already in memory, for stores that need nothing released.
   *
   * @param items the items
   * @param totalResults the total, or empty
   * @param nextToken the next-page token, or empty
   * @param <T> the item type
   * @return the page
   */
  static <T> ResultPage<T> of(List<T> items, OptionalLong totalResults, Optional<String> nextToken) {
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(totalResults, "totalResults");
    Objects.requireNonNull(nextToken, "nextToken");
    return new ResultPage<>() {
      @Override
      public Stream<T> items() {
        return items.stream();
      }

      @Override
      public OptionalLong totalResults() {
        return totalResults;
      }

      @Override
      public Optional<String> nextToken() {
        return nextToken;
      }

      @Override
      public void close() {}
    };
  }
}
