package io.github.scimkit.core.store.query;

import java.util.Objects;

/**
 * A search: which records, in which order, and which page of them.
 *
 * @param condition the records to find
 * @param sort the order of the results
 * @param page the part of the results to return
 */
public record StoreQuery(Condition condition, Sort sort, PageRequest page) {

  /** Checks the fields. */
  public StoreQuery {
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(page, "page");
  }

  /**
   * Returns a query for all records matching a condition, in id order, on one offset page.
   *
   * @param condition the records to find
   * @param offset how many results to skip
   * @param count how many results to return at most
   * @return the query
   */
  public static StoreQuery of(Condition condition, long offset, int count) {
    return new StoreQuery(condition, Sort.BY_ID, PageRequest.offset(offset, count));
  }

  /**
   * Returns a query that counts the records matching a condition.
   *
   * @param condition the records to count
   * @return the query
   */
  public static StoreQuery count(Condition condition) {
    return new StoreQuery(condition, Sort.BY_ID, PageRequest.countOnly());
  }

  /**
   * Returns a copy with another sort.
   *
   * @param newSort the sort
   * @return the query
   */
  public StoreQuery withSort(Sort newSort) {
    return new StoreQuery(condition, newSort, page);
  }

  /**
   * Returns a copy with another page.
   *
   * @param newPage the page
   * @return the query
   */
  public StoreQuery withPage(PageRequest newPage) {
    return new StoreQuery(condition, sort, newPage);
  }
}
