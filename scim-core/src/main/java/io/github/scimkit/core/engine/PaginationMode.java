package io.github.scimkit.core.engine;

/** How a page of search results was cut, and so which ListResponse members describe it. */
public enum PaginationMode {
  /**
   * Index paging (RFC 7644 §3.4.2.4): the ListResponse carries {@code startIndex} and {@code
   * itemsPerPage}.
   */
  INDEX,
  /**
   * Cursor paging (RFC 9865): the ListResponse carries {@code nextCursor} on every page but the
   * last, and no {@code startIndex}.
   */
  CURSOR
}
