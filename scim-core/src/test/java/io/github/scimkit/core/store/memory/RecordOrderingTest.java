package io.github.scimkit.core.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.query.AttributeRef;
import io.github.scimkit.core.store.query.Sort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordOrderingTest {

  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final AttributeRef NAME = AttributeRef.of("name");

  private static ResourceRecord record(String id, Map<String, ?> attributes) {
    return new ResourceRecord(id, 1, T0, T0, Attributes.of(attributes));
  }

  private final List<ResourceRecord> records = List.of(
      record("4", Map.of("name", "bravo")),
      record("2", Map.of("name", "Alpha")),
      record("5", Map.of()),
      record("3", Map.of("name", "alpha")),
      record("1", Map.of("name", "Charlie")));

  private List<String> sortedIds(Sort sort) {
    List<ResourceRecord> sorted = new ArrayList<>(records);
    sorted.sort(RecordOrdering.of(sort));
    return sorted.stream().map(ResourceRecord::id).toList();
  }

  @Test
  void foldsCaseAndBreaksTiesByIdWithAbsentLast() {
    assertThat(sortedIds(Sort.ascending(NAME, false))).containsExactly("2", "3", "4", "1", "5");
  }

  @Test
  void descendingPutsAbsentFirstAndReversesTies() {
    assertThat(sortedIds(Sort.descending(NAME, false))).containsExactly("5", "1", "4", "3", "2");
  }

  @Test
  void caseExactSortsByCodeUnits() {
    assertThat(sortedIds(Sort.ascending(NAME, true))).containsExactly("2", "1", "3", "4", "5");
  }

  @Test
  void sortsByRecordFieldsAndFirstValueOfLists() {
    assertThat(sortedIds(Sort.BY_ID)).containsExactly("1", "2", "3", "4", "5");
    List<ResourceRecord> numbered = new ArrayList<>(List.of(
        record("a", Map.of("n", List.of(10L, 1L))),
        record("b", Map.of("n", 2L)),
        new ResourceRecord("c", 1, T0.minusSeconds(1), T0, Attributes.empty())));
    numbered.sort(RecordOrdering.of(Sort.ascending(AttributeRef.of("n"), true)));
    assertThat(numbered).extracting(ResourceRecord::id).containsExactly("b", "a", "c");
    numbered.sort(RecordOrdering.of(Sort.ascending(AttributeRef.CREATED, true)));
    assertThat(numbered).extracting(ResourceRecord::id).containsExactly("c", "a", "b");
  }
}
