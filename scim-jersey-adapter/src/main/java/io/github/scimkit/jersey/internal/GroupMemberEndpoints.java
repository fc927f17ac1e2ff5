package io.github.scimkit.jersey.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.MethodNotAllowedException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.engine.GroupMemberPage;
import io.github.scimkit.core.engine.GroupMembers;
import io.github.scimkit.core.engine.PaginationMode;
import io.github.scimkit.core.projection.Projection;
import io.github.scimkit.core.resource.GroupMemberView;
import io.github.scimkit.core.resource.ResourceKind;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * {@code /GroupMembers} (draft-zollner-scim-group-members-01 §6): POST, GET of one or a filtered
 * list, and DELETE; PATCH and PUT answer 405 with a SCIM error and change nothing. {@code
 * attributes} and {@code excludedAttributes} apply to every membership returned, as on the other
 * resource types.
 */
public final class GroupMemberEndpoints {

  /** The endpoint's path segment under the SCIM base. */
  public static final String ENDPOINT = "GroupMembers";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String LIST_RESPONSE_URN = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

  private static GroupMembers members(ScimRequest request) {
    return request.runtime().engine().groupMembers();
  }

  /** POST: 201 with the membership and its Location. */
  public Response create(ScimRequest request) throws ScimException {
    Projection projection = projection(request);
    GroupMemberView view = members(request).create(request.context(), new GenericScimResource(request.body()));
    return Response.status(Response.Status.CREATED)
        .entity(request.runtime().json().bytes(render(request, view, projection)))
        .type(ScimJson.SCIM_JSON)
        .header(HttpHeaders.LOCATION, URI.create(request.location(ENDPOINT, view.id())))
        .build();
  }

  /** GET of one membership. */
  public Response get(ScimRequest request) throws ScimException {
    Projection projection = projection(request);
    return ok(request, render(request, members(request).get(request.context(), request.resourceId()), projection));
  }

  /** GET of the collection: a filtered index or cursor page. */
  public Response list(ScimRequest request) throws ScimException {
    Projection projection = projection(request);
    GroupMemberPage page = members(request).search(request.context(), ResourceEndpoints.queryParameters(request));
    ObjectNode list = NODES.objectNode();
    list.putArray("schemas").add(LIST_RESPONSE_URN);
    page.total().ifPresent(total -> list.put("totalResults", total));
    list.put("itemsPerPage", page.resources().size());
    if (page.mode() == PaginationMode.INDEX) {
      list.put("startIndex", page.startIndex());
    }
    var resources = list.putArray("Resources");
    for (GroupMemberView view : page.resources()) {
      resources.add(render(request, view, projection));
    }
    page.nextCursor().ifPresent(cursor -> list.put("nextCursor", cursor));
    return ok(request, list);
  }

  /** DELETE: 204. */
  public Response delete(ScimRequest request) throws ScimException {
    members(request).delete(request.context(), request.resourceId());
    return Response.noContent().build();
  }

  /** PATCH and PUT: 405, since a membership is only created and deleted (§6). */
  public Response refuse(ScimRequest request) throws ScimException {
    throw new MethodNotAllowedException(
        "A GroupMember cannot be modified: POST a new one and DELETE the old one instead");
  }

  private static Projection projection(ScimRequest request) throws ScimException {
    return GroupMembers.projection(request.query("attributes"), request.query("excludedAttributes"));
  }

  /** The membership as JSON, trimmed by the projection. */
  private static ObjectNode render(ScimRequest request, GroupMemberView view, Projection projection) {
    ObjectNode node = NODES.objectNode();
    node.putArray("schemas").add(GroupMemberView.SCHEMA);
    node.put("id", view.id());
    ObjectNode group = node.putObject("group").put("value", view.groupId())
        .put("$ref", request.location(endpoint(request, ResourceKind.GROUP), view.groupId()));
    if (view.groupDisplay() != null) {
      group.put("display", view.groupDisplay());
    }
    ObjectNode member = node.putObject("member").put("value", view.memberId())
        .put("$ref", request.location(endpoint(request, ResourceKind.USER), view.memberId()))
        .put("type", GroupMemberView.MEMBER_TYPE);
    if (view.memberDisplay() != null) {
      member.put("display", view.memberDisplay());
    }
    node.putObject("meta")
        .put("resourceType", GroupMemberView.RESOURCE_TYPE)
        .put("created", view.created().toString())
        .put("lastModified", view.lastModified().toString())
        .put("location", request.location(ENDPOINT, view.id()));
    projection.apply(new GenericScimResource(node));
    return node;
  }

  private static String endpoint(ScimRequest request, ResourceKind kind) {
    return request.runtime().engine().resourceType(kind).endpoint();
  }

  private static Response ok(ScimRequest request, ObjectNode body) {
    return Response.ok(request.runtime().json().bytes(body), ScimJson.SCIM_JSON).build();
  }
}
