package io.github.scimkit.jersey.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.config.PatchResponse;
import io.github.scimkit.core.engine.PaginationMode;
import io.github.scimkit.core.engine.SearchParameters;
import io.github.scimkit.core.engine.SearchResults;
import io.github.scimkit.core.mapping.ResourceMapping;
import io.github.scimkit.core.projection.Projection;
import io.github.scimkit.core.resource.EntityTags;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.resource.ResourceView;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The operations on {@code /Users} or {@code /Groups}: HTTP in, engine calls, SCIM JSON out. */
public final class ResourceEndpoints {

  private static final String LIST_RESPONSE_URN = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
  private static final Logger LOG = LoggerFactory.getLogger("scimkit.http");

  private final ResourceKind kind;

  /**
   * Creates the endpoints of one kind.
   *
   * @param kind users or groups
   */
  public ResourceEndpoints(ResourceKind kind) {
    this.kind = kind;
  }

  private ResourceMapping mapping(ScimRequest request) {
    return request.runtime().engine().resourceType(kind).mapping();
  }

  private Projection projection(ScimRequest request, Optional<String> attributes, Optional<String> excluded)
      throws BadRequestException {
    return Projection.of(mapping(request), attributes, excluded);
  }

  private Projection projection(ScimRequest request) throws BadRequestException {
    return projection(request, request.query("attributes"), request.query("excludedAttributes"));
  }

  /** GET on the collection: a filtered, sorted, paged list. */
  public Response list(ScimRequest request) throws ScimException {
    return listResponse(request, queryParameters(request), projection(request));
  }

  /**
   * Reads a list request's search parameters from its query: filter, sort, index page, or
   * cursor page when {@code cursor} is named.
   *
   * @param request the request
   * @return the parameters
   * @throws ScimException 400 {@code invalidValue} for a number that is not one
   */
  public static SearchParameters queryParameters(ScimRequest request) throws ScimException {
    SearchParameters parameters = new SearchParameters(
        request.query("filter"),
        request.query("sortBy"),
        request.query("sortOrder").map("descending"::equalsIgnoreCase).orElse(false),
        parseLong(request.query("startIndex"), "startIndex").orElse(1L),
        parseInt(request.query("count"), "count"));
    if (request.query("cursor").isPresent()) {
      parameters = parameters.withCursor(request.query("cursor").get());
    }
    return parameters;
  }

  /** POST {@code .search}: the same search with its parameters in the body. */
  public Response search(ScimRequest request) throws ScimException {
    ObjectNode body = request.body();
    SearchParameters parameters = new SearchParameters(
        JsonFields.text(body, "filter"),
        JsonFields.text(body, "sortBy"),
        JsonFields.text(body, "sortOrder").map("descending"::equalsIgnoreCase).orElse(false),
        JsonFields.number(body, "startIndex").orElse(1L),
        JsonFields.number(body, "count").map(count -> OptionalInt.of((int) Math.max(Integer.MIN_VALUE,
            Math.min(Integer.MAX_VALUE, count)))).orElse(OptionalInt.empty()));
    if (body.has("cursor")) {
      parameters = parameters.withCursor(JsonFields.text(body, "cursor").orElse(""));
    }
    return listResponse(request, parameters, projection(request, JsonFields.paths(body, "attributes"), JsonFields.paths(body, "excludedAttributes")));
  }

  private Response listResponse(ScimRequest request, SearchParameters parameters, Projection projection)
      throws ScimException {
    SearchResults results = request.runtime().engine().search(request.context(), kind, parameters);
    ResourceWriter writer = new ResourceWriter(request, projection);
    List<ResourceView> views;
    try {
      // Read before the response starts, so that a failing store still answers a SCIM error.
      views = results.resources().toList();
      writer.lookUp(views);
    } catch (ScimException | RuntimeException e) {
      results.close();
      throw e;
    }
    StreamingOutput body = out -> {
      try (results; JsonGenerator generator = request.runtime().json().generator(out)) {
        generator.writeStartObject();
        generator.writeArrayFieldStart("schemas");
        generator.writeString(LIST_RESPONSE_URN);
        generator.writeEndArray();
        boolean cursor = results.paginationMode() == PaginationMode.CURSOR;
        if (results.total().isPresent()) {
          generator.writeNumberField("totalResults", results.total().getAsLong());
        }
        if (!cursor) {
          generator.writeNumberField("itemsPerPage", results.itemsPerPage());
          generator.writeNumberField("startIndex", results.startIndex());
        }
        generator.writeArrayFieldStart("Resources");
        for (ResourceView view : views) {
          writer.write(generator, view);
        }
        generator.writeEndArray();
        if (cursor) {
          generator.writeNumberField("itemsPerPage", results.itemsPerPage());
          if (results.nextCursor().isPresent()) {
            generator.writeStringField("nextCursor", results.nextCursor().get());
          }
        }
        generator.writeEndObject();
      }
    };
    return Response.ok(body, ScimJson.SCIM_JSON).build();
  }

