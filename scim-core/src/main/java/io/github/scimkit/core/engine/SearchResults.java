package io.github.scimkit.core.engine;

import io.github.scimkit.core.resource.ResourceView;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.ResultPage;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One page of a search, streamed from the store: close it after reading.
 *
 * <p>In {@link PaginationMode#INDEX index mode}, {@link #totalResults()}, {@link #startIndex()}
 * and {@link #itemsPerPage()} are known before the resources are read, so a ListResponse can be
 * written as they stream.
 *
 * <p>In {@link PaginationMode#CURSOR cursor mode} (RFC 9865), a store learns where the next page
 * starts only by reading this one to its end: {@link #nextCursor()} and {@link #itemsPerPage()}
 * are known once {@link #resources()} has been consumed, so the HTTP layer writes them after
 * {@code Resources}. {@link #total()} is present when the store knows it, and there is no {@code
 * startIndex}.
 */
public final class SearchResults implements AutoCloseable {

  private final PaginationMode mode;
  private final ResultPage<ResourceRecord> page;
  private final Function<ResourceRecord, ResourceView> view;
  private final OptionalLong totalResults;
  private final long startIndex;
  private final Function<String, String> cursorOfToken;
  private int itemsPerPage;
  private boolean consumed;

  SearchResults(
      ResultPage<ResourceRecord> page,
      Function<ResourceRecord, ResourceView> view,
      long totalResults,
      long startIndex,
      int itemsPerPage) {
    this.mode = PaginationMode.INDEX;
    this.page = page;
    this.view = view;
    this.totalResults = OptionalLong.of(totalResults);
    this.startIndex = startIndex;
    this.itemsPerPage = itemsPerPage;
    this.cursorOfToken = null;
    this.consumed = true;
  }

  private SearchResults(
      ResultPage<ResourceRecord> page,
      Function<ResourceRecord, ResourceView> view,
      OptionalLong totalResults,
      Function<String, String> cursorOfToken,
      boolean countOnly) {
    this.mode = PaginationMode.CURSOR;
    this.page = page;
    this.view = view;
    this.totalResults = totalResults;
    this.startIndex = 0;
    this.cursorOfToken = cursorOfToken;
    this.itemsPerPage = 0;
    this.consumed = countOnly;
  }

  /**
   * Returns a cursor page.
   *
   * @param page the store's page
   * @param view renders a record
   * @param totalResults the total, if known
   * @param cursorOfToken wraps the store's next-page token into the cursor the client sees
   * @param countOnly whether the page was a count-only request with no resources and no next page
   */
  static SearchResults cursorPage(
      ResultPage<ResourceRecord> page,
      Function<ResourceRecord, ResourceView> view,
      OptionalLong totalResults,
      Function<String, String> cursorOfToken,
      boolean countOnly) {
    return new SearchResults(page, view, totalResults, cursorOfToken, countOnly);
  }

  /**
   * Returns how this page was cut: by index or by cursor.
   *
   * @return the mode
   */
  public PaginationMode paginationMode() {
    return mode;
  }

  /**
   * Returns the number of matching resources across all pages.
   *
   * @return the total; in cursor mode 0 when the store did not give one (see {@link #total()})
   */
  public long totalResults() {
    return totalResults.orElse(0);
  }

  /**
   * Returns the number of matching resources across all pages, if known. Always present in index
   * mode; in cursor mode when the store gives it (RFC 9865 §2 lets a cursor page leave {@code
   * totalResults} out).
   *
   * @return the total, or empty
   */
  public OptionalLong total() {
    return totalResults;
  }

  /**
   * Returns the 1-based index of this page's first resource.
   *
   * @return the start index
   * @throws IllegalStateException in cursor mode, which has none
   */
  public long startIndex() {
    if (mode == PaginationMode.CURSOR) {
      throw new IllegalStateException("A cursor page has no startIndex");
    }
    return startIndex;
  }

  /**
   * Returns the number of resources on this page.
   *
   * @return the page's size
   * @throws IllegalStateException in cursor mode before {@link #resources()} was read to its end
   */
  public int itemsPerPage() {
    requireConsumed("itemsPerPage");
    return itemsPerPage;
  }

  /**
   * Returns the cursor of the next page (RFC 9865 {@code nextCursor}): present on every cursor
   * page but the last, always empty in index mode.
   *
   * @return the cursor, or empty on the last page
   * @throws IllegalStateException in cursor mode before {@link #resources()} was read to its end
   */
  public Optional<String> nextCursor() {
    if (mode == PaginationMode.INDEX) {
      return Optional.empty();
    }
    requireConsumed("nextCursor");
    return page.nextToken().map(cursorOfToken);
  }

  /**
   * Returns the page's resources, in order. Call at most once.
   *
   * @return the resources
   */
  public Stream<ResourceView> resources() {
    if (mode == PaginationMode.INDEX) {
      return page.items().map(view);
    }
    Spliterator<ResourceRecord> source = page.items().spliterator();
    Spliterator<ResourceRecord> counted =
        new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
          @Override
          public boolean tryAdvance(Consumer<? super ResourceRecord> action) {
            boolean advanced = source.tryAdvance(record -> {
              itemsPerPage++;
              action.accept(record);
            });
            if (!advanced) {
              consumed = true;
            }
            return advanced;
          }
        };
    return StreamSupport.stream(counted, false).map(view);
  }

  private void requireConsumed(String what) {
    if (!consumed) {
      throw new IllegalStateException(what + " is known once resources() has been read to its end");
    }
  }

  @Override
  public void close() {
    page.close();
  }
}
