package io.github.scimkit.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import io.github.scimkit.core.mapping.AttributeBinding.VirtualElement;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.ComplexValue;
import io.github.scimkit.core.tenant.ScimMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the bound attributes of a SCIM body into record attributes. Names are matched
 * case-insensitively; what no rule holds is skipped in lenient mode and refused in strict mode.
 */
final class ResourceReader {

  /** Body members the engine handles itself. */
  private static final Set<String> ENGINE_MEMBERS = Set.of("schemas", "id", "meta", "members", "groups");

  private final String coreUrn;
  private final Set<String> extensionUrns;
  private final Map<String, AttributeBinding> bindings;
  private final PasswordHandler passwordHandler;

  ResourceReader(String coreUrn, Set<String> extensionUrns, Map<String, AttributeBinding> bindings,
      PasswordHandler passwordHandler) {
    this.coreUrn = coreUrn;
    this.extensionUrns = extensionUrns;
    this.bindings = bindings;
    this.passwordHandler = passwordHandler;
  }

  Attributes read(ObjectNode body, ScimMode mode) throws BadRequestException {
    Request request = new Request(mode);
    if (mode == ScimMode.STRICT) {
      for (JsonNode urn : body.path("schemas")) {
        if (schemaOf(urn.asText()).isEmpty()) {
          throw BadRequestException.invalidSyntax("Schema '" + urn.asText() + "' is not supported");
        }
      }
    }
    for (Map.Entry<String, JsonNode> field : body.properties()) {
      String key = field.getKey();
      if (ENGINE_MEMBERS.contains(key.toLowerCase(Locale.ROOT))) {
        continue;
      }
      if (key.equalsIgnoreCase("externalId")) {
        request.values.set(ResourceMapping.EXTERNAL_ID,
            ValueCodec.fromJson(field.getValue(), AttributeDefinition.Type.STRING, key, mode));
      } else if (key.regionMatches(true, 0, "urn:", 0, 4)) {
        readSchema(key, field.getValue(), request);
      } else {
        readAttribute(coreUrn, key, field.getValue(), request);
      }
    }
    return request.values.build();
  }

  private Optional<String> schemaOf(String urn) {
    if (urn.equalsIgnoreCase(coreUrn)) {
      return Optional.of(coreUrn);
    }
    return extensionUrns.stream().filter(urn::equalsIgnoreCase).findFirst();
  }

