package io.github.scimkit.core.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AttributeDefinition.Returned;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.github.scimkit.core.mapping.ResourceMapping;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The attributes of a resource type that a response without projection parameters leaves out
 * ({@code returned: never} or {@code request}), as paths of names; and a check of
 * whether a rendered resource holds any of them.
 */
final class HiddenAttributes {

  /** Each path: an optional extension URN, the attribute, and an optional sub-attribute. */
  private final List<List<String>> paths;

  private HiddenAttributes(List<List<String>> paths) {
    this.paths = paths;
  }

  /** Collects the hidden attributes of a resource type's core schema and extensions. */
  static HiddenAttributes of(ResourceTypeDefinition type) {
    List<List<String>> paths = new ArrayList<>();
    collect(type.getCoreSchema(), null, paths);
    for (SchemaResource extension : type.getSchemaExtensions().keySet()) {
      collect(extension, extension.getId(), paths);
    }
    return new HiddenAttributes(List.copyOf(paths));
  }

  private static void collect(SchemaResource schema, String urn, List<List<String>> paths) {
    if (schema == null) {
      return;
    }
    for (AttributeDefinition attribute : schema.getAttributes()) {
      List<String> prefix = new ArrayList<>();
      if (urn != null) {
        prefix.add(urn);
      }
      prefix.add(attribute.getName());
      if (hidden(attribute)) {
        paths.add(List.copyOf(prefix));
        continue;
      }
      Collection<AttributeDefinition> subs = attribute.getSubAttributes();
      for (AttributeDefinition sub : subs == null ? List.<AttributeDefinition>of() : subs) {
        if (hidden(sub)) {
          List<String> path = new ArrayList<>(prefix);
          path.add(sub.getName());
          paths.add(List.copyOf(path));
        }
      }
    }
  }

  private static boolean hidden(AttributeDefinition attribute) {
    return attribute.getReturned() == Returned.NEVER || attribute.getReturned() == Returned.REQUEST;
  }

  /** Tells whether a resource the mapping renders may hold a value at some hidden path. */
  boolean renderableBy(ResourceMapping mapping) {
    for (List<String> path : paths) {
      boolean extension = path.get(0).regionMatches(true, 0, "urn:", 0, 4);
      if (mapping.mayRender(extension ? path.get(0) : null, path.get(extension ? 1 : 0))) {
        return true;
      }
    }
    return false;
  }

  /** Tells whether a rendered resource holds a value at any hidden path; names compare case-insensitively. */
  boolean anyIn(ObjectNode resource) {
    for (List<String> path : paths) {
      if (holds(resource, path, 0)) {
        return true;
      }
    }
    return false;
  }

  private static boolean holds(JsonNode node, List<String> path, int at) {
    if (at == path.size()) {
      return true;
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (holds(element, path, at)) {
          return true;
        }
      }
      return false;
    }
    if (!node.isObject()) {
      return false;
    }
    for (var fields = node.fields(); fields.hasNext(); ) {
      var field = fields.next();
      if (field.getKey().equalsIgnoreCase(path.get(at)) && holds(field.getValue(), path, at + 1)) {
        return true;
      }
    }
    return false;
  }
}
