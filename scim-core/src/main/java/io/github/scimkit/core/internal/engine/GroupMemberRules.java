package io.github.scimkit.core.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.resource.GroupMemberView;
import io.github.scimkit.core.resource.ResourceKind;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * What Group writes make of the read-only {@code membersMetadata} extension (draft-zollner §8.2.2):
 * a PATCH that targets it is refused with 400 {@code mutability}; a POST or PUT body that echoes
 * it back, as a client that sends what it read does, has it and its URN in {@code schemas}
 * dropped, as RFC 7643 §7 has read-only values ignored.
 */
public final class GroupMemberRules {

  private static final String EXTENSION = GroupMemberView.GROUP_EXTENSION.toLowerCase(Locale.ROOT);
  private static final String METADATA = "membersmetadata";

  private GroupMemberRules() {}

  /**
   * Returns a Group POST or PUT body without the extension, or the body itself when it has none
   * or the resource is off.
   *
   * @param config the engine's configuration
   * @param kind the kind written
   * @param body the body
   * @return the body to read
   */
  public static GenericScimResource withoutMetadata(EngineConfig config, ResourceKind kind, GenericScimResource body) {
    if (!config.groupMembers() || kind != ResourceKind.GROUP || body == null) {
      return body;
    }
    ObjectNode copy = body.getObjectNode().deepCopy();
    boolean dropped = removeExtension(copy);
    if (copy.get("schemas") instanceof ArrayNode schemas) {
      for (int i = schemas.size() - 1; i >= 0; i--) {
        if (schemas.get(i).isTextual() && schemas.get(i).asText().toLowerCase(Locale.ROOT).equals(EXTENSION)) {
          schemas.remove(i);
          dropped = true;
        }
      }
    }
    return dropped ? new GenericScimResource(copy) : body;
  }

  /**
   * Refuses a Group PATCH that changes {@code membersMetadata}, by path or inside a path-less
   * value.
   *
   * @param config the engine's configuration
   * @param kind the kind patched
   * @param request the PatchOp message
   * @throws BadRequestException {@code mutability} when an operation targets it
   */
  public static void checkPatch(EngineConfig config, ResourceKind kind, GenericScimResource request)
      throws BadRequestException {
    if (!config.groupMembers() || kind != ResourceKind.GROUP || request == null) {
      return;
    }
    for (JsonNode operation : request.getObjectNode().path("Operations")) {
      String path = operation.path("path").asText("").toLowerCase(Locale.ROOT);
      boolean targets = path.startsWith(EXTENSION) || path.startsWith(METADATA)
          || (operation.path("value").isObject() && removeExtension(operation.path("value").deepCopy()));
      if (targets) {
        throw BadRequestException.mutability("membersMetadata (" + GroupMemberView.GROUP_EXTENSION + ") is read-only");
      }
    }
  }

  /** Removes the extension object, or a bare {@code membersMetadata}, from a body; tells whether there was one. */
  private static boolean removeExtension(JsonNode node) {
    boolean removed = false;
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      String name = fields.next().getKey().toLowerCase(Locale.ROOT);
      if (name.equals(EXTENSION) || name.equals(METADATA)) {
        fields.remove();
        removed = true;
      }
    }
    return removed;
  }
}
