package io.github.scimkit.core.internal.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.scimkit.core.event.LifecycleEvent;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.BinaryValue;
import io.github.scimkit.core.store.ComplexValue;
import io.github.scimkit.core.store.ResourceRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Encodes a lifecycle event as the JSON text an outbox keeps, and decodes it back to an equal
 * event. Attribute values keep their types: strings, booleans and longs as JSON scalars, the
 * other simple types and complex values as one-field objects ({@code {"instant": …}}).
 */
final class EventCodec {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private EventCodec() {}

  /** Returns the event's kind: its record's simple name. */
  static String type(LifecycleEvent event) {
    return event.getClass().getSimpleName();
  }

  static String encode(LifecycleEvent event) {
    ObjectNode json = NODES.objectNode()
        .put("type", type(event))
        .put("tenantId", event.tenantId())
        .put("resourceId", event.resourceId())
        .put("correlationId", event.correlationId())
        .put("occurredAt", event.occurredAt().toString());
    if (event instanceof LifecycleEvent.UserCreated created) {
      json.set("record", record(created.user()));
    } else if (event instanceof LifecycleEvent.GroupCreated created) {
      json.set("record", record(created.group()));
    } else if (event instanceof LifecycleEvent.UserUpdated updated) {
      json.set("before", record(updated.before()));
      json.set("after", record(updated.after()));
    } else if (event instanceof LifecycleEvent.GroupUpdated updated) {
      json.set("before", record(updated.before()));
      json.set("after", record(updated.after()));
    } else if (event instanceof LifecycleEvent.MembersAdded added) {
      json.set("memberIds", ids(added.memberIds()));
    } else if (event instanceof LifecycleEvent.MembersRemoved removed) {
      json.set("memberIds", ids(removed.memberIds()));
    }
    return json.toString();
  }

  static LifecycleEvent decode(String text) {
    JsonNode json;
    try {
      json = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not an encoded lifecycle event", e);
    }
    String tenant = json.path("tenantId").asText();
    String id = json.path("resourceId").asText();
    String correlation = json.path("correlationId").asText();
    Instant at = Instant.parse(json.path("occurredAt").asText());
    return switch (json.path("type").asText()) {
      case "UserCreated" -> new LifecycleEvent.UserCreated(tenant, id, correlation, at, record(json.get("record")));
      case "GroupCreated" -> new LifecycleEvent.GroupCreated(tenant, id, correlation, at, record(json.get("record")));
      case "UserUpdated" -> new LifecycleEvent.UserUpdated(
          tenant, id, correlation, at, record(json.get("before")), record(json.get("after")));
      case "GroupUpdated" -> new LifecycleEvent.GroupUpdated(
          tenant, id, correlation, at, record(json.get("before")), record(json.get("after")));
      case "UserDeactivated" -> new LifecycleEvent.UserDeactivated(tenant, id, correlation, at);
      case "UserReactivated" -> new LifecycleEvent.UserReactivated(tenant, id, correlation, at);
      case "UserDeleted" -> new LifecycleEvent.UserDeleted(tenant, id, correlation, at);
      case "GroupDeleted" -> new LifecycleEvent.GroupDeleted(tenant, id, correlation, at);
      case "MembersAdded" -> new LifecycleEvent.MembersAdded(tenant, id, correlation, at, ids(json.get("memberIds")));
      case "MembersRemoved" -> new LifecycleEvent.MembersRemoved(tenant, id, correlation, at, ids(json.get("memberIds")));
      default -> throw new IllegalArgumentException("Unknown lifecycle event type " + json.path("type").asText());
    };
  }

  private static ArrayNode ids(Set<String> ids) {
    ArrayNode array = NODES.arrayNode();
    ids.stream().sorted().forEach(array::add);
    return array;
  }

  private static Set<String> ids(JsonNode array) {
    Set<String> ids = new LinkedHashSet<>();
    array.forEach(id -> ids.add(id.asText()));
    return ids;
  }

  private static ObjectNode record(ResourceRecord record) {
    ObjectNode attributes = NODES.objectNode();
    record.attributes().asMap().forEach((name, value) -> attributes.set(name, value(value)));
    return NODES.objectNode()
        .put("id", record.id())
        .put("version", record.version())
        .put("created", record.created().toString())
        .put("lastModified", record.lastModified().toString())
        .set("attributes", attributes);
  }

  private static ResourceRecord record(JsonNode json) {
    Map<String, Object> values = new LinkedHashMap<>();
    json.get("attributes").fields().forEachRemaining(field -> values.put(field.getKey(), value(field.getValue())));
    return new ResourceRecord(json.get("id").asText(), json.get("version").asLong(),
        Instant.parse(json.get("created").asText()), Instant.parse(json.get("lastModified").asText()),
        Attributes.of(values));
  }

  private static JsonNode value(Object value) {
    if (value instanceof String text) {
      return NODES.textNode(text);
    }
    if (value instanceof Boolean flag) {
      return NODES.booleanNode(flag);
    }
    if (value instanceof Long number) {
      return NODES.numberNode(number);
    }
    if (value instanceof BigDecimal decimal) {
      return NODES.objectNode().put("decimal", decimal.toString());
    }
    if (value instanceof Instant instant) {
      return NODES.objectNode().put("instant", instant.toString());
    }
    if (value instanceof BinaryValue binary) {
      return NODES.objectNode().put("binary", binary.toBase64());
    }
    if (value instanceof ComplexValue complex) {
      ObjectNode fields = NODES.objectNode();
      complex.asMap().forEach((name, field) -> fields.set(name, value(field)));
      return NODES.objectNode().set("complex", fields);
    }
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode();
      list.forEach(item -> array.add(value(item)));
      return array;
    }
    throw new IllegalArgumentException("Not a record value: " + value.getClass().getSimpleName());
  }

  private static Object value(JsonNode json) {
    if (json.isTextual()) {
      return json.asText();
    }
    if (json.isBoolean()) {
      return json.booleanValue();
    }
    if (json.isIntegralNumber()) {
      return json.longValue();
    }
    if (json.isArray()) {
      List<Object> items = new ArrayList<>();
      json.forEach(item -> items.add(value(item)));
      return items;
    }
    Map.Entry<String, JsonNode> tagged = json.fields().next();
    return switch (tagged.getKey()) {
      case "decimal" -> new BigDecimal(tagged.getValue().asText());
      case "instant" -> Instant.parse(tagged.getValue().asText());
      case "binary" -> BinaryValue.fromBase64(tagged.getValue().asText());
      default -> {
        Map<String, Object> fields = new LinkedHashMap<>();
        tagged.getValue().fields().forEachRemaining(field -> fields.put(field.getKey(), value(field.getValue())));
        yield ComplexValue.of(fields);
      }
    };
  }
}
