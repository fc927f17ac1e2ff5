package io.github.scimkit.jersey.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.resource.ResourceView;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.projection.Projection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes resources as JSON: sets {@code meta.location}, applies the projection, and streams a
 * group's members from the store page by page, never holding them all.
 */
public final class ResourceWriter {

  private static final String MEMBERS = "members";

  private final ScimRequest request;
  private final Projection projection;

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
   * Returns the endpoint of a kind.
   *
   * @param kind users or groups
   * @return {@code Users} or {@code Groups}
   */
  public static String endpoint(ResourceKind kind) {
    return kind == ResourceKind.USER ? "Users" : "Groups";
  }

  /**
   * Returns a resource's address.
   *
   * @param view the resource
   * @return the absolute address
   */
  public String location(ResourceView view) {
    return request.location(endpoint(view.kind()), view.id());
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
    projection.apply(view.resource());
    generator.writeStartObject();
    for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> field = fields.next();
      generator.writeFieldName(field.getKey());
      generator.writeTree(field.getValue());
    }
    if (view.kind() == ResourceKind.GROUP && projection.returns(MEMBERS)) {
      writeMembers(generator, view.id());
    }
    generator.writeEndObject();
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
