package io.github.scimkit.example;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** JSON for the admin API: records as objects, instants as ISO-8601 text, empty optionals as null. */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new SimpleModule("scimkit-example")
      .addSerializer(Instant.class, ToStringSerializer.instance)
      .addSerializer(new OptionalSerializer()));

  private Json() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write JSON", e);
    }
  }

  static String error(int status, String message) {
    return write(Map.of("status", status, "error", message));
  }

  /** Reads a request body that must be a JSON object (an empty body is an empty object). */
  static JsonNode readObject(String body) {
    if (body == null || body.isBlank()) {
      return MAPPER.createObjectNode();
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw ExampleException.badRequest("The body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ExampleException.badRequest("The body is not valid JSON");
    }
  }

  static String text(JsonNode object, String field) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw ExampleException.badRequest("'" + field + "' must be a string");
    }
    return value.textValue();
  }

  @SuppressWarnings("rawtypes")
  private static final class OptionalSerializer extends StdSerializer<Optional> {
    private static final long serialVersionUID = 1L;

    OptionalSerializer() {
      super(Optional.class);
    }

    @Override
    public void serialize(Optional value, JsonGenerator generator, SerializerProvider provider) throws IOException {
      if (value.isPresent()) {
        provider.defaultSerializeValue(value.get(), generator);
      } else {
        generator.writeNull();
      }
    }
  }
}
