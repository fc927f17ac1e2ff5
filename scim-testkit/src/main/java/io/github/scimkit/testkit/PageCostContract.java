package io.github.scimkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.ResultPage;
import io.github.scimkit.core.store.query.AttributeRef;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.PageRequest;
import io.github.scimkit.core.store.query.Sort;
import io.github.scimkit.core.store.query.StoreQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Unfiltered pages in id order and in the order of the case-insensitive unique attribute, both
 * directions, offset and keyset: their content, and, for a store that counts its search work
 * ({@link StoreFixtures#searchWork()}), that a page costs the same in a tenant of 12 records as
 * in one of 120.
 */
abstract class PageCostContract extends RecordQueryContract {

  private static final int SMALL = 12;
  private static final int LARGE = 120;
  private static final int COUNT = 4;

  @Nested
  @DisplayName("Unfiltered pages")
  class UnfilteredPages {

    private final List<String> ids = new ArrayList<>();

    /** Adds records up to {@code total}; names run against ids so the two orders differ. */
    private void fillTo(int total) throws Exception {
      for (int i = ids.size(); i < total; i++) {
        String id = String.format("id%04d", i);
        String name = String.format(i % 2 == 0 ? "Name%04d" : "name%04d", 10_000 - i);
        create(id, Attributes.of(Map.of(uniqueName(), name)));
        ids.add(id);
      }
    }

    private List<Sort> sorts() {
      AttributeRef name = AttributeRef.of(uniqueName());
      return List.of(Sort.BY_ID, new Sort(AttributeRef.ID, true, true),
          Sort.ascending(name, false), Sort.descending(name, false));
    }

    /** The ids in a sort's order, computed here from the names the kit gave the records. */
    private List<String> expected(Sort sort) {
      Comparator<String> order = sort.attribute().equals(AttributeRef.ID) ? Comparator.naturalOrder()
          : Comparator.comparing(id -> name(id).toLowerCase(Locale.ROOT));
      List<String> sorted = new ArrayList<>(ids);
      sorted.sort(sort.descending() ? order.reversed() : order);
      return sorted;
    }

    private String name(String id) {
      int i = Integer.parseInt(id.substring(2));
      return String.format(i % 2 == 0 ? "Name%04d" : "name%04d", 10_000 - i);
    }

    @Test
    @DisplayName("returns offset and keyset pages in id and unique-attribute order, both directions")
    void pagesInOrder() throws Exception {
      fillTo(SMALL);
      for (Sort sort : sorts()) {
        List<String> all = expected(sort);
        assertThat(StoreFixtures.ids(store(), new StoreQuery(Condition.all(), sort, PageRequest.offset(3, COUNT))))
            .as("offset page of %s", sort).containsExactlyElementsOf(all.subList(3, 3 + COUNT));
        List<String> walked = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
          PageRequest request = token.map(t -> PageRequest.keyset(t, COUNT)).orElse(PageRequest.firstKeyset(COUNT));
          try (ResultPage<ResourceRecord> page = store().search(new StoreQuery(Condition.all(), sort, request))) {
            page.items().map(ResourceRecord::id).forEach(walked::add);
            token = page.nextToken();
          }
        } while (token.isPresent() && walked.size() <= SMALL);
        assertThat(walked).as("keyset walk of %s", sort).containsExactlyElementsOf(all);
      }
    }

    @Test
    @DisplayName("costs the same per page whatever the tenant's size, where the store counts its work")
    void costIndependentOfTenantSize() throws Exception {
      assumeTrue(searchWork().isPresent(), "the store does not count its search work");
      fillTo(SMALL);
      List<Long> small = costs();
      fillTo(LARGE);
      List<Long> large = costs();
      assertThat(large).as("work per page at %d records, against %d records", LARGE, SMALL).isEqualTo(small);
    }

    /** The work of a first offset page, a first keyset page and a second keyset page, per sort. */
    private List<Long> costs() throws Exception {
      List<Long> costs = new ArrayList<>();
      for (Sort sort : sorts()) {
        costs.add(work(new StoreQuery(Condition.all(), sort, PageRequest.offset(0, COUNT))));
        long before = searchWork().getAsLong();
        String token;
        try (ResultPage<ResourceRecord> page = store().search(
            new StoreQuery(Condition.all(), sort, PageRequest.firstKeyset(COUNT)))) {
          assertThat(page.items()).hasSize(COUNT);
          token = page.nextToken().orElseThrow();
        }
        costs.add(searchWork().getAsLong() - before);
        costs.add(work(new StoreQuery(Condition.all(), sort, PageRequest.keyset(token, COUNT))));
      }
      return costs;
    }

    private long work(StoreQuery query) throws Exception {
      OptionalLong before = searchWork();
      try (ResultPage<ResourceRecord> page = store().search(query)) {
        assertThat(page.items()).hasSize(COUNT);
      }
      return searchWork().getAsLong() - before.getAsLong();
    }
  }
}
