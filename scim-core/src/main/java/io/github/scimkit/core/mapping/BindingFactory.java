package io.github.scimkit.core.mapping;

import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import com.unboundid.scim2.common.types.AttributeDefinition.Returned;
import com.unboundid.scim2.common.types.AttributeDefinition.Type;
import com.unboundid.scim2.common.types.AttributeDefinition.Uniqueness;
import io.github.scimkit.core.mapping.AttributeBinding.Kind;
import io.github.scimkit.core.mapping.AttributeBinding.VirtualElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups bound rules by top-level attribute, checks that they fit together, and builds each
 * attribute's published definition.
 */
final class BindingFactory {

  private BindingFactory() {}

  /** Returns one binding per top-level attribute, in the order the rules first name them. */
  static List<AttributeBinding> bindings(List<BoundRule> rules) {
    Map<String, List<BoundRule>> byAttribute = new LinkedHashMap<>();
    Map<String, String> recordAttributes = new HashMap<>();
    for (BoundRule rule : rules) {
      String previous = recordAttributes.putIfAbsent(rule.rule().recordAttribute(), rule.rule().path());
      if (previous != null) {
        throw new MappingException(rule.rule().path(), "record attribute '"
            + rule.rule().recordAttribute() + "' is already bound by '" + previous + "'");
      }
      byAttribute.computeIfAbsent(AttributeBinding.key(rule.schemaUrn(), rule.attribute()),
          key -> new ArrayList<>()).add(rule);
    }
    List<AttributeBinding> bindings = new ArrayList<>();
    for (List<BoundRule> group : byAttribute.values()) {
      bindings.add(binding(group));
    }
    return bindings;
  }

  private static AttributeBinding binding(List<BoundRule> group) {
    BoundRule first = group.get(0);
    for (BoundRule rule : group) {
      if (rule.shape() != first.shape()) {
        throw new MappingException(rule.rule().path(), "'" + first.attribute()
            + "' is already bound by '" + first.rule().path() + "' in another way");
      }
    }
    return switch (first.shape()) {
      case SIMPLE, WHOLE -> {
        if (group.size() > 1) {
          throw new MappingException(group.get(1).rule().path(),
              "'" + first.attribute() + "' is already bound by '" + first.rule().path() + "'");
        }
        yield new AttributeBinding(first.schemaUrn(), first.attribute(), Kind.SINGLE, group,
            List.of(), single(first));
      }
      case SUB -> subs(group);
      case ELEMENT -> elements(group);
    };
  }

  private static AttributeBinding subs(List<BoundRule> group) {
    BoundRule first = group.get(0);
    Set<String> seen = new LinkedHashSet<>();
    List<AttributeDefinition> subs = new ArrayList<>();
    for (BoundRule rule : group) {
      if (!seen.add(rule.subAttribute().toLowerCase(java.util.Locale.ROOT))) {
        throw new MappingException(rule.rule().path(), "the sub-attribute is already bound");
      }
      subs.add(leaf(rule.subAttribute(), rule.rule()).build());
    }
    AttributeDefinition parent = parent(first.attribute(), false, subs).build();
    return new AttributeBinding(first.schemaUrn(), first.attribute(), Kind.SUBS, group, List.of(),
        parent);
  }

  private static AttributeBinding elements(List<BoundRule> group) {
    BoundRule first = group.get(0);
    Map<Map<String, Object>, Map<String, BoundRule>> byFilter = new LinkedHashMap<>();
    for (BoundRule rule : group) {
      Map<String, BoundRule> element =
          byFilter.computeIfAbsent(rule.filter(), filter -> new LinkedHashMap<>());
      if (element.putIfAbsent(rule.subAttribute(), rule) != null) {
        throw new MappingException(rule.rule().path(), "the same element's '"
            + rule.subAttribute() + "' is already bound");
      }
    }
    List<VirtualElement> elements = new ArrayList<>();
    byFilter.forEach((literals, rules) -> elements.add(new VirtualElement(literals, rules)));
    checkNoFilterImpliesAnother(elements);

    Map<String, AttributeDefinition.Builder> subs = new LinkedHashMap<>();
    Map<String, Set<String>> canonical = new LinkedHashMap<>();
    for (VirtualElement element : elements) {
      element.rules().forEach((sub, rule) -> subs.putIfAbsent(sub, leaf(sub, rule.rule())));
    }
    for (VirtualElement element : elements) {
      element.literals().forEach((sub, literal) -> {
        subs.computeIfAbsent(sub, name -> literalDefinition(name, literal));
        if (literal instanceof String text) {
          canonical.computeIfAbsent(sub, name -> new LinkedHashSet<>()).add(text);
        }
      });
    }
    List<AttributeDefinition> definitions = new ArrayList<>();
    subs.forEach((name, builder) -> {
      if (canonical.containsKey(name)) {
        builder.addCanonicalValues(canonical.get(name).toArray(String[]::new));
      }
      definitions.add(builder.build());
    });
    AttributeDefinition parent = parent(first.attribute(), true, definitions).build();
    return new AttributeBinding(first.schemaUrn(), first.attribute(), Kind.ELEMENTS, group,
        List.copyOf(elements), parent);
  }

