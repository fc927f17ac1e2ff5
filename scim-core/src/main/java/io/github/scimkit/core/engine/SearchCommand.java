package io.github.scimkit.core.engine;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.internal.dialect.FilterParser;
import io.github.scimkit.core.internal.engine.CursorCodec;
import io.github.scimkit.core.internal.engine.InputRule;
import io.github.scimkit.core.internal.engine.ResourceSupport;
import io.github.scimkit.core.internal.engine.Session;
import io.github.scimkit.core.mapping.ResourceMapping;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.ResultPage;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.PageRequest;
import io.github.scimkit.core.store.query.Sort;
import io.github.scimkit.core.store.query.StoreQuery;

/**
 * Search (GET with a filter, or POST {@code .search}): parses the filter in the tenant's dialect,
 * maps filter and sort to a store query, and reads one index page or one cursor page (RFC 9865).
 * It sits beside {@link ScimEngine} rather than with the write commands because its answer,
 * {@link SearchResults}, is built here.
 */
final class SearchCommand {

  private final EngineConfig config;
  private final CursorCodec cursors;

  SearchCommand(EngineConfig config) {
    this.config = config;
    this.cursors = CursorCodec.of(config);
  }

  /**
   * Searches one kind.
   *
   * @param session the request's session
   * @param support the kind
   * @param parameters filter, sort and page
   * @return the page: close it
   * @throws ScimException 400 for a bad filter, sort, cursor or count
   */
  SearchResults execute(Session session, ResourceSupport support, SearchParameters parameters) throws ScimException {
    ResourceMapping mapping = support.mapping();
    Condition condition = Condition.all();
    if (parameters.filter().isPresent()) {
      String text = parameters.filter().get();
      if (text.length() > config.maxFilterLength()) {
        throw BadRequestException.invalidFilter("The filter is longer than " + config.maxFilterLength() + " characters");
      }
      condition = mapping.toCondition(new FilterParser(session.tolerances()).parse(text));
      InputRule.checkFilter(condition);
    }
    Sort sort = Sort.BY_ID;
    if (parameters.sortBy().isPresent()) {
      sort = mapping.toSort(parsePath(parameters.sortBy().get()), parameters.descending());
    }
    int count = Math.min(Math.max(0, parameters.count().orElse(config.defaultPageSize())), config.maxPageSize());
    if (parameters.cursor().isPresent()) {
      return cursorPage(session, support, new StoreQuery(condition, sort, PageRequest.countOnly()),
          CursorCodec.queryHash(mapping.name(), condition, sort), parameters.cursor().get(), count);
    }
    long startIndex = Math.max(1, parameters.startIndex());
    PageRequest page = count == 0 ? PageRequest.countOnly() : PageRequest.offset(startIndex - 1, count);
    ResultPage<ResourceRecord> results = support.store(session.stores()).search(new StoreQuery(condition, sort, page));
    long total = results.totalResults().orElse(0);
    int items = (int) Math.max(0, Math.min(count, total - (startIndex - 1)));
    return new SearchResults(results, support::view, total, startIndex, items);
  }

  private SearchResults cursorPage(
      Session session, ResourceSupport support, StoreQuery query, byte[] queryHash, String cursor, int count)
      throws ScimException {
    String tenantId = session.context().tenantId();
    String token = cursor.isEmpty() ? null : cursors.decode(cursor, tenantId, queryHash, count);
    PageRequest page = count == 0 ? PageRequest.countOnly() : PageRequest.keyset(token, count);
    ResultPage<ResourceRecord> results;
    try {
      results = support.store(session.stores()).search(query.withPage(page));
    } catch (BadRequestException e) {
      if (CursorCodec.INVALID_CURSOR.equals(e.getScimError().getScimType())) {
        throw CursorCodec.invalidCursor();
      }
      throw e;
    }
    return SearchResults.cursorPage(results, support::view, results.totalResults(),
        next -> cursors.encode(tenantId, queryHash, count, next), count == 0);
  }

  private static Path parsePath(String text) throws BadRequestException {
    try {
      return Path.fromString(text);
    } catch (BadRequestException e) {
      throw BadRequestException.invalidValue("sortBy is not an attribute path: " + text);
    }
  }
}
