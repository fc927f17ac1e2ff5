package io.github.scimkit.core.store.query;

import java.util.Objects;

/**
 * The order of search results: by one single-valued attribute, then by id.
 *
 * @param attribute what to sort by; a single-valued simple attribute or record field
 * @param caseExact whether strings sort as they are rather than case-folded
 * @param descending whether the order is descending
 */
public record Sort(AttributeRef attribute, boolean caseExact, boolean descending) {

  /** Results in ascending id order, the order used when a query names none. */
  public static final Sort BY_ID = new Sort(AttributeRef.ID, true, false);

  /** Checks the fields. */
  public Sort {
    Objects.requireNonNull(attribute, "attribute");
  }

  /**
   * Returns an ascending sort.
   *
   * @param attribute what to sort by
   * @param caseExact whether strings sort as they are rather than case-folded
   * @return the sort
   */
  public static Sort ascending(AttributeRef attribute, boolean caseExact) {
    return new Sort(attribute, caseExact, false);
  }

  /**
   * Returns a descending sort.
   *
   * @param attribute what to sort by
   * @param caseExact whether strings sort as they are rather than case-folded
   * @return the sort
   */
  public static Sort descending(AttributeRef attribute, boolean caseExact) {
    return new Sort(attribute, caseExact, true);
  }
}