  /**
   * Refuses two elements where every element one filter picks is picked by the other too and
   * both bind the same sub-attribute: rendering one and reading it back would fill both.
   */
  private static void checkNoFilterImpliesAnother(List<VirtualElement> elements) {
    for (VirtualElement narrow : elements) {
      for (VirtualElement wide : elements) {
        if (narrow != wide
            && narrow.literals().entrySet().containsAll(wide.literals().entrySet())) {
          for (String sub : narrow.rules().keySet()) {
            if (wide.rules().containsKey(sub)) {
              throw new MappingException(narrow.rules().get(sub).rule().path(),
                  "every element it picks is also picked by '"
                      + wide.rules().get(sub).rule().path() + "'");
            }
          }
        }
      }
    }
  }

  private static AttributeDefinition single(BoundRule bound) {
    MappingRule rule = bound.rule();
    AttributeDefinition.Builder builder = leaf(bound.attribute(), rule)
        .setMultiValued(rule.multiValued());
    for (SubAttribute sub : rule.subAttributes()) {
      AttributeDefinition.Builder subBuilder = new AttributeDefinition.Builder()
          .setName(sub.name())
          .setType(sub.type())
          .setCaseExact(sub.caseExact())
          .setMutability(sub.mutability())
          .setReturned(Returned.DEFAULT)
          .setUniqueness(Uniqueness.NONE);
      if (!sub.canonicalValues().isEmpty()) {
        subBuilder.addCanonicalValues(sub.canonicalValues().toArray(String[]::new));
      }
      referenceTypes(subBuilder, sub.type());
      builder.addSubAttributes(subBuilder.build());
    }
    return builder.build();
  }

  /** The definition of what a rule binds, single-valued unless set otherwise. */
  private static AttributeDefinition.Builder leaf(String name, MappingRule rule) {
    AttributeDefinition.Builder builder = new AttributeDefinition.Builder()
        .setName(name)
        .setType(rule.type())
        .setCaseExact(rule.caseExact())
        .setRequired(rule.required())
        .setMutability(rule.mutability())
        .setReturned(rule.returned())
        .setUniqueness(rule.uniqueness());
    if (!rule.description().isBlank()) {
      builder.setDescription(rule.description());
    }
    if (!rule.canonicalValues().isEmpty()) {
      builder.addCanonicalValues(rule.canonicalValues().toArray(String[]::new));
    }
    referenceTypes(builder, rule.type());
    return builder;
  }

  private static AttributeDefinition.Builder literalDefinition(String name, Object literal) {
    return new AttributeDefinition.Builder()
        .setName(name)
        .setType(literal instanceof Boolean ? Type.BOOLEAN : Type.STRING)
        .setMutability(Mutability.READ_WRITE)
        .setReturned(Returned.DEFAULT)
        .setUniqueness(Uniqueness.NONE);
  }

  private static AttributeDefinition.Builder parent(String name, boolean multiValued,
      List<AttributeDefinition> subs) {
    return new AttributeDefinition.Builder()
        .setName(name)
        .setType(Type.COMPLEX)
        .setMultiValued(multiValued)
        .setMutability(Mutability.READ_WRITE)
        .setReturned(Returned.DEFAULT)
        .setUniqueness(Uniqueness.NONE)
        .addSubAttributes(subs.toArray(AttributeDefinition[]::new));
  }

  private static void referenceTypes(AttributeDefinition.Builder builder, Type type) {
    if (type == Type.REFERENCE) {
      builder.addReferenceTypes("external");
    }
  }
}
