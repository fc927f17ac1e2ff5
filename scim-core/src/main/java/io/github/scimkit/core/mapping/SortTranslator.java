package io.github.scimkit.core.mapping;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AttributeDefinition.Returned;
import com.unboundid.scim2.common.types.AttributeDefinition.Type;
import io.github.scimkit.core.mapping.AttributeBinding.VirtualElement;
import io.github.scimkit.core.store.query.AttributeRef;
import io.github.scimkit.core.store.query.Sort;
import java.util.Map;
import java.util.Optional;

/**
 * Translates {@code sortBy} into a store sort. Only single-valued simple values sort; for a
 * multi-valued attribute bound through filtered paths, the primary element's rule is used, else
 * the first rule binding the sub-attribute (RFC 7644 §3.4.2.3).
 */
final class SortTranslator {

  private final String coreUrn;
  private final Map<String, AttributeBinding> bindings;

  SortTranslator(String coreUrn, Map<String, AttributeBinding> bindings) {
    this.coreUrn = coreUrn;
    this.bindings = bindings;
  }

  Sort translate(Path sortBy, boolean descending) throws BadRequestException {
    Optional<Sort> sort = target(sortBy)
        .map(target -> new Sort(target.ref(), target.caseExact(), descending));
    return sort.orElseThrow(() -> BadRequestException.invalidValue(
        "Cannot sort by '" + sortBy + "': it is not a single-valued attribute kept by a rule"));
  }

  private record Target(AttributeRef ref, boolean caseExact) {}

  private Optional<Target> target(Path path) {
    if (path.isRoot() || path.size() > 2 || FilterTranslator.filledOnRead(path)) {
      return Optional.empty();
    }
    String urn = path.getSchemaUrn() == null ? coreUrn : path.getSchemaUrn();
    String name = path.getElement(0).getAttribute();
    String sub = path.size() == 2 ? path.getElement(1).getAttribute() : null;
    if (urn.equalsIgnoreCase(coreUrn)) {
      if (sub == null && name.equalsIgnoreCase("id")) {
        return Optional.of(new Target(AttributeRef.ID, true));
      }
      if (sub == null && name.equalsIgnoreCase("externalId")) {
        return Optional.of(new Target(AttributeRef.of(ResourceMapping.EXTERNAL_ID), true));
      }
      if (name.equalsIgnoreCase("meta") && "created".equalsIgnoreCase(sub)) {
        return Optional.of(new Target(AttributeRef.CREATED, true));
      }
      if (name.equalsIgnoreCase("meta") && "lastModified".equalsIgnoreCase(sub)) {
        return Optional.of(new Target(AttributeRef.LAST_MODIFIED, true));
      }
    }
    AttributeBinding binding = bindings.get(AttributeBinding.key(urn, name));
    if (binding == null || binding.definition().getReturned() == Returned.NEVER) {
      return Optional.empty();
    }
    return switch (binding.kind()) {
      case SINGLE -> {
        AttributeDefinition definition = binding.definition();
        yield sub == null && !definition.isMultiValued() && definition.getType() != Type.COMPLEX
            ? Optional.of(new Target(AttributeRef.of(binding.single().rule().recordAttribute()),
                definition.isCaseExact()))
            : Optional.empty();
      }
      case SUBS -> sub == null ? Optional.empty() : binding.subRule(sub).map(rule ->
          new Target(AttributeRef.of(rule.rule().recordAttribute()), rule.rule().caseExact()));
      case ELEMENTS -> sub == null ? Optional.empty() : elementRule(binding, sub).map(rule ->
          new Target(AttributeRef.of(rule.rule().recordAttribute()), rule.rule().caseExact()));
    };
  }

  private static Optional<BoundRule> elementRule(AttributeBinding binding, String sub) {
    Optional<BoundRule> first = Optional.empty();
    for (VirtualElement element : binding.elements()) {
      Optional<BoundRule> rule = element.rule(sub);
      if (rule.isPresent() && Boolean.TRUE.equals(element.literal("primary").orElse(null))) {
        return rule;
      }
      if (first.isEmpty()) {
        first = rule;
      }
    }
    return first;
  }
}
