package io.github.scimkit.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import com.unboundid.scim2.common.types.AttributeDefinition.Returned;
import com.unboundid.scim2.common.types.AttributeDefinition.Type;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.BinaryValue;
import io.github.scimkit.core.store.ComplexValue;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.tenant.ScimMode;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For any record the rules can produce, reading what they render gives the same record, and
 * writing it straight to a generator gives the same JSON, field for field, as rendering it.
 */
class RoundTripProperties {

  private static final String MORE_SCHEMA = "urn:example:more";
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

  @Property(tries = 300)
  void writingARecordGivesTheJsonRenderingBuilds(@ForAll("records") MappedRecord generated) throws Exception {
    ResourceMapping mapping = MAPPINGS.get(generated.mapping());
    ResourceRecord record = Scim.record(mapping.derive(generated.attributes()));
    GenericScimResource rendered = mapping.render(record);
    ((ArrayNode) rendered.getObjectNode().get("schemas")).add(MORE_SCHEMA);

    StringWriter written = new StringWriter();
    try (JsonGenerator generator = JsonUtils.getObjectWriter().createGenerator(written)) {
      generator.writeStartObject();
      mapping.write(record, List.of(MORE_SCHEMA), generator);
      generator.writeEndObject();
    }

    assertThat(written.toString()).isEqualTo(Scim.json(rendered));
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
    if (rule.mutability() == Mutability.READ_ONLY || rule.mutability() == Mutability.WRITE_ONLY
        || rule.returned() == Returned.NEVER) {
      return Arbitraries.just(null); // never read back (readOnly) or never rendered (writeOnly)
    }
    if (!rule.subAttributes().isEmpty()) {
      List<Arbitrary<Object>> subValues = new ArrayList<>();
      for (SubAttribute sub : rule.subAttributes()) {
        Arbitrary<Object> one = scalar(sub.type(), sub.canonicalValues());
        subValues.add(sub.name().equals("value") ? one : one.injectNull(0.4));
      }
      Arbitrary<ComplexValue> element = Combinators.combine(subValues).as(values -> {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
          if (values.get(i) != null) {
            fields.put(rule.subAttributes().get(i).name(), values.get(i));
          }
        }
        return ComplexValue.of(fields);
      }).filter(value -> !value.isEmpty());
      return element.list().ofMaxSize(3).map(list -> (Object) list);
    }
    return scalar(rule.type(), rule.canonicalValues());
  }

  private static Arbitrary<Object> scalar(Type type, List<String> canonicalValues) {
    return switch (type) {
      case BOOLEAN -> Arbitraries.of(true, false).map(value -> (Object) value);
      case INTEGER -> Arbitraries.longs().map(value -> (Object) value);
      case BINARY -> binary().map(value -> (Object) value);
      default -> canonicalValues.isEmpty()
          ? Arbitraries.oneOf(email(), text()).map(value -> (Object) value)
          : Arbitraries.of(canonicalValues).map(value -> (Object) value);
    };
  }

  /** A binary value as records hold it (x509Certificates.value travels as base64). */
  private static Arbitrary<BinaryValue> binary() {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(12).map(BinaryValue::of);
  }

  private static Arbitrary<String> text() {
    // Scim.body reads ' as " (for readable test JSON), so generated text leaves it out.
    return Arbitraries.strings().ofMaxLength(12).excludeChars('\'');
  }

  private static Arbitrary<String> email() {
    return Arbitraries.oneOf(Arbitraries.of("a@example.com", "b@example.com"),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).map(name -> name + "@example.com"));
  }
}
