package io.github.scimkit.jersey.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.types.AttributeDefinition;
import io.github.scimkit.core.mapping.ResourceMapping;
import io.github.scimkit.core.resource.ResourceView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * One sort across users and groups for the root {@code /.search} (RFC 7644 §3.4.3): each type's
 * results, sorted by its store, are read page by page and merged by their SCIM value at {@code
 * sortBy}, then paged once. Values compare as the stores' contract orders them: strings case-folded
 * ({@code toLowerCase(Locale.ROOT)}) unless case-exact, numbers numerically, date-times in time,
 * {@code false} before {@code true}; resources without a value (also every resource of a type that
 * cannot sort by the attribute) come last ascending and first descending; ties go by id.
 */
final class MergedSort {

  /** Reads one type's results in its sorted order, one engine page at a time. */
  @FunctionalInterface
  interface PageReader {
    /**
     * Reads the results from a 1-based position.
     *
     * @param startIndex the first position
     * @param count how many
     * @return the results, in order
     * @throws ScimException when the search fails
     */
    List<ResourceView> read(long startIndex, int count) throws ScimException;
  }

  /** A resource with its sort value. */
  private record Keyed(ResourceView view, Object key) {}

  private final Path path;
  private final boolean descending;
  private final int pageSize;

  /**
   * Creates the merge of a sort.
   *
   * @param sortBy the attribute path
   * @param descending whether the order is descending
   * @param pageSize how many results to read per engine call
   * @throws BadRequestException when the path does not parse
   */
  MergedSort(String sortBy, boolean descending, int pageSize) throws BadRequestException {
    this.path = Path.fromString(sortBy);
    this.descending = descending;
    this.pageSize = Math.max(1, pageSize);
  }

  /**
   * Returns one page of the merged order.
   *
   * @param sources each type's side
   * @param startIndex the 1-based position of the page
   * @param count the page size
   * @return the page
   * @throws ScimException when a search fails
   */
  List<ResourceView> page(List<Source> sources, long startIndex, int count) throws ScimException {
    List<Cursor> cursors = new ArrayList<>();
    for (Source source : sources) {
      cursors.add(new Cursor(source));
    }
    Comparator<Keyed> order = order();
    List<ResourceView> page = new ArrayList<>(Math.max(0, count));
    for (long position = 1; page.size() < count; position++) {
      Cursor least = null;
      for (Cursor cursor : cursors) {
        if (cursor.hasNext() && (least == null || order.compare(cursor.peek(), least.peek()) < 0)) {
          least = cursor;
        }
      }
      if (least == null) {
        break;
      }
      Keyed next = least.next();
      if (position >= startIndex) {
        page.add(next.view());
      }
    }
    return page;
  }

  /**
   * One type's side of the merge.
   *
   * @param reader how to read its sorted results
   * @param mapping its mapping, for the attribute's definition
   * @param sorted whether its store sorted by the attribute (else no resource of it has a key)
   * @param total how many results it has
   */
  record Source(PageReader reader, ResourceMapping mapping, boolean sorted, long total) {}

  private Comparator<Keyed> order() {
    Comparator<Keyed> ascending = Comparator.comparing(Keyed::key, Comparator.nullsLast(MergedSort::compareKeys))
        .thenComparing(keyed -> keyed.view().id());
    return descending ? ascending.reversed() : ascending;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareKeys(Object left, Object right) {
    int byType = Integer.compare(rank(left), rank(right));
    return byType != 0 ? byType : ((Comparable) left).compareTo(right);
  }

  private static int rank(Object key) {
    if (key instanceof String) {
      return 0;
    }
    if (key instanceof BigDecimal) {
      return 1;
    }
    return key instanceof Instant ? 2 : 3;
  }

  /** The sort value of a resource: its first simple value at the path, folded unless case-exact. */
  private Object key(ResourceView view, ResourceMapping mapping) {
    JsonNode value;
    try {
      value = view.resource().getValue(path);
    } catch (ScimException e) {
      return null;
    }
    if (value != null && value.isArray()) {
      value = value.size() == 0 ? null : value.get(0);
    }
    if (value == null || value.isNull() || value.isContainerNode()) {
      return null;
    }
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    Optional<AttributeDefinition> definition = mapping.definition(path);
    if (isDateTime(definition)) {
      try {
        return Instant.parse(value.asText());
      } catch (DateTimeParseException e) {
        return value.asText();
      }
    }
    boolean caseExact = definition.map(AttributeDefinition::isCaseExact).orElse(true);
    return caseExact ? value.asText() : value.asText().toLowerCase(Locale.ROOT);
  }

  private boolean isDateTime(Optional<AttributeDefinition> definition) {
    if (definition.isPresent()) {
      return definition.get().getType() == AttributeDefinition.Type.DATETIME;
    }
    String name = path.toString().toLowerCase(Locale.ROOT);
    return name.equals("meta.created") || name.equals("meta.lastmodified");
  }

  /** Reads one type's results lazily, a page at a time. */
  private final class Cursor {
    private final Source source;
    private long read;
    private Iterator<ResourceView> buffer = List.<ResourceView>of().iterator();
    private Keyed peeked;

    Cursor(Source source) {
      this.source = source;
    }

    boolean hasNext() throws ScimException {
      if (peeked != null) {
        return true;
      }
      if (!buffer.hasNext() && read < source.total()) {
        List<ResourceView> page = source.reader().read(read + 1, pageSize);
        read += page.isEmpty() ? source.total() : page.size();
        buffer = page.iterator();
      }
      if (!buffer.hasNext()) {
        return false;
      }
      ResourceView view = buffer.next();
      peeked = new Keyed(view, source.sorted() ? key(view, source.mapping()) : null);
      return true;
    }

    Keyed peek() throws ScimException {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return peeked;
    }

    Keyed next() throws ScimException {
      Keyed next = peek();
      peeked = null;
      return next;
    }
  }
}
