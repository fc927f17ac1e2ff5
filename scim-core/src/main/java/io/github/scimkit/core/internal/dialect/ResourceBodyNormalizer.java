package io.github.scimkit.core.internal.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.utils.JsonUtils;
import com.unboundid.scim2.common.utils.SchemaUtils;
import io.github.scimkit.core.dialect.Tolerance;
import io.github.scimkit.core.dialect.Tolerances;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Normalises the body of a POST or PUT under the enabled {@link Tolerances}, returning a new node
 * and leaving the input unchanged.
 *
 * <p>In both modes: attribute names, extension keys and {@code schemas} entries get the spelling
 * of the schema, and readOnly attributes ({@code id}, {@code meta}, {@code groups}, and any the
 * schema marks readOnly) are dropped (RFC 7644 §3.3), and so are {@code null} values, which are
 * unassigned (RFC 7643 §2.5). Under the tolerances: string booleans
 * become booleans, {@code ""} is dropped, a single value of a multi-valued attribute becomes an
 * array, {@code $ref: null} is dropped, and unknown schema URNs and attributes are dropped;
 * without them each fails with the {@code scimType} {@link Tolerance} names.
 */
public final class ResourceBodyNormalizer {

  private static final String SCHEMAS = "schemas";

  private final ResourceSchema schema;
  private final ToleranceGuard guard;
  private final ValueNormalizer values;

  /**
   * Creates a normaliser for one resource type.
   *
   * @param schema the schemas of the resource type
   * @param tolerances the enabled tolerances
   */
  public ResourceBodyNormalizer(ResourceSchema schema, Tolerances tolerances) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.guard = new ToleranceGuard(Objects.requireNonNull(tolerances, "tolerances"));
    this.values = new ValueNormalizer(guard);
  }

  /**
   * Normalises a resource body.
   *
   * @param body the body as sent
   * @return a normalised copy
   * @throws BadRequestException if the body uses a form no enabled tolerance accepts
   */
  public ObjectNode normalize(ObjectNode body) throws BadRequestException {
    ObjectNode result = JsonUtils.getJsonNodeFactory().objectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (value.isNull()) {
        continue; // RFC 7643 §2.5: null is unassigned
      }
      if (key.equalsIgnoreCase(SCHEMAS)) {
        put(result, SCHEMAS, schemas(value));
      } else if (schema.isExtension(key)) {
        String urn = schema.canonicalUrn(key).orElseThrow();
        put(result, urn, attributes(urn, value));
      } else if (SchemaUtils.isUrn(key)) {
        guard.require(
            Tolerance.UNKNOWN_SCHEMA_URNS,
            () -> BadRequestException.invalidSyntax("Unknown schema extension '" + key + "'"));
      } else {
        Optional<AttributeDefinition> definition = schema.attribute(schema.coreUrn(), key);
        if (definition.isEmpty()) {
          unknown(key);
        } else if (!readOnly(definition.get())) {
          Optional<JsonNode> normalized = values.attributeValue(definition.get(), value);
          if (normalized.isPresent()) {
            put(result, definition.get().getName(), normalized.get());
          }
        }
      }
    }
    return result;
  }

  private ObjectNode attributes(String urn, JsonNode extension) throws BadRequestException {
    if (!extension.isObject()) {
      throw BadRequestException.invalidSyntax("Extension '" + urn + "' must be a JSON object");
    }
    ObjectNode result = JsonUtils.getJsonNodeFactory().objectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = extension.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      Optional<AttributeDefinition> definition = schema.attribute(urn, field.getKey());
      if (field.getValue().isNull()) {
        continue;
      } else if (definition.isEmpty()) {
        unknown(urn + ":" + field.getKey());
      } else if (!readOnly(definition.get())) {
        Optional<JsonNode> normalized = values.attributeValue(definition.get(), field.getValue());
        if (normalized.isPresent()) {
          put(result, definition.get().getName(), normalized.get());
        }
      }
    }
    return result;
  }

  private ArrayNode schemas(JsonNode value) throws BadRequestException {
    if (!value.isArray()) {
      throw BadRequestException.invalidSyntax("'schemas' must be an array of URNs");
    }
    ArrayNode result = JsonUtils.getJsonNodeFactory().arrayNode();
    for (JsonNode urn : value) {
      if (!urn.isTextual()) {
        throw BadRequestException.invalidSyntax("'schemas' must be an array of URNs");
      }
      Optional<String> canonical = schema.canonicalUrn(urn.textValue());
      if (canonical.isPresent()) {
        result.add(canonical.get());
      } else {
        guard.require(
            Tolerance.UNKNOWN_SCHEMA_URNS,
            () -> BadRequestException.invalidSyntax("Unknown schema '" + urn.textValue() + "'"));
      }
    }
    return result;
  }

  private void unknown(String name) throws BadRequestException {
    guard.require(
        Tolerance.UNKNOWN_ATTRIBUTES,
        () -> BadRequestException.invalidSyntax("Unknown attribute '" + name + "'"));
  }

  private static boolean readOnly(AttributeDefinition definition) {
    return definition.getMutability() == AttributeDefinition.Mutability.READ_ONLY;
  }

  private static void put(ObjectNode target, String name, JsonNode value)
      throws BadRequestException {
    if (target.has(name)) {
      throw BadRequestException.invalidSyntax("Attribute '" + name + "' appears twice");
    }
    target.set(name, value);
  }
}
