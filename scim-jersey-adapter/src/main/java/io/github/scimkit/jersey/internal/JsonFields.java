package io.github.scimkit.jersey.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import java.util.Optional;

/** Reads typed members of request message bodies (a SearchRequest, say), with SCIM errors. */
final class JsonFields {

  private JsonFields() {}

  /** A string member, or empty when absent or null; 400 invalidValue when of another type. */
  static Optional<String> text(ObjectNode body, String name) throws BadRequestException {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw BadRequestException.invalidValue("'" + name + "' must be a string");
    }
    return Optional.of(value.asText());
  }

  /** An integer member, or empty when absent or null; 400 invalidValue when of another type. */
  static Optional<Long> number(ObjectNode body, String name) throws BadRequestException {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isIntegralNumber()) {
      throw BadRequestException.invalidValue("'" + name + "' must be an integer");
    }
    return Optional.of(value.asLong());
  }

  /** A list of attribute paths, given as an array or a comma-separated string, joined by commas. */
  static Optional<String> paths(ObjectNode body, String name) throws BadRequestException {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (value.isTextual()) {
      return Optional.of(value.asText());
    }
    if (!value.isArray()) {
      throw BadRequestException.invalidValue("'" + name + "' must be a list of attribute paths");
    }
    StringBuilder joined = new StringBuilder();
    for (JsonNode element : value) {
      joined.append(joined.length() == 0 ? "" : ",").append(element.asText());
    }
    return Optional.of(joined.toString());
  }
}
