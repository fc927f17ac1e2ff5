package io.github.scimkit.jersey.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.types.SchemaResource;
import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.engine.GroupMembers;
import io.github.scimkit.core.mapping.ResourceMapping;
import io.github.scimkit.core.mapping.ScimUrns;
import io.github.scimkit.core.resource.GroupMemberView;
import io.github.scimkit.core.tenant.ScimMode;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * /ServiceProviderConfig, /ResourceTypes and /Schemas, generated from the mapping and the
 * configuration, advertising exactly what works.
 */
public final class DiscoveryEndpoints {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String LIST_RESPONSE_URN = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
  private static final String SPC_URN = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
  private static final String RESOURCE_TYPE_URN = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
  private static final String SCHEMA_URN = "urn:ietf:params:scim:schemas:core:2.0:Schema";

  /** GET /ServiceProviderConfig. */
  public Response serviceProviderConfig(ScimRequest request) throws ScimException {
    EngineConfig config = request.runtime().engine().config();
    boolean strict = request.runtime().engine().settings(request.client().tenantId())
        .map(settings -> settings.mode() == ScimMode.STRICT).orElse(false);
    ObjectNode spc = NODES.objectNode();
    spc.putArray("schemas").add(SPC_URN);
    spc.put("documentationUri", request.runtime().settings().documentationUri()
        .orElse("https://github.com/scimkit/scimkit/blob/main/docs/embedding.md"));
    spc.putObject("patch").put("supported", true);
    spc.putObject("bulk").put("supported", true)
        .put("maxOperations", config.maxBulkOperations())
        .put("maxPayloadSize", config.maxBulkPayloadBytes());
    spc.putObject("filter").put("supported", true).put("maxResults", config.maxPageSize());
    spc.putObject("changePassword").put("supported", false);
    spc.putObject("sort").put("supported", true);
    spc.putObject("etag").put("supported", true);
    ObjectNode pagination = spc.putObject("pagination");
    pagination.put("cursor", true);
    pagination.put("index", true);
    pagination.put("defaultPaginationMethod", "index");
    pagination.put("defaultPageSize", config.defaultPageSize());
    pagination.put("maxPageSize", config.maxPageSize());
    pagination.put("cursorTimeout", config.cursorTimeout().toSeconds());
    if (strict) {
      spc.put("interopProfileConformant", true);
    }
    ObjectNode bearer = spc.putArray("authenticationSchemes").addObject();
    bearer.put("type", "oauthbearertoken");
    bearer.put("name", "OAuth Bearer Token");
    bearer.put("description", "Authentication with the tenant's SCIM API key as a bearer token");
    bearer.put("primary", true);
    spc.set("meta", meta("ServiceProviderConfig", request.base().path("ServiceProviderConfig").build().toString()));
    return ok(request, spc);
  }

  /** GET /ResourceTypes. */
  public Response resourceTypes(ScimRequest request) {
    List<ObjectNode> types = new ArrayList<>();
    for (ResourceMapping mapping : mappings(request)) {
      types.add(resourceType(request, mapping));
    }
    if (request.runtime().engine().groupMembers().enabled()) {
      types.add(groupMemberType(request));
    }
    return ok(request, list(types));
  }

  /** GET /ResourceTypes/{id}. */
  public Response resourceType(ScimRequest request) throws ScimException {
    String id = request.pathParameter("id");
    for (ResourceMapping mapping : mappings(request)) {
      if (mapping.name().equals(id)) {
        return ok(request, resourceType(request, mapping));
      }
    }
    if (GroupMemberView.RESOURCE_TYPE.equals(id) && request.runtime().engine().groupMembers().enabled()) {
      return ok(request, groupMemberType(request));
    }
    throw new ResourceNotFoundException("No resource type " + id);
  }

  /** GET /Schemas. */
  public Response schemas(ScimRequest request) {
    return ok(request, list(new ArrayList<>(schemaNodes(request).values())));
  }

