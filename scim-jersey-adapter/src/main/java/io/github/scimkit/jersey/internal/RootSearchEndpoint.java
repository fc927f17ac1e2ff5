package io.github.scimkit.jersey.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.engine.ResourceView;
import io.github.scimkit.core.engine.SearchParameters;
import io.github.scimkit.core.engine.SearchResults;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.projection.Projection;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * POST /.search at the root (RFC 7644 §3.4.3): one index-paged search across users and then
 * groups. A filter that names an attribute only one type has matches nothing of the other type;
 * a filter that neither type understands is a 400.
 */
public final class RootSearchEndpoint {

  private static final String LIST_RESPONSE_URN = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

  /** POST /.search. */
  public Response search(ScimRequest request) throws ScimException {
    ObjectNode body = request.body();
    if (body.has("cursor")) {
      throw BadRequestException.invalidValue("Root searches page by index only");
    }
    Optional<String> filter = JsonFields.text(body, "filter");
    long startIndex = Math.max(1, JsonFields.number(body, "startIndex").orElse(1L));
    var config = request.runtime().engine().config();
    int count = (int) Math.min(config.maxPageSize(), Math.max(0, JsonFields.number(body, "count").orElse((long) config.defaultPageSize())));

    long usersTotal = total(request, ResourceKind.USER, filter);
    long groupsTotal = total(request, ResourceKind.GROUP, filter);
    if (usersTotal < 0 && groupsTotal < 0) {
      throw BadRequestException.invalidFilter("No resource type understands the filter " + filter.orElse(""));
    }
    List<SearchResults> pages = new ArrayList<>();
    long offset = startIndex - 1;
    int remaining = count;
    long users = Math.max(0, usersTotal);
    if (usersTotal > 0 && offset < users && remaining > 0) {
      SearchResults page = page(request, ResourceKind.USER, filter, offset + 1, remaining);
      pages.add(page);
      remaining -= page.itemsPerPage();
    }
    if (groupsTotal > 0 && remaining > 0) {
      pages.add(page(request, ResourceKind.GROUP, filter, Math.max(0, offset - users) + 1, remaining));
    }
    long total = users + Math.max(0, groupsTotal);
    int items = pages.stream().mapToInt(SearchResults::itemsPerPage).sum();
    var mapping = request.runtime().engine().mapping();
    StreamingOutput out = stream -> {
      try (JsonGenerator generator = request.runtime().json().generator(stream)) {
        generator.writeStartObject();
        generator.writeArrayFieldStart("schemas");
        generator.writeString(LIST_RESPONSE_URN);
        generator.writeEndArray();
        generator.writeNumberField("totalResults", total);
        generator.writeNumberField("itemsPerPage", items);
        generator.writeNumberField("startIndex", startIndex);
        generator.writeArrayFieldStart("Resources");
        for (SearchResults page : pages) {
          try (page) {
            List<ResourceView> views = page.resources().toList();
            if (views.isEmpty()) {
              continue;
            }
            ResourceWriter writer = new ResourceWriter(request, Projection.defaults(
                views.get(0).kind() == ResourceKind.USER ? mapping.users() : mapping.groups()));
            writer.prefetchGroups(views);
            for (ResourceView view : views) {
              writer.write(generator, view);
            }
          }
        }
        generator.writeEndArray();
        generator.writeEndObject();
      }
    };
    return Response.ok(out, ScimJson.SCIM_JSON).build();
  }

  /** The number of matches of one type, or -1 when the type does not understand the filter. */
  private static long total(ScimRequest request, ResourceKind kind, Optional<String> filter) throws ScimException {
    try (SearchResults results = page(request, kind, filter, 1, 0)) {
      return results.totalResults();
    } catch (BadRequestException e) {
      if (BadRequestException.INVALID_FILTER.equals(e.getScimError().getScimType())) {
        return -1;
      }
      throw e;
    }
  }

  private static SearchResults page(ScimRequest request, ResourceKind kind, Optional<String> filter, long startIndex, int count)
      throws ScimException {
    return request.runtime().engine().search(request.context(), kind,
        new SearchParameters(filter, Optional.empty(), false, startIndex, OptionalInt.of(count)));
  }


}
