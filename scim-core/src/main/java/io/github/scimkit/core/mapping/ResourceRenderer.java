package io.github.scimkit.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.types.AttributeDefinition.Returned;
import io.github.scimkit.core.mapping.AttributeBinding.VirtualElement;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.ComplexValue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