  /** GET of one resource, with If-None-Match. */
  public Response get(ScimRequest request) throws ScimException {
    Optional<EntityTagList> match = request.ifMatch();
    Optional<EntityTagList> noneMatch = request.ifNoneMatch();
    ResourceView view = request.runtime().engine().get(request.context(), kind, request.resourceId());
    if (match.isPresent() && !match.get().matches(view.version())) {
      throw new PreconditionFailedException("The resource's version is " + EntityTags.of(view.version()));
    }
    if (noneMatch.isPresent() && noneMatch.get().matches(view.version())) {
      return Response.notModified().tag(etag(view)).build();
    }
    ResourceWriter writer = new ResourceWriter(request, projection(request)).withMemberCount();
    writer.lookUp(List.of(view));
    return resource(request, Response.Status.OK, view, writer);
  }

  /** POST on the collection: 201 with Location. */
  public Response create(ScimRequest request) throws ScimException {
    Projection projection = projection(request);
    ResourceView view = request.runtime().engine().create(
        request.context(), kind, new GenericScimResource(request.body()));
    return written(request, Response.Status.CREATED, view, projection);
  }

  /** PUT of one resource, with If-Match. */
  public Response replace(ScimRequest request) throws ScimException {
    String id = request.resourceId();
    Projection projection = projection(request);
    ResourceView view = request.runtime().engine().replace(request.context(), kind, id,
        new GenericScimResource(request.body()), Preconditions.expectedVersion(request, kind, id));
    return written(request, Response.Status.OK, view, projection);
  }

  /** PATCH of one resource: 200 with the resource or 204, as the engine's kind answers or the client asks. */
  public Response patch(ScimRequest request) throws ScimException {
    String id = request.resourceId();
    Projection projection = projection(request);
    ResourceView view = request.runtime().engine().patch(request.context(), kind, id,
        new GenericScimResource(request.body()), Preconditions.expectedVersion(request, kind, id));
    PatchResponse answer = request.runtime().engine().resourceType(kind).patchResponse();
    boolean asked = request.query("attributes").isPresent() || request.query("excludedAttributes").isPresent();
    if (answer == PatchResponse.NO_CONTENT && !asked) {
      return Response.noContent().tag(etag(view)).build();
    }
    return written(request, Response.Status.OK, view, projection);
  }

  /** DELETE of one resource: 204. */
  public Response delete(ScimRequest request) throws ScimException {
    String id = request.resourceId();
    request.runtime().engine().delete(request.context(), kind, id, Preconditions.expectedVersion(request, kind, id));
    return Response.noContent().build();
  }

  /**
   * The response to a saved write. A lookup failing after the write committed does not turn it
   * into an error, which the client would retry: the resource is answered without what the
   * lookups add (and a group without its members), and the failure is logged.
   */
  private Response written(ScimRequest request, Response.Status status, ResourceView view, Projection projection) {
    ResourceWriter writer = new ResourceWriter(request, projection).withMemberCount();
    try {
      writer.lookUp(List.of(view));
    } catch (ScimException | RuntimeException e) {
      LOG.warn("The write is saved, but reading its groups, manager's name or members for the response failed; "
          + "answering without them (correlationId={})", request.context().correlationId(), e);
      writer.skipLookUps();
    }
    return resource(request, status, view, writer);
  }

  private Response resource(ScimRequest request, Response.Status status, ResourceView view, ResourceWriter writer) {
    String location = writer.location(view);
    StreamingOutput body = out -> {
      try (JsonGenerator generator = request.runtime().json().generator(out)) {
        writer.write(generator, view);
      }
    };
    return Response.status(status)
        .entity(body)
        .type(ScimJson.SCIM_JSON)
        .tag(etag(view))
        .header(HttpHeaders.LOCATION, URI.create(location))
        .build();
  }

  /** The weak entity tag of a resource's version, as in {@code meta.version}. */
  private static EntityTag etag(ResourceView view) {
    return new EntityTag(String.valueOf(view.version()), true);
  }

  private static Optional<Long> parseLong(Optional<String> value, String name) throws BadRequestException {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(value.get().trim()));
    } catch (NumberFormatException e) {
      throw BadRequestException.invalidValue(name + " must be an integer");
    }
  }

  private static OptionalInt parseInt(Optional<String> value, String name) throws BadRequestException {
    Optional<Long> number = parseLong(value, name);
    return number.isEmpty() ? OptionalInt.empty()
        : OptionalInt.of((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number.get())));
  }

}
