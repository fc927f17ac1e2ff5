package io.github.scimkit.core.store.query;

/**
 * Which part of the results a search returns.
 *
 * <ul>
 *   <li>{@link Offset}: {@code count} results after skipping {@code offset}, with the total;
 *   <li>{@link Keyset}: {@code count} results after the position an earlier page's token marks,
 *       with the token of the next page;
 *   <li>{@link CountOnly}: no results, only the total.
 * </ul>
 */
public sealed interface PageRequest
    permits PageRequest.Offset, PageRequest.Keyset, PageRequest.CountOnly {

  /**
   * Returns an offset page.
   *
   * @param offset how many results to skip, at least 0
   * @param count how many results to return at most, at least 0
   * @return the page request
   */
  static PageRequest offset(long offset, int count) {
    return new Offset(offset, count);
  }

  /**
   * Returns the first keyset page.
   *
   * @param count how many results to return at most, at least 0
   * @return the page request
   */
  static PageRequest firstKeyset(int count) {
    return new Keyset(null, count);
  }

  /**
   * Returns a keyset page after an earlier one.
   *
   * @param token the next-page token of the earlier page, as the store returned it
   * @param count how many results to return at most, at least 0
   * @return the page request
   */
  static PageRequest keyset(String token, int count) {
    return new Keyset(token, count);
  }

  /**
   * Returns a count-only request.
   *
   * @return the page request
   */
  static PageRequest countOnly() {
    return CountOnly.INSTANCE;
  }

  /**
   * Skip {@code offset} results, then return up to {@code count}.
   *
   * @param offset how many results to skip
   * @param count how many results to return at most
   */
  record Offset(long offset, int count) implements PageRequest {

    /** Checks the fields. */
    public Offset {
      if (offset < 0 || count < 0) {
        throw new IllegalArgumentException("offset and count must not be negative");
      }
    }
  }

  /**
   * Return up to {@code count} results after the position {@code token} marks.
   *
   * @param token an opaque next-page token from the same store and query, or {@code null} for the
   *     first page
   * @param count how many results to return at most
   */
  record Keyset(String token, int count) implements PageRequest {

    /** Checks the fields. */
    public Keyset {
      if (count < 0) {
        throw new IllegalArgumentException("count must not be negative");
      }
    }
  }

  /** Return no results, only their total. */
  enum CountOnly implements PageRequest {
    /** The one count-only request. */
    INSTANCE
  }
}
