package io.github.scimkit.core.internal.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.github.scimkit.core.dialect.Tolerance;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Shapes one attribute's value after its definition: string booleans, empty strings, {@code $ref:
 * null}, bare values of complex attributes, single values of multi-valued attributes and one-element arrays of single-valued ones.
 * Sub-attribute names get their canonical spelling; readOnly sub-attributes are dropped (RFC 7644
 * §3.3). Input nodes are never changed; an empty result means "no value".
 */
final class ValueNormalizer {

  private static final String REF = "$ref";
  private static final String VALUE = "value";

  private final ToleranceGuard guard;

  ValueNormalizer(ToleranceGuard guard) {
    this.guard = guard;
  }

  /**
   * Normalises the whole value of an attribute: an array if it is multi-valued.
   *
   * @param definition the attribute
   * @param value the value as sent
   * @return the value, or empty if it stands for no value
   * @throws BadRequestException if the value has a shape a disabled tolerance would accept
   */
  Optional<JsonNode> attributeValue(AttributeDefinition definition, JsonNode value)
      throws BadRequestException {
    if (definition.isMultiValued()) {
      if (value.isArray()) {
        return elements(definition, value);
      }
      if (value.isNull()) {
        return Optional.of(value);
      }
      guard.require(
          Tolerance.SINGLE_VALUE_FOR_MULTI_VALUED,
          () -> BadRequestException.invalidValue(
              "Attribute '" + definition.getName() + "' is multi-valued: send an array"));
      Optional<JsonNode> single = singleValue(definition, value);
      return single.map(node -> JsonUtils.getJsonNodeFactory().arrayNode().add(node));
    }
    if (value.isArray() && value.size() == 1) {
      guard.require(
          Tolerance.SINGLE_ELEMENT_ARRAY_FOR_SINGLE_VALUED,
          () -> BadRequestException.invalidValue(
              "Attribute '" + definition.getName() + "' is single-valued: send no array"));
      return singleValue(definition, value.get(0));
    }
    return singleValue(definition, value);
  }

  /**
   * Normalises one value: the value of a single-valued attribute or one element of a
   * multi-valued one.
   *
   * @param definition the attribute
   * @param value the value as sent
   * @return the value, or empty if it stands for no value
   * @throws BadRequestException if the value has a shape a disabled tolerance would accept
   */
  Optional<JsonNode> singleValue(AttributeDefinition definition, JsonNode value)
      throws BadRequestException {
    if (value.isTextual() && value.textValue().isEmpty()
        && guard.allows(Tolerance.EMPTY_STRING_AS_ABSENT)) {
      return Optional.empty();
    }
    if (definition.getType() == AttributeDefinition.Type.BOOLEAN && value.isTextual()) {
      return Optional.of(stringBoolean(definition, value.textValue()));
    }
    if (definition.getType() == AttributeDefinition.Type.COMPLEX && value.isObject()) {
      return complex(definition, (ObjectNode) value);
    }
    if (definition.getType() == AttributeDefinition.Type.COMPLEX && !definition.isMultiValued()
        && (value.isTextual() || value.isNumber())
        && ResourceSchema.subAttribute(definition, VALUE).isPresent()) {
      guard.require(
          Tolerance.BARE_VALUE_FOR_COMPLEX,
          () -> BadRequestException.invalidValue(
              "Attribute '" + definition.getName() + "' is complex: send {\"value\": …}"));
      ObjectNode wrapped = JsonUtils.getJsonNodeFactory().objectNode();
      wrapped.set(VALUE, value.deepCopy());
      return complex(definition, wrapped);
    }
    return Optional.of(value.deepCopy());
  }

  private Optional<JsonNode> elements(AttributeDefinition definition, JsonNode array)
      throws BadRequestException {
    ArrayNode result = JsonUtils.getJsonNodeFactory().arrayNode();
    for (JsonNode element : array) {
      Optional<JsonNode> normalized = singleValue(definition, element);
      if (normalized.isPresent()) {
        result.add(normalized.get());
      }
    }
    return result.isEmpty() && !array.isEmpty() ? Optional.empty() : Optional.of(result);
  }

  private JsonNode stringBoolean(AttributeDefinition definition, String text)
      throws BadRequestException {
    if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
      return JsonUtils.getJsonNodeFactory().textNode(text);
    }
    guard.require(
        Tolerance.STRING_BOOLEANS,
        () -> BadRequestException.invalidValue(
            "Attribute '" + definition.getName() + "' is boolean, not the string '" + text + "'"));
    return BooleanNode.valueOf(text.equalsIgnoreCase("true"));
  }

  private Optional<JsonNode> complex(AttributeDefinition definition, ObjectNode value)
      throws BadRequestException {
    ObjectNode result = JsonUtils.getJsonNodeFactory().objectNode();
    Set<String> seen = new HashSet<>();
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      Optional<AttributeDefinition> sub =
          ResourceSchema.subAttribute(definition, field.getKey());
      if (sub.isEmpty()) {
        guard.require(
            Tolerance.UNKNOWN_ATTRIBUTES,
            () -> BadRequestException.invalidSyntax(
                "Attribute '" + definition.getName() + "' has no sub-attribute '"
                    + field.getKey() + "'"));
        continue;
      }
      String name = sub.get().getName();
      if (!seen.add(name)) {
        throw BadRequestException.invalidSyntax(
            "Sub-attribute '" + definition.getName() + "." + name + "' appears twice");
      }
      if (skips(sub.get(), field.getValue())) {
        continue;
      }
      Optional<JsonNode> normalized = attributeValue(sub.get(), field.getValue());
      if (normalized.isPresent()) {
        result.set(name, normalized.get());
      }
    }
    return result.isEmpty() && !value.isEmpty() ? Optional.empty() : Optional.of(result);
  }

  private boolean skips(AttributeDefinition sub, JsonNode value) {
    if (sub.getMutability() == AttributeDefinition.Mutability.READ_ONLY) {
      return true;
    }
    return sub.getName().equals(REF)
        && value.isNull()
        && guard.allows(Tolerance.NULL_MEMBER_REF);
  }
}
