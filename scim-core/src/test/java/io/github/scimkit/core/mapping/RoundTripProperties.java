package io.github.scimkit.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.scim2.common.GenericScimResource;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.ComplexValue;
import io.github.scimkit.core.tenant.ScimMode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** For any record the rules can produce, reading what they render gives the same record. */
class RoundTripProperties {

  private static final List<ResourceMapping> MAPPINGS = List.of(
      ScimMapping.defaults().users(), CustomMappings.enterpriseUsers(), CustomMappings.flatUsers(),
      ScimMapping.defaults().groups());

  @Property(tries = 300)
  void readingARenderedRecordGivesItBack(@ForAll("records") MappedRecord generated)
      throws Exception {
    ResourceMapping mapping = MAPPINGS.get(generated.mapping());
    Attributes record = mapping.derive(generated.attributes());

    GenericScimResource rendered = Scim.body(Scim.json(mapping.render(Scim.record(record))));

    assertThat(mapping.read(rendered, ScimMode.STRICT)).isEqualTo(record);
  }

  /** Attributes generated rule by rule for one of {@link #MAPPINGS}. */
  record MappedRecord(int mapping, Attributes attributes) {}

  @Provide
  Arbitrary<MappedRecord> records() {
    return Arbitraries.integers().between(0, MAPPINGS.size() - 1).flatMap(index -> {
      List<Arbitrary<Object>> values = new ArrayList<>();
      List<MappingRule> rules = MAPPINGS.get(index).rules();
      for (MappingRule rule : rules) {
        values.add(value(rule).injectNull(0.3));
      }
      Arbitrary<Object> externalId = text().map(value -> (Object) value).injectNull(0.5);
      return Combinators.combine(values).as(list -> list).flatMap(list ->
          externalId.map(external -> {
            Attributes.Builder builder = Attributes.builder().set("externalId", external);
            for (int i = 0; i < rules.size(); i++) {
              builder.set(rules.get(i).recordAttribute(), list.get(i));
            }
            return new MappedRecord(index, builder.build());
          }));
    });
  }

  private static Arbitrary<Object> value(MappingRule rule) {
    if (!rule.subAttributes().isEmpty()) {
      Arbitrary<ComplexValue> element = Combinators.combine(
          Arbitraries.oneOf(email(), text()),
          Arbitraries.of("work", "home", "other", "Custom").injectNull(0.3),
          Arbitraries.of(true, false).injectNull(0.5))
          .as((value, type, primary) -> ComplexValue.of("value", value, "type", type, "primary", primary));
      return element.list().ofMaxSize(3).map(list -> (Object) list);
    }
    return switch (rule.type()) {
      case BOOLEAN -> Arbitraries.of(true, false).map(value -> (Object) value);
      case INTEGER -> Arbitraries.longs().map(value -> (Object) value);
      default -> Arbitraries.oneOf(email(), text()).map(value -> (Object) value);
    };
  }

  private static Arbitrary<String> text() {
    return Arbitraries.strings().ofMaxLength(12);
  }

  private static Arbitrary<String> email() {
    return Arbitraries.oneOf(Arbitraries.of("a@example.com", "b@example.com"),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).map(name -> name + "@example.com"));
  }
}
