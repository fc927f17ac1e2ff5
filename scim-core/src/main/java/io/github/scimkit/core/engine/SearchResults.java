package io.github.scimkit.core.engine;

import io.github.scimkit.core.store.ResultPage;
import io.github.scimkit.core.store.ResourceRecord;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One page of a search, streamed from the store: close it after reading.
 *
 * <p>{@link #totalResults()}, {@link #startIndex()} and {@link #itemsPerPage()} are known before
 * the resources are read, so a ListResponse can be written as they stream.
 */
public final class SearchResults implements AutoCloseable {

  private final ResultPage<ResourceRecord> page;
  private final Function<ResourceRecord, ResourceView> view;
  private final long totalResults;
  private final long startIndex;
  private final int itemsPerPage;

  SearchResults(
      ResultPage<ResourceRecord> page,
      Function<ResourceRecord, ResourceView> view,
      long totalResults,
      long startIndex,
      int itemsPerPage) {
    this.page = page;
    this.view = view;
    this.totalResults = totalResults;
    this.startIndex = startIndex;
    this.itemsPerPage = itemsPerPage;
  }

  /**
   * Returns the number of matching resources across all pages.
   *
   * @return the total
   */
  public long totalResults() {
    return totalResults;
  }

  /**
   * Returns the 1-based index of this page's first resource.
   *
   * @return the start index
   */
  public long startIndex() {
    return startIndex;
  }

  /**
   * Returns the number of resources on this page.
   *
   * @return the page's size
   */
  public int itemsPerPage() {
    return itemsPerPage;
  }

  /**
   * Returns the page's resources, in order. Call at most once.
   *
   * @return the resources
   */
  public Stream<ResourceView> resources() {
    return page.items().map(view);
  }

  @Override
  public void close() {
    page.close();
  }
}
