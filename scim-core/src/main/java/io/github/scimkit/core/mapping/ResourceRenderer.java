package io.github.scimkit.core.mapping;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.types.AttributeDefinition.Returned;
import io.github.scimkit.core.mapping.AttributeBinding.VirtualElement;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.ComplexValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Renders record attributes as SCIM JSON, following the bindings. */
final class ResourceRenderer {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String coreUrn;
  private final List<AttributeBinding> bindings;

  ResourceRenderer(String coreUrn, List<AttributeBinding> bindings) {
    this.coreUrn = coreUrn;
    this.bindings = bindings;
  }

  /** Renders {@code schemas}, {@code id} when given, {@code externalId} and the bound values. */
  ObjectNode render(String id, Attributes attributes) {
    ObjectNode root = NODES.objectNode();
    ArrayNode schemas = root.putArray("schemas").add(coreUrn);
    if (id != null) {
      root.put("id", id);
    }
    attributes.getString(ResourceMapping.EXTERNAL_ID).ifPresent(value -> root.put("externalId", value));
    Map<String, ObjectNode> extensions = new LinkedHashMap<>();
    for (AttributeBinding binding : bindings) {
      JsonNode value = render(binding, attributes);
      if (value != null) {
        ObjectNode container = binding.schemaUrn().equals(coreUrn) ? root
            : extensions.computeIfAbsent(binding.schemaUrn(), urn -> NODES.objectNode());
        container.set(binding.name(), value);
      }
    }
    extensions.forEach((urn, node) -> {
      schemas.add(urn);
      root.set(urn, node);
    });
    return root;
  }

  /**
   * Writes what {@link #render} builds into the object the generator has open, in the same order:
   * {@code schemas}, {@code id}, {@code externalId}, the core attributes, then one object per
   * extension that has values. Only the attributes' values are built as nodes.
   */
  void write(JsonGenerator generator, String id, Attributes attributes) throws IOException {
    JsonNode[] values = new JsonNode[bindings.size()];
    Set<String> extensions = new LinkedHashSet<>();
    for (int i = 0; i < values.length; i++) {
      values[i] = render(bindings.get(i), attributes);
      if (values[i] != null && !bindings.get(i).schemaUrn().equals(coreUrn)) {
        extensions.add(bindings.get(i).schemaUrn());
      }
    }
    generator.writeArrayFieldStart("schemas");
    generator.writeString(coreUrn);
    for (String urn : extensions) {
      generator.writeString(urn);
    }
    generator.writeEndArray();
    if (id != null) {
      generator.writeStringField("id", id);
    }
    Optional<String> externalId = attributes.getString(ResourceMapping.EXTERNAL_ID);
    if (externalId.isPresent()) {
      generator.writeStringField("externalId", externalId.get());
    }
    writeValues(generator, values, coreUrn);
    for (String urn : extensions) {
      generator.writeObjectFieldStart(urn);
      writeValues(generator, values, urn);
      generator.writeEndObject();
    }
  }

  private void writeValues(JsonGenerator generator, JsonNode[] values, String urn) throws IOException {
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null && bindings.get(i).schemaUrn().equals(urn)) {
        generator.writeFieldName(bindings.get(i).name());
        generator.writeTree(values[i]);
      }
    }
  }

  /** Tells whether some binding renders the top-level attribute, names compared case-insensitively. */
  boolean mayRender(String schemaUrn, String attribute) {
    return bindings.stream().anyMatch(binding -> binding.schemaUrn().equalsIgnoreCase(schemaUrn)
        && binding.name().equalsIgnoreCase(attribute)
        && !(binding.kind() == AttributeBinding.Kind.SINGLE && binding.single().rule().returned() == Returned.NEVER));
  }

  private static JsonNode render(AttributeBinding binding, Attributes attributes) {
    return switch (binding.kind()) {
      case SINGLE -> {
        BoundRule rule = binding.single();
        if (rule.rule().returned() == Returned.NEVER) {
          yield null;
        }
        yield attributes.get(rule.rule().recordAttribute()).map(ResourceRenderer::value).orElse(null);
      }
      case SUBS -> {
        ObjectNode object = NODES.objectNode();
        for (BoundRule rule : binding.rules()) {
          attributes.get(rule.rule().recordAttribute())
              .ifPresent(value -> object.set(rule.subAttribute(), ValueCodec.toJson(value)));
        }
        yield object.isEmpty() ? null : object;
      }
      case ELEMENTS -> elements(binding.elements(), attributes);
    };
  }

  /** A simple value, a complex value, or a list of either. */
  private static JsonNode value(Object value) {
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode();
      list.forEach(item -> array.add(value(item)));
      return array;
    }
    if (value instanceof ComplexValue complex) {
      ObjectNode object = NODES.objectNode();
      complex.asMap().forEach((name, sub) -> object.set(name, ValueCodec.toJson(sub)));
      return object;
    }
    return ValueCodec.toJson(value);
  }

  /**
   * Renders each virtual element that has a value, merging an element into an earlier one when
   * they share a sub-attribute with the same value and disagree on none.
   */
  private static JsonNode elements(List<VirtualElement> elements, Attributes attributes) {
    List<ObjectNode> drafts = new ArrayList<>();
    for (VirtualElement element : elements) {
      ObjectNode draft = NODES.objectNode();
      element.rules().forEach((sub, rule) -> attributes.get(rule.rule().recordAttribute())
          .ifPresent(value -> draft.set(sub, ValueCodec.toJson(value))));
      if (draft.isEmpty()) {
        continue;
      }
      element.literals().forEach((sub, literal) -> draft.set(sub, ValueCodec.toJson(literal)));
      drafts.stream().filter(earlier -> mergeable(earlier, draft)).findFirst()
          .ifPresentOrElse(earlier -> earlier.setAll(draft), () -> drafts.add(draft));
    }
    if (drafts.isEmpty()) {
      return null;
    }
    ArrayNode array = NODES.arrayNode();
    drafts.forEach(array::add);
    return array;
  }

  private static boolean mergeable(ObjectNode earlier, ObjectNode draft) {
    boolean shared = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = draft.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode other = earlier.get(field.getKey());
      if (other != null) {
        if (!other.equals(field.getValue())) {
          return false;
        }
        shared = true;
      }
    }
    return shared;
  }
}
