package io.github.scimkit.jersey.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.resource.UserGroup;
import io.github.scimkit.core.resource.ResourceView;
import io.github.scimkit.core.engine.ResourceType;
import io.github.scimkit.core.projection.Projection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes resources as JSON: sets {@code meta.location}, adds a user's {@code groups} (looked up
 * once per page with {@link #prefetchGroups}), applies the projection, and streams a group's
 * members from the store page by page, never holding them all.
 */
public final class ResourceWriter {

  private static final String MEMBERS = "members";
  private static final String GROUPS = "groups";

  private final ScimRequest request;
  private final Projection projection;
  private Map<String, List<UserGroup>> groups;

  /**
   * Creates a writer for one request.
   *
   * @param request the request
   * @param projection the attributes to return
   */
  public ResourceWriter(ScimRequest request, Projection projection) {
    this.request = request;
    this.projection = projection;
  }

  /**
   * Returns a resource's address.
   *
   * @param view the resource
   * @return the absolute address
   */
  public String location(ResourceView view) {
    return request.location(type(view).endpoint(), view.id());
  }

  private ResourceType type(ResourceView view) {
    return request.runtime().engine().resourceType(view.kind());
  }

  /**
   * Looks up the {@code groups} of the users among the views with one engine call, unless the
   * projection leaves {@code groups} out; {@link #write} then uses them.
   *
   * @param views the page about to be written
   * @throws IOException when the lookup fails
   */
  public void prefetchGroups(List<ResourceView> views) throws IOException {
    Set<String> users = new HashSet<>();
    views.stream().filter(view -> type(view).showsGroups()).forEach(view -> users.add(view.id()));
    groups = groupsOf(users);
  }

  private Map<String, List<UserGroup>> groupsOf(Set<String> users) throws IOException {
    if (users.isEmpty() || !projection.returns(GROUPS)) {
      return Map.of();
    }
    try {
      return request.runtime().engine().groupsOf(request.context(), users);
    } catch (ScimException e) {
      throw new IOException("Reading the groups of " + users.size() + " users failed", e);
    }
  }

  /**
   * Writes one resource.
   *
   * @param generator where to write
   * @param view the resource
   * @throws IOException when writing fails
   */
  public void write(JsonGenerator generator, ResourceView view) throws IOException {
    ObjectNode node = view.resource().getObjectNode();
    ((ObjectNode) node.path("meta")).put("location", location(view));
    ResourceType type = type(view);
    if (type.showsGroups() && projection.returns(GROUPS)) {
      addGroups(node, view.id());
    }
    projection.apply(view.resource());
    generator.writeStartObject();
    for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> field = fields.next();
      generator.writeFieldName(field.getKey());
      generator.writeTree(field.getValue());
    }
    if (type.hasMembers() && projection.returns(MEMBERS)) {
      writeMembers(generator, view.id());
    }
    generator.writeEndObject();
  }

  private void addGroups(ObjectNode node, String userId) throws IOException {
    if (groups == null) {
      groups = groupsOf(Set.of(userId));
    }
    List<UserGroup> userGroups = groups.getOrDefault(userId, List.of());
    if (userGroups.isEmpty()) {
      return;
    }
    ArrayNode array = node.putArray(GROUPS);
    for (UserGroup group : userGroups) {
      ObjectNode element = array.addObject().put("value", group.value())
          .put("$ref", request.location("Groups", group.value()));
      if (group.display() != null) {
        element.put("display", group.display());
      }
      element.put("type", UserGroup.DIRECT);
    }
  }

  private void writeMembers(JsonGenerator generator, String groupId) throws IOException {
    Stream<String> members;
    try {
      members = request.runtime().engine().members(request.context(), groupId);
    } catch (ScimException e) {
      throw new IOException("Reading the members of group " + groupId + " failed", e);
    }
    try (members) {
      Iterator<String> ids = members.iterator();
      if (!ids.hasNext()) {
        return;
      }
      generator.writeArrayFieldStart(MEMBERS);
      while (ids.hasNext()) {
        String id = ids.next();
        generator.writeStartObject();
        generator.writeStringField("value", id);
        generator.writeStringField("$ref", request.location("Users", id));
        generator.writeStringField("type", "User");
        generator.writeEndObject();
      }
      generator.writeEndArray();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
