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
   * {@code schemas} (then the caller's {@code moreSchemas}), {@code id}, {@code externalId}, the
   * core attributes, then one object per extension that has values. Simple values and their
   * objects and lists are written without nodes; only virtual elements, which may merge, are built
   * as nodes first.
   */
  void write(JsonGenerator generator, String id, Attributes attributes, List<String> moreSchemas)
      throws IOException {
    Set<String> extensions = new LinkedHashSet<>();
    for (AttributeBinding binding : bindings) {
      if (!binding.schemaUrn().equals(coreUrn) && hasValue(binding, attributes)) {
        extensions.add(binding.schemaUrn());
      }
    }
    generator.writeArrayFieldStart("schemas");
    generator.writeString(coreUrn);
    for (String urn : extensions) {
      generator.writeString(urn);
    }
    for (String urn : moreSchemas) {
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
    writeValues(generator, attributes, coreUrn);
    for (String urn : extensions) {
      generator.writeObjectFieldStart(urn);
      writeValues(generator, attributes, urn);
      generator.writeEndObject();
    }
  }

  private void writeValues(JsonGenerator generator, Attributes attributes, String urn) throws IOException {
    for (AttributeBinding binding : bindings) {
      if (binding.schemaUrn().equals(urn)) {
        write(generator, binding, attributes);
      }
    }
  }

  /** Whether {@link #render(AttributeBinding, Attributes)} gives the binding a value. */
  private static boolean hasValue(AttributeBinding binding, Attributes attributes) {
    return switch (binding.kind()) {
      case SINGLE -> binding.single().rule().returned() != Returned.NEVER
          && attributes.get(binding.single().rule().recordAttribute()).isPresent();
      case SUBS -> binding.rules().stream().anyMatch(rule -> attributes.get(rule.rule().recordAttribute()).isPresent());
      case ELEMENTS -> binding.elements().stream().anyMatch(element -> element.rules().values().stream()
          .anyMatch(rule -> attributes.get(rule.rule().recordAttribute()).isPresent()));
    };
  }

  /** Writes the field {@link #render(AttributeBinding, Attributes)} renders, if it has a value. */
  private static void write(JsonGenerator generator, AttributeBinding binding, Attributes attributes)
      throws IOException {
    switch (binding.kind()) {
      case SINGLE -> {
        BoundRule rule = binding.single();
        Optional<Object> value = rule.rule().returned() == Returned.NEVER
            ? Optional.empty() : attributes.get(rule.rule().recordAttribute());
        if (value.isPresent()) {
          generator.writeFieldName(binding.name());
          writeValue(generator, value.get());
        }
      }
      case SUBS -> {
        boolean open = false;
        for (BoundRule rule : binding.rules()) {
          Optional<Object> value = attributes.get(rule.rule().recordAttribute());
          if (value.isPresent()) {
            if (!open) {
              generator.writeObjectFieldStart(binding.name());
              open = true;
            }
            generator.writeFieldName(rule.subAttribute());
            ValueCodec.write(value.get(), generator);
          }
        }
        if (open) {
          generator.writeEndObject();
        }
      }
      case ELEMENTS -> {
        JsonNode elements = elements(binding.elements(), attributes);
        if (elements != null) {
          generator.writeFieldName(binding.name());
          generator.writeTree(elements);
        }
      }
    }
  }

  /** Writes what {@link #value} builds. */
  private static void writeValue(JsonGenerator generator, Object value) throws IOException {
    if (value instanceof List<?> list) {
      generator.writeStartArray();
      for (Object item : list) {
        writeValue(generator, item);
      }
      generator.writeEndArray();
    } else if (value instanceof ComplexValue complex) {
      generator.writeStartObject();
      for (Map.Entry<String, Object> sub : complex.asMap().entrySet()) {
        generator.writeFieldName(sub.getKey());
        ValueCodec.write(sub.getValue(), generator);
      }
      generator.writeEndObject();
    } else {
      ValueCodec.write(value, generator);
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
