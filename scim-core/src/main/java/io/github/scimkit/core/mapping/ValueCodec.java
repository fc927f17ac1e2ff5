package io.github.scimkit.core.mapping;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.types.AttributeDefinition.Type;
import io.github.scimkit.core.store.BinaryValue;
import io.github.scimkit.core.tenant.ScimMode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Converts simple values between SCIM JSON and the types records carry. */
final class ValueCodec {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ValueCodec() {}

  /** Returns the JSON form of a simple record value. */
  static JsonNode toJson(Object value) {
    if (value instanceof String text) {
      return NODES.textNode(text);
    }
    if (value instanceof Boolean bool) {
      return NODES.booleanNode(bool);
    }
    if (value instanceof Long number) {
      return NODES.numberNode(number);
    }
    if (value instanceof BigDecimal number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Instant instant) {
      return NODES.textNode(instant.toString());
    }
    if (value instanceof BinaryValue binary) {
      return NODES.textNode(binary.toBase64());
    }
    throw new IllegalStateException("Records carry no " + value.getClass().getName());
  }

  /**
   * Writes the JSON form of a simple record value, the same JSON as {@link #toJson}, without a
   * node for strings, booleans, integers, times and binaries.
   */
  static void write(Object value, JsonGenerator generator) throws IOException {
    if (value instanceof String text) {
      generator.writeString(text);
    } else if (value instanceof Boolean bool) {
      generator.writeBoolean(bool);
    } else if (value instanceof Long number) {
      generator.writeNumber(number);
    } else if (value instanceof Instant instant) {
      generator.writeString(instant.toString());
    } else if (value instanceof BinaryValue binary) {
      generator.writeString(binary.toBase64());
    } else {
      // Decimals go through their node, which decides how a decimal is normalized.
      generator.writeTree(toJson(value));
    }
  }

  /**
   * Returns the record value of a simple JSON value of the given type, or {@code null} for JSON
   * null. Lenient mode also takes booleans and numbers written as strings, which IdPs send.
   */
  static Object fromJson(JsonNode node, Type type, String where, ScimMode mode)
      throws BadRequestException {
    if (node == null || node.isNull()) {
      return null;
    }
    boolean lenient = mode == ScimMode.LENIENT;
    switch (type) {
      case STRING, REFERENCE -> {
        if (node.isTextual()) {
          return node.textValue();
        }
      }
      case BOOLEAN -> {
        if (node.isBoolean()) {
          return node.booleanValue();
        }
        if (lenient && node.isTextual() && (node.textValue().equalsIgnoreCase("true")
            || node.textValue().equalsIgnoreCase("false"))) {
          return Boolean.parseBoolean(node.textValue().toLowerCase(java.util.Locale.ROOT));
        }
      }
      case INTEGER -> {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
          return node.longValue();
        }
        if (lenient && node.isTextual()) {
          try {
            return Long.parseLong(node.textValue().trim());
          } catch (NumberFormatException e) {
            throw invalid(where, "an integer");
          }
        }
      }
      case DECIMAL -> {
        if (node.isNumber()) {
          return node.decimalValue();
        }
        if (lenient && node.isTextual()) {
          try {
            return new BigDecimal(node.textValue().trim());
          } catch (NumberFormatException e) {
            throw invalid(where, "a decimal");
          }
        }
      }
      case DATETIME -> {
        if (node.isTextual()) {
          return parseInstant(node.textValue(), where);
        }
      }
      case BINARY -> {
        if (node.isTextual()) {
          try {
            return BinaryValue.fromBase64(node.textValue());
          } catch (IllegalArgumentException e) {
            throw invalid(where, "Base64 text");
          }
        }
      }
      case COMPLEX -> throw invalid(where, "a simple value");
    }
    throw invalid(where, describe(type));
  }

  /** Parses an RFC 3339 date-time, such as {@code 2024-05-01T12:00:00Z}. */
  static Instant parseInstant(String text, String where) throws BadRequestException {
    try {
      return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS);
    } catch (DateTimeParseException e) {
      throw invalid(where, "an RFC 3339 date-time");
    }
  }

  private static String describe(Type type) {
    return switch (type) {
      case BOOLEAN -> "a boolean";
      case INTEGER -> "an integer";
      case DECIMAL -> "a decimal";
      case DATETIME -> "an RFC 3339 date-time";
      case BINARY -> "Base64 text";
      default -> "a string";
    };
  }

  private static BadRequestException invalid(String where, String expected) {
    return BadRequestException.invalidValue("'" + where + "' must be " + expected);
  }
}