  private void readSchema(String key, JsonNode value, Request request) throws BadRequestException {
    Optional<String> urn = schemaOf(key);
    if (urn.isEmpty() || !value.isObject()) {
      request.undeclared(urn.isEmpty() ? "Schema '" + key + "' is not supported"
          : "'" + key + "' must be an object");
      return;
    }
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      readAttribute(urn.get(), field.getKey(), field.getValue(), request);
    }
  }

  private void readAttribute(String urn, String name, JsonNode value, Request request)
      throws BadRequestException {
    AttributeBinding binding = bindings.get(AttributeBinding.key(urn, name));
    if (binding == null) {
      request.undeclared(name.equalsIgnoreCase("password")
          ? "Passwords cannot be set here" : "Attribute '" + name + "' is not supported");
      return;
    }
    if (binding.definition().getMutability() == Mutability.READ_ONLY || value.isNull()) {
      return;
    }
    switch (binding.kind()) {
      case SINGLE -> readSingle(binding.single(), value, request);
      case SUBS -> readSubs(binding, value, request);
      case ELEMENTS -> readElements(binding, value, request);
    }
  }

  private void readSingle(BoundRule bound, JsonNode value, Request request)
      throws BadRequestException {
    MappingRule rule = bound.rule();
    if (rule.mutability() == Mutability.READ_ONLY) {
      return;
    }
    Object result;
    if (rule.multiValued()) {
      List<Object> items = new ArrayList<>();
      for (JsonNode item : request.array(bound.attribute(), value)) {
        items.add(bound.shape() == BoundRule.Shape.WHOLE
            ? complex(bound.attribute(), rule, item, request)
            : ValueCodec.fromJson(item, rule.type(), bound.attribute(), request.mode));
      }
      result = items;
    } else {
      JsonNode single = request.single(bound.attribute(), value);
      result = bound.shape() == BoundRule.Shape.WHOLE
          ? complex(bound.attribute(), rule, single, request)
          : ValueCodec.fromJson(single, rule.type(), bound.attribute(), request.mode);
    }
    if (result != null && bound.attribute().equalsIgnoreCase("password")) {
      if (!(result instanceof String clear)) {
        throw BadRequestException.invalidValue("'password' must be a string");
      }
      result = passwordHandler.protect(clear);
    }
    request.values.set(rule.recordAttribute(), result);
  }

  private ComplexValue complex(String where, MappingRule rule, JsonNode node, Request request)
      throws BadRequestException {
    if (!node.isObject()) {
      throw BadRequestException.invalidSyntax("'" + where + "' must hold objects");
    }
    Map<String, Object> subs = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      Optional<SubAttribute> sub = rule.subAttributes().stream()
          .filter(candidate -> candidate.name().equalsIgnoreCase(field.getKey()))
          .findFirst();
      if (sub.isEmpty()) {
        request.undeclared("Attribute '" + where + "." + field.getKey() + "' is not supported");
      } else if (sub.get().mutability() != Mutability.READ_ONLY) {
        subs.put(sub.get().name(), ValueCodec.fromJson(field.getValue(), sub.get().type(),
            where + "." + sub.get().name(), request.mode));
      }
    }
    return ComplexValue.of(subs);
  }

  private void readSubs(AttributeBinding binding, JsonNode value, Request request)
      throws BadRequestException {
    JsonNode object = request.single(binding.name(), value);
    if (!object.isObject()) {
      throw BadRequestException.invalidSyntax("'" + binding.name() + "' must be an object");
    }
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      Optional<BoundRule> rule = binding.subRule(field.getKey());
      String where = binding.name() + "." + field.getKey();
      if (rule.isEmpty()) {
        request.undeclared("Attribute '" + where + "' is not supported");
      } else if (rule.get().rule().mutability() != Mutability.READ_ONLY) {
        request.values.set(rule.get().rule().recordAttribute(), ValueCodec.fromJson(
            field.getValue(), rule.get().rule().type(), where, request.mode));
      }
    }
  }

  /**
   * Gives each element to the virtual elements whose filter it matches; each rule takes the
   * first value offered. An element no rule takes is skipped, or refused in strict mode.
   */
  private void readElements(AttributeBinding binding, JsonNode value, Request request)
      throws BadRequestException {
    Set<BoundRule> filled = new HashSet<>();
    for (JsonNode element : request.array(binding.name(), value)) {
      if (!element.isObject()) {
        throw BadRequestException.invalidSyntax("'" + binding.name() + "' must hold objects");
      }
      for (String key : iterable(element)) {
        if (binding.subDefinition(key).isEmpty()) {
          request.undeclared("Attribute '" + binding.name() + "." + key + "' is not supported");
        }
      }
      boolean held = false;
      for (VirtualElement virtual : binding.elements()) {
        if (!matches(virtual, element)) {
          continue;
        }
        for (String key : iterable(element)) {
          Optional<BoundRule> rule = virtual.rule(key);
          if (rule.isPresent() && !filled.contains(rule.get())
              && rule.get().rule().mutability() != Mutability.READ_ONLY) {
            Object read = ValueCodec.fromJson(element.get(key), rule.get().rule().type(),
                binding.name() + "." + key, request.mode);
            if (read != null) {
              request.values.set(rule.get().rule().recordAttribute(), read);
              filled.add(rule.get());
              held = true;
            }
          }
        }
      }
      if (!held && request.mode == ScimMode.STRICT) {
        throw BadRequestException.invalidValue("No mapping rule holds the '" + binding.name()
            + "' value " + element);
      }
    }
  }

  private static boolean matches(VirtualElement virtual, JsonNode element) {
    for (Map.Entry<String, Object> literal : virtual.literals().entrySet()) {
      JsonNode actual = null;
      for (String key : iterable(element)) {
        if (key.equalsIgnoreCase(literal.getKey())) {
          actual = element.get(key);
        }
      }
      if (actual == null || !actual.isValueNode()) {
        return false;
      }
      boolean equal = literal.getValue() instanceof Boolean flag && actual.isBoolean()
          ? actual.booleanValue() == flag
          : actual.asText().equalsIgnoreCase(literal.getValue().toString());
      if (!equal) {
        return false;
      }
    }
    return true;
  }

  private static Iterable<String> iterable(JsonNode node) {
    return node::fieldNames;
  }

  /** The state of one read. */
  private static final class Request {
    final ScimMode mode;
    final Attributes.Builder values = Attributes.builder();

    Request(ScimMode mode) {
      this.mode = mode;
    }

    /** Skips what no rule holds, or refuses it in strict mode. */
    void undeclared(String message) throws BadRequestException {
      if (mode == ScimMode.STRICT) {
        throw BadRequestException.invalidSyntax(message);
      }
    }

    /** The items of a multi-valued value; lenient mode takes one item without its array. */
    Iterable<JsonNode> array(String where, JsonNode value) throws BadRequestException {
      if (value.isArray()) {
        return value;
      }
      if (mode == ScimMode.LENIENT) {
        return List.of(value);
      }
      throw BadRequestException.invalidSyntax("'" + where + "' must be an array");
    }

    /** A single value; lenient mode unwraps an array of one, as some IdPs send. */
    JsonNode single(String where, JsonNode value) throws BadRequestException {
      if (!value.isArray()) {
        return value;
      }
      if (mode == ScimMode.LENIENT && value.size() == 1) {
        return value.get(0);
      }
      throw BadRequestException.invalidSyntax("'" + where + "' must be a single value");
    }
  }
}