  /** GET /Schemas/{id}. */
  public Response schema(ScimRequest request) throws ScimException {
    String id = request.pathParameter("id");
    ObjectNode schema = schemaNodes(request).get(id);
    if (schema == null) {
      throw new ResourceNotFoundException("No schema " + id);
    }
    return ok(request, schema);
  }

  private static List<ResourceMapping> mappings(ScimRequest request) {
    var mapping = request.runtime().engine().mapping();
    return List.of(mapping.users(), mapping.groups());
  }

  private static ObjectNode resourceType(ScimRequest request, ResourceMapping mapping) {
    ObjectNode type = NODES.objectNode();
    type.putArray("schemas").add(RESOURCE_TYPE_URN);
    type.put("id", mapping.name());
    type.put("name", mapping.name());
    type.put("endpoint", mapping.endpoint());
    type.put("description", mapping.name() + " accounts");
    type.put("schema", mapping.coreSchemaUrn());
    List<String> extensions = new ArrayList<>();
    mapping.schemas().subList(1, mapping.schemas().size()).forEach(extension -> extensions.add(extension.getId()));
    if (mapping.coreSchemaUrn().equals(ScimUrns.GROUP) && request.runtime().engine().groupMembers().enabled()) {
      extensions.add(GroupMemberView.GROUP_EXTENSION);
    }
    if (!extensions.isEmpty()) {
      ArrayNode array = type.putArray("schemaExtensions");
      extensions.forEach(extension -> array.addObject().put("schema", extension).put("required", false));
    }
    type.set("meta", meta("ResourceType", request.base().path("ResourceTypes").path(mapping.name()).build().toString()));
    return type;
  }

  /** The GroupMember resource type (draft-zollner-scim-group-members-01 §4.3). */
  private static ObjectNode groupMemberType(ScimRequest request) {
    ObjectNode type = NODES.objectNode();
    type.putArray("schemas").add(RESOURCE_TYPE_URN);
    type.put("id", GroupMemberView.RESOURCE_TYPE);
    type.put("name", GroupMemberView.RESOURCE_TYPE);
    type.put("endpoint", "/" + GroupMemberEndpoints.ENDPOINT);
    type.put("description", "Direct memberships of users in groups");
    type.put("schema", GroupMemberView.SCHEMA);
    type.set("meta", meta("ResourceType",
        request.base().path("ResourceTypes").path(GroupMemberView.RESOURCE_TYPE).build().toString()));
    return type;
  }

  private static Map<String, ObjectNode> schemaNodes(ScimRequest request) {
    Map<String, ObjectNode> schemas = new LinkedHashMap<>();
    List<List<SchemaResource>> published = new ArrayList<>();
    mappings(request).forEach(mapping -> published.add(mapping.schemas()));
    if (request.runtime().engine().groupMembers().enabled()) {
      published.add(GroupMembers.schemas());
    }
    for (List<SchemaResource> resourceSchemas : published) {
      for (SchemaResource schema : resourceSchemas) {
        ObjectNode node = request.runtime().json().mapper().valueToTree(schema);
        node.remove("meta");
        node.putArray("schemas").add(SCHEMA_URN);
        node.set("meta", meta("Schema", request.base().path("Schemas").path(schema.getId()).build().toString()));
        schemas.putIfAbsent(schema.getId(), node);
      }
    }
    return schemas;
  }

  private static ObjectNode meta(String resourceType, String location) {
    ObjectNode meta = NODES.objectNode();
    meta.put("resourceType", resourceType);
    meta.put("location", location);
    return meta;
  }

  private static ObjectNode list(List<ObjectNode> resources) {
    ObjectNode list = NODES.objectNode();
    list.putArray("schemas").add(LIST_RESPONSE_URN);
    list.put("totalResults", resources.size());
    list.put("itemsPerPage", resources.size());
    list.put("startIndex", 1);
    list.putArray("Resources").addAll(resources);
    return list;
  }

  private static Response ok(ScimRequest request, ObjectNode body) {
    return Response.ok(request.runtime().json().bytes(body), ScimJson.SCIM_JSON).build();
  }
}
