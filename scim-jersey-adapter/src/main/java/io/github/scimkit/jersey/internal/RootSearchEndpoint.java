package io.github.scimkit.jersey.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.resource.ResourceView;
import com.unboundid.scim2.common.Path;
import io.github.scimkit.core.engine.ResourceType;
import io.github.scimkit.core.engine.SearchParameters;
import io.github.scimkit.core.engine.SearchResults;
import io.github.scimkit.core.mapping.ResourceMapping;
import io.github.scimkit.core.projection.Projection;
import io.github.scimkit.core.resource.ResourceKind;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * POST /.search at the root (RFC 7644 §3.4.3): one index-paged search across users and groups,
 * honouring every SearchRequest member as the per-type search does: {@code filter}, {@code
 * sortBy} and {@code sortOrder}, {@code startIndex} and {@code count}, {@code attributes} and
 * {@code excludedAttributes}. A filter that names an attribute only one type has matches nothing
 * of the other type; a filter that neither type understands is a 400. Without {@code sortBy},
 * users come before groups, each in id order; with it, the results of both types are sorted
 * together and paged once ({@link MergedSort}), a type that cannot sort by the attribute counting
 * as holding no value for it.
 */
public final class RootSearchEndpoint {

  private static final String LIST_RESPONSE_URN = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

  /** The search as the body asks it, with a cursor refused. */
  private record Query(Optional<String> filter, Optional<String> sortBy, boolean descending) {}

  /** POST /.search. */
  public Response search(ScimRequest request) throws ScimException {
    ObjectNode body = request.body();
    if (body.has("cursor")) {
      throw BadRequestException.invalidValue("Root searches page by index only");
    }
    Query query = new Query(JsonFields.text(body, "filter"), JsonFields.text(body, "sortBy"),
        JsonFields.text(body, "sortOrder").map("descending"::equalsIgnoreCase).orElse(false));
    Optional<String> attributes = JsonFields.paths(body, "attributes");
    Optional<String> excluded = JsonFields.paths(body, "excludedAttributes");
    long startIndex = Math.max(1, JsonFields.number(body, "startIndex").orElse(1L));
    var config = request.runtime().engine().config();
    int count = (int) Math.min(config.maxPageSize(), Math.max(0, JsonFields.number(body, "count").orElse((long) config.defaultPageSize())));

    List<ResourceType> types = request.runtime().engine().resourceTypes();
    List<Query> queries = new ArrayList<>();
    for (ResourceType type : types) {
      queries.add(sortable(type.mapping(), query));
    }
    if (query.sortBy().isPresent() && queries.stream().allMatch(typed -> typed.sortBy().isEmpty())) {
      throw BadRequestException.invalidValue("No resource type can sort by " + query.sortBy().get());
    }
    long[] totals = new long[types.size()];
    for (int i = 0; i < types.size(); i++) {
      totals[i] = total(request, types.get(i).kind(), queries.get(i));
    }
    if (Arrays.stream(totals).allMatch(typeTotal -> typeTotal < 0)) {
      throw BadRequestException.invalidFilter("No resource type understands the filter " + query.filter().orElse(""));
    }
    long total = Arrays.stream(totals).map(typeTotal -> Math.max(0, typeTotal)).sum();
    List<MergedSort.Source> sources = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      sources.add(source(request, types.get(i), queries.get(i), totals[i]));
    }
    List<ResourceView> views = query.sortBy().isPresent()
        ? new MergedSort(query.sortBy().get(), query.descending(), config.maxPageSize()).page(sources, startIndex, count)
        : concatenated(sources, startIndex, count);
    int items = views.size();
    Map<ResourceKind, ResourceWriter> writers = new EnumMap<>(ResourceKind.class);
    for (ResourceType type : types) {
      ResourceWriter writer = new ResourceWriter(request, Projection.of(type.mapping(), attributes, excluded));
      writer.lookUp(views.stream().filter(view -> view.kind() == type.kind()).toList());
      writers.put(type.kind(), writer);
    }
    long listed = total;
    StreamingOutput out = stream -> {
      try (JsonGenerator generator = request.runtime().json().generator(stream)) {
        generator.writeStartObject();
        generator.writeArrayFieldStart("schemas");
        generator.writeString(LIST_RESPONSE_URN);
        generator.writeEndArray();
        generator.writeNumberField("totalResults", listed);
        generator.writeNumberField("itemsPerPage", items);
        generator.writeNumberField("startIndex", startIndex);
        generator.writeArrayFieldStart("Resources");
        for (ResourceView view : views) {
          writers.get(view.kind()).write(generator, view);
        }
        generator.writeEndArray();
        generator.writeEndObject();
      }
    };
    return Response.ok(out, ScimJson.SCIM_JSON).build();
  }

  /** Each type's results from {@code startIndex} on, one type after the other, each in id order. */
  private static List<ResourceView> concatenated(List<MergedSort.Source> sources, long startIndex, int count)
      throws ScimException {
    List<ResourceView> views = new ArrayList<>();
    long offset = startIndex - 1;
    for (MergedSort.Source source : sources) {
      if (source.total() > 0 && offset < source.total() && views.size() < count) {
        views.addAll(source.reader().read(offset + 1, count - views.size()));
      }
      offset = Math.max(0, offset - source.total());
    }
    return views;
  }

  /** One type's results, read a page at a time in the type's order. */
  private static MergedSort.Source source(ScimRequest request, ResourceType type, Query query, long total) {
    return new MergedSort.Source((start, count) -> {
      try (SearchResults page = page(request, type.kind(), query, start, count)) {
        return page.resources().toList();
      }
    }, type.mapping(), query.sortBy().isPresent(), Math.max(0, total));
  }

  /** The query for one type: without its sort when the type cannot sort by the attribute. */
  private static Query sortable(ResourceMapping mapping, Query query) {
    if (query.sortBy().isEmpty()) {
      return query;
    }
    try {
      mapping.toSort(Path.fromString(query.sortBy().get()), query.descending());
      return query;
    } catch (BadRequestException e) {
      return new Query(query.filter(), Optional.empty(), false);
    }
  }

  /** The number of matches of one type, or -1 when the type does not understand the filter. */
  private static long total(ScimRequest request, ResourceKind kind, Query query) throws ScimException {
    try (SearchResults results = page(request, kind, query, 1, 0)) {
      return results.totalResults();
    } catch (BadRequestException e) {
      if (BadRequestException.INVALID_FILTER.equals(e.getScimError().getScimType())) {
        return -1;
      }
      throw e;
    }
  }

  private static SearchResults page(ScimRequest request, ResourceKind kind, Query query, long startIndex, int count)
      throws ScimException {
    return request.runtime().engine().search(request.context(), kind,
        new SearchParameters(query.filter(), query.sortBy(), query.descending(), startIndex, OptionalInt.of(count)));
  }

}
