package io.github.scimkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.NewRecord;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.ResultPage;
import io.github.scimkit.core.store.query.AttributeRef;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.Operator;
import io.github.scimkit.core.store.query.PageRequest;
import io.github.scimkit.core.store.query.Sort;
import io.github.scimkit.core.store.query.StoreQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The order and page promises of {@link io.github.scimkit.core.store.RecordStore#search} shared by
 * users and groups: sorts (folded, case-exact, numeric, absent values) and offset and keyset pages.
 * The condition semantics are checked by {@link RecordFilterContract}.
 */
abstract class RecordQueryContract extends RecordFilterContract {

  /**
   * Six records named so that folded and case-exact orders differ, two of them without a name and
   * two with names equal when folded.
   */
  @Nested
  @DisplayName("Sorting")
  class Sorting {

    @BeforeEach
    void createRecords() throws Exception {
      store().create(new NewRecord("s1", T0, Attributes.of(Map.of("nickName", "bob", "rank", 100L)), uniques()));
      store().create(new NewRecord("s2", T0, Attributes.of(Map.of("nickName", "Carol", "rank", 9L)), uniques()));
      store().create(new NewRecord("s3", T0, Attributes.empty(), uniques()));
      store().create(new NewRecord("s4", T0, Attributes.of(Map.of("nickName", "alice", "rank", 10L)), uniques()));
      store().create(new NewRecord("s5", T0, Attributes.of(Map.of("nickName", "ALICE")), uniques()));
      store().create(new NewRecord("s6", T0, Attributes.empty(), uniques()));
    }

    private List<String> sorted(Sort sort) throws Exception {
      return ids(new StoreQuery(Condition.all(), sort, PageRequest.offset(0, 100)));
    }

    @Test
    @DisplayName("sorts by id when the query names no other order")
    void byId() throws Exception {
      assertThat(sorted(Sort.BY_ID)).containsExactly("s1", "s2", "s3", "s4", "s5", "s6");
    }

    @Test
    @DisplayName("folds case for a case-insensitive sort and puts absent values last")
    void ascendingFolded() throws Exception {
      assertThat(sorted(Sort.ascending(AttributeRef.of("nickName"), false)))
          .containsExactly("s4", "s5", "s1", "s2", "s3", "s6");
    }

    @Test
    @DisplayName("sorts by UTF-16 code units for a case-exact sort")
    void ascendingCaseExact() throws Exception {
      assertThat(sorted(Sort.ascending(AttributeRef.of("nickName"), true)))
          .containsExactly("s5", "s2", "s4", "s1", "s3", "s6");
    }

    @Test
    @DisplayName("puts absent values first descending and breaks ties by id descending")
    void descending() throws Exception {
      assertThat(sorted(Sort.descending(AttributeRef.of("nickName"), false)))
          .containsExactly("s6", "s3", "s2", "s1", "s5", "s4");
    }

    @Test
    @DisplayName("sorts integers numerically")
    void numeric() throws Exception {
      assertThat(sorted(Sort.ascending(AttributeRef.of("rank"), true)))
          .containsExactly("s2", "s4", "s1", "s3", "s5", "s6");
    }
  }

  /** Twenty-five records, created in shuffled order, with a rank that ties every third one. */
  @Nested
  @DisplayName("Paging")
  class Paging {

    private final List<String> allIds = new ArrayList<>();

    @BeforeEach
    void createRecords() throws Exception {
      for (int i = 1; i <= 25; i++) {
        allIds.add(String.format("p%02d", i));
      }
      List<String> shuffled = new ArrayList<>(allIds);
      Collections.shuffle(shuffled, new Random(7));
      for (String id : shuffled) {
        long rank = Integer.parseInt(id.substring(1)) % 3;
        store().create(new NewRecord(id, T0, Attributes.of(Map.of("rank", rank)), uniques()));
      }
    }

    private StoreQuery page(PageRequest request) {
      return new StoreQuery(Condition.all(), Sort.BY_ID, request);
    }

    @Test
    @DisplayName("returns an offset page with the total")
    void offsetPage() throws Exception {
      try (ResultPage<ResourceRecord> page = store().search(page(PageRequest.offset(5, 10)))) {
        assertThat(page.items().map(ResourceRecord::id)).containsExactlyElementsOf(allIds.subList(5, 15));
        assertThat(page.totalResults()).hasValue(25);
        assertThat(page.nextToken()).isEmpty();
      }
    }

    @Test
    @DisplayName("returns a short last offset page and an empty one past the end")
    void offsetPastTheEnd() throws Exception {
      assertThat(ids(page(PageRequest.offset(20, 10)))).containsExactlyElementsOf(allIds.subList(20, 25));
      try (ResultPage<ResourceRecord> page = store().search(page(PageRequest.offset(30, 10)))) {
        assertThat(page.items()).isEmpty();
        assertThat(page.totalResults()).hasValue(25);
      }
    }

    @Test
    @DisplayName("counts the matching records for count 0 and for a count-only request")
    void countOnly() throws Exception {
      Condition rankZero = cmp(AttributeRef.of("rank"), Operator.EQ, 0L);
      for (PageRequest request : List.of(PageRequest.offset(0, 0), PageRequest.countOnly())) {
        try (ResultPage<ResourceRecord> page = store().search(new StoreQuery(rankZero, Sort.BY_ID, request))) {
          assertThat(page.items()).isEmpty();
          assertThat(page.totalResults()).hasValue(8);
          assertThat(page.nextToken()).isEmpty();
        }
      }
    }

    @Test
    @DisplayName("walks keyset pages over every record exactly once, with no token on the last page")
    void keysetWalk() throws Exception {
      assertThat(walk(Sort.BY_ID, 10)).containsExactlyElementsOf(allIds);
    }

    @Test
    @DisplayName("walks keyset pages in the order of a sort with ties")
    void keysetWithSort() throws Exception {
      Sort byRankDescending = Sort.descending(AttributeRef.of("rank"), true);
      List<String> expected = ids(new StoreQuery(Condition.all(), byRankDescending, PageRequest.offset(0, 100)));

      assertThat(walk(byRankDescending, 4)).containsExactlyElementsOf(expected).hasSize(25);
    }

    @Test
    @DisplayName("rejects a keyset token it did not issue with a 400 error")
    void invalidToken() {
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> {
            try (ResultPage<ResourceRecord> page = store().search(page(PageRequest.keyset("not-a-token", 10)))) {
              page.items().forEach(item -> { });
            }
          })
          .satisfies(error -> assertThat(error.getScimError().getStatus()).isEqualTo(400));
    }

    /** Follows next-page tokens from the first keyset page to the last, collecting the ids. */
    private List<String> walk(Sort sort, int count) throws Exception {
      List<String> seen = new ArrayList<>();
      Optional<String> token = Optional.empty();
      int pages = 0;
      do {
        PageRequest request = token.map(t -> PageRequest.keyset(t, count)).orElse(PageRequest.firstKeyset(count));
        try (ResultPage<ResourceRecord> page = store().search(new StoreQuery(Condition.all(), sort, request))) {
          List<String> ids = page.items().map(ResourceRecord::id).toList();
          assertThat(ids).hasSizeLessThanOrEqualTo(count);
          seen.addAll(ids);
          token = page.nextToken();
        }
        pages++;
        assertThat(pages).as("keyset pages walked").isLessThanOrEqualTo(allIds.size());
      } while (token.isPresent());
      return seen;
    }
  }
}
