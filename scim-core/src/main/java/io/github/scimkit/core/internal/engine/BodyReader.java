package io.github.scimkit.core.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.dialect.Tolerance;
import io.github.scimkit.core.internal.dialect.ResourceBodyNormalizer;
import io.github.scimkit.core.store.Attributes;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a POST or PUT body: normalises the dialect, takes the member ids out, checks the schema
 * and reads the mapped attributes.
 */
final class BodyReader {

  /**
   * A body read for one kind.
   *
   * @param normalized the normalised body, without members
   * @param attributes the mapped attributes
   * @param members the member ids, when the body has {@code members}
   */
  record Body(ObjectNode normalized, Attributes attributes, Optional<Set<String>> members) {}

  private BodyReader() {}

  static Body read(EngineServices services, ResourceSupport support, Session session, GenericScimResource body)
      throws ScimException {
    ObjectNode normalized = normalize(services, support, session, body);
    Optional<Set<String>> members = Optional.empty();
    JsonNode memberNode = normalized.remove(MemberChanges.MEMBERS);
    if (memberNode != null && support.hasMembers()) {
      members = Optional.of(MemberChanges.idsOf(memberNode, services.config().maxMembersPerOperation()));
    }
    return new Body(normalized, attributes(services, support, session, normalized), members);
  }

  /**
   * Normalises the dialect of a body, listing missing schema URNs where tolerated, and holds it
   * to the input rule.
   */
  static ObjectNode normalize(EngineServices services, ResourceSupport support, Session session, GenericScimResource body)
      throws ScimException {
    ObjectNode normalized = new ResourceBodyNormalizer(support.schema(), session.tolerances())
        .normalize(body.getObjectNode());
    services.checks().checkInput(support, normalized);
    if (session.tolerances().allows(Tolerance.UNKNOWN_SCHEMA_URNS)) {
      declareSchemas(support, normalized);
    }
    return normalized;
  }

  /** Checks a normalised body against the schema and reads its mapped attributes. */
  static Attributes attributes(EngineServices services, ResourceSupport support, Session session, ObjectNode normalized)
      throws ScimException {
    services.checks().checkBody(support, normalized, session.settings().mode());
    return support.mapping().read(new GenericScimResource(normalized), session.settings().mode());
  }

  /** Lists the core schema, and each extension the body uses, in {@code schemas} when a client left them out. */
  private static void declareSchemas(ResourceSupport support, ObjectNode body) {
    JsonNode existing = body.get("schemas");
    ArrayNode schemas = existing != null && existing.isArray() ? (ArrayNode) existing : body.putArray("schemas");
    body.set("schemas", schemas);
    add(schemas, support.schema().coreUrn());
    body.fieldNames().forEachRemaining(name -> {
      if (support.schema().isExtension(name)) {
        add(schemas, support.schema().canonicalUrn(name).orElse(name));
      }
    });
  }

  private static void add(ArrayNode schemas, String urn) {
    for (JsonNode schema : schemas) {
      if (schema.asText().equalsIgnoreCase(urn)) {
        return;
      }
    }
    schemas.add(urn);
  }
}
