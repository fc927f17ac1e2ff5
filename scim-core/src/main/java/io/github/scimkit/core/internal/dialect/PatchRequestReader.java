package io.github.scimkit.core.internal.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.types.AttributeDefinition;
import io.github.scimkit.core.dialect.Tolerance;
import io.github.scimkit.core.dialect.Tolerances;
import io.github.scimkit.core.internal.dialect.NormalizedPatchOperation.Kind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a PATCH request body (RFC 7644 §3.5.2) into {@link NormalizedPatchOperation}s under the
 * enabled {@link Tolerances}.
 *
 * <p>Always: {@code Operations} must be a non-empty array, a {@code remove} needs a {@code path}
 * ({@code noTarget}), a path must parse ({@code invalidPath}), {@code add} and {@code replace}
 * need a value ({@code invalidValue}), and paths get the schema's spelling. Under the tolerances:
 * op names in any case, no-path operations split into one per key (path keys and extension
 * objects expanded, readOnly keys such as Okta's {@code id} dropped), {@code remove} with a value
 * list turned into one value-filtered remove per value, values shaped as {@link
 * ResourceBodyNormalizer} does, a {@code replace} with {@code ""} turned into a {@code remove},
 * and operations on unknown attributes skipped.
 */
public final class PatchRequestReader {

  /** The URN a PATCH request lists in {@code schemas}. */
  public static final String PATCH_OP_URN = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private static final Pattern ATTRIBUTE_NAME = Pattern.compile("\\$?[A-Za-z][\\w-]*");

  private final ResourceSchema schema;
  private final ToleranceGuard guard;
  private final ValueNormalizer values;

  /**
   * Creates a reader for one resource type.
   *
   * @param schema the schemas of the resource type
   * @param tolerances the enabled tolerances
   */
  public PatchRequestReader(ResourceSchema schema, Tolerances tolerances) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.guard = new ToleranceGuard(Objects.requireNonNull(tolerances, "tolerances"));
    this.values = new ValueNormalizer(guard);
  }

  /**
   * Reads a PATCH request.
   *
   * @param request the request body as sent; it is not changed
   * @return the operations, in request order; may be empty if every operation was skipped
   * @throws BadRequestException if the request is malformed or uses a form no enabled tolerance
   *     accepts
   */
  public List<NormalizedPatchOperation> read(ObjectNode request) throws BadRequestException {
    checkSchemas(member(request, "schemas"));
    JsonNode operations = member(request, "Operations");
    if (operations == null || !operations.isArray() || operations.isEmpty()) {
      throw BadRequestException.invalidSyntax("'Operations' must be a non-empty array");
    }
    List<NormalizedPatchOperation> result = new ArrayList<>();
    for (JsonNode operation : operations) {
      if (!operation.isObject()) {
        throw BadRequestException.invalidSyntax("Each operation must be a JSON object");
      }
      read((ObjectNode) operation, result);
    }
    return List.copyOf(result);
  }

  private void checkSchemas(JsonNode schemas) throws BadRequestException {
    boolean listed = false;
    if (schemas != null && schemas.isArray()) {
      for (JsonNode urn : schemas) {
        boolean patchOp = urn.isTextual() && urn.textValue().equalsIgnoreCase(PATCH_OP_URN);
        listed |= patchOp;
        if (!patchOp) {
          guard.require(
              Tolerance.UNKNOWN_SCHEMA_URNS,
              () -> BadRequestException.invalidSyntax("A PatchOp message lists only " + PATCH_OP_URN + " in 'schemas'"));
        }
      }
    }
    if (!listed) {
      guard.require(
          Tolerance.MISSING_PATCH_OP_SCHEMA,
          () -> BadRequestException.invalidSyntax("'schemas' must list " + PATCH_OP_URN));
    }
  }

  private void read(ObjectNode operation, List<NormalizedPatchOperation> result)
      throws BadRequestException {
    Kind kind = kind(member(operation, "op"));
    JsonNode pathNode = member(operation, "path");
    JsonNode value = member(operation, "value");
    if (pathNode != null && !pathNode.isNull() && !pathNode.isTextual()) {
      throw BadRequestException.invalidPath("'path' must be a string");
    }
    String pathText = pathNode == null || pathNode.isNull() ? "" : pathNode.textValue().strip();
    boolean hasValue = value != null && !value.isNull();
    if (kind == Kind.REMOVE) {
      if (pathText.isEmpty()) {
        throw BadRequestException.noTarget("A remove operation needs a 'path'");
      }
      Optional<Path> path = known(parse(pathText), true);
      if (path.isPresent()) {
        rejectReadOnly(path.get());
        remove(path.get(), hasValue ? value : null, result);
      }
      return;
    }
    if (!hasValue) {
      throw BadRequestException.invalidValue("An " + kind + " operation needs a 'value'");
    }
    if (pathText.isEmpty()) {
      noPath(kind, value, result);
    } else {
      Optional<Path> path = known(parse(pathText), true);
      if (path.isPresent()) {
        rejectReadOnly(path.get());
        addOrReplace(kind, path.get(), value, result);
      }
    }
  }

  private Kind kind(JsonNode op) throws BadRequestException {
    if (op == null || !op.isTextual()) {
      throw BadRequestException.invalidSyntax("Each operation needs an 'op'");
    }
    String name = op.textValue();
    for (Kind kind : Kind.values()) {
      String canonical = kind.name().toLowerCase(Locale.ROOT);
      if (name.equals(canonical)) {
        return kind;
      }
      if (name.equalsIgnoreCase(canonical)) {
        guard.require(
            Tolerance.OP_NAME_ANY_CASE,
            () -> BadRequestException.invalidSyntax(
                "Unknown op '" + name + "': use '" + canonical + "'"));
        return kind;
      }
    }
    throw BadRequestException.invalidSyntax(
        "Unknown op '" + name + "': use 'add', 'replace' or 'remove'");
  }

  private void remove(Path path, JsonNode value, List<NormalizedPatchOperation> result)
      throws BadRequestException {
    if (value == null) {
      result.add(NormalizedPatchOperation.remove(path));
      return;
    }
    guard.require(
        Tolerance.REMOVE_WITH_VALUE,
        () -> BadRequestException.invalidSyntax(
            "A remove operation has no 'value': filter the path, such as "
                + path + "[value eq \"…\"]"));
    AttributeDefinition definition = schema.find(path).orElseThrow();
    Path.Element last = path.getElement(path.size() - 1);
    if (!definition.isMultiValued() || last.getValueFilter() != null) {
      // Only a whole multi-valued attribute has values to pick; elsewhere the value is moot.
      result.add(NormalizedPatchOperation.remove(path));
      return;
    }
    for (JsonNode element : value.isArray() ? value : List.of(value)) {
      result.add(
          NormalizedPatchOperation.remove(path.replace(path.size() - 1, matching(element))));
    }
  }

  /** Returns the value filter that selects one value of a multi-valued attribute. */
  private static Filter matching(JsonNode element) throws BadRequestException {
    if (element instanceof ValueNode scalar && !element.isNull()) {
      return Filter.eq(Path.root().attribute("value"), scalar);
    }
    if (element.isObject()) {
      JsonNode value = element.get("value");
      if (value instanceof ValueNode scalar && !value.isNull()) {
        return Filter.eq(Path.root().attribute("value"), scalar);
      }
      List<Filter> comparisons = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> fields = element.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getValue() instanceof ValueNode scalar && !scalar.isNull()) {
          comparisons.add(Filter.eq(Path.root().attribute(field.getKey()), scalar));
        }
      }
      if (comparisons.size() == 1) {
        return comparisons.get(0);
      }
      if (comparisons.size() > 1) {
        return Filter.and(comparisons);
      }
    }
    throw BadRequestException.invalidValue("Cannot tell which value to remove: " + element);
  }

  private void noPath(Kind kind, JsonNode value, List<NormalizedPatchOperation> result)
      throws BadRequestException {
    guard.require(
        Tolerance.NO_PATH_OPERATIONS,
        () -> BadRequestException.invalidSyntax("Each operation needs a 'path'"));
    if (!value.isObject()) {
      throw BadRequestException.invalidSyntax(
          "The value of an operation without 'path' must be a JSON object");
    }
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      if (key.equalsIgnoreCase("schemas")) {
        continue; // the SDK adds the URNs of the extensions it writes to
      }
      if (schema.isExtension(key) && field.getValue().isObject()) {
        String urn = schema.canonicalUrn(key).orElseThrow();
        Iterator<Map.Entry<String, JsonNode>> subs = field.getValue().fields();
        while (subs.hasNext()) {
          Map.Entry<String, JsonNode> sub = subs.next();
          keyed(kind, Path.root(urn).attribute(sub.getKey()), sub.getValue(), result);
        }
      } else if (ATTRIBUTE_NAME.matcher(key).matches()) {
        keyed(kind, Path.root().attribute(key), field.getValue(), result);
      } else {
        guard.require(
            Tolerance.PATH_KEYS_IN_NO_PATH_VALUES,
            () -> BadRequestException.invalidPath(
                "'" + key + "' is a path: send it as the operation's 'path'"));
        keyed(kind, parse(key), field.getValue(), result);
      }
    }
  }

  private void keyed(
      Kind kind, Path path, JsonNode value, List<NormalizedPatchOperation> result)
      throws BadRequestException {
    Optional<Path> known = known(path, false);
    if (known.isEmpty() || (known.get().size() == 1 && readOnly(known.get()))) {
      return;
    }
    if (value.isNull()) {
      throw BadRequestException.invalidValue("'" + path + "' needs a value");
    }
    addOrReplace(kind, known.get(), value, result);
  }

  private void addOrReplace(
      Kind kind, Path path, JsonNode value, List<NormalizedPatchOperation> result)
      throws BadRequestException {
    AttributeDefinition definition = schema.find(path).orElseThrow();
    boolean oneElement =
        definition.isMultiValued() && path.getElement(path.size() - 1).getValueFilter() != null;
    Optional<JsonNode> shaped =
        oneElement ? values.singleValue(definition, value) : values.attributeValue(definition, value);
    if (shaped.isEmpty()) {
      if (kind == Kind.REPLACE) {
        result.add(NormalizedPatchOperation.remove(path));
      }
      return;
    }
    if (shaped.get().isObject() && shaped.get().isEmpty()) {
      throw BadRequestException.invalidValue("The value of '" + path + "' is an empty object");
    }
    result.add(new NormalizedPatchOperation(kind, path, shaped.get()));
  }

  /** Resolves a path against the schema, or skips it if unknown attributes are tolerated. */
  private Optional<Path> known(Path path, boolean explicit) throws BadRequestException {
    Optional<Path> canonical = schema.canonicalPath(path);
    if (canonical.isEmpty()) {
      String detail = "Unknown attribute '" + path + "'";
      guard.require(
          Tolerance.UNKNOWN_ATTRIBUTES,
          () -> explicit
              ? BadRequestException.invalidPath(detail)
              : BadRequestException.invalidSyntax(detail));
    }
    return canonical;
  }

  /** An explicit path to a read-only attribute is a client error in every mode (RFC 7644 §3.5.2). */
  private void rejectReadOnly(Path path) throws BadRequestException {
    Path attribute = path.size() > 1 ? path.subPath(1) : path;
    if (readOnly(attribute) || readOnly(path)) {
      throw BadRequestException.mutability("Attribute " + path + " is read-only");
    }
  }

  private boolean readOnly(Path path) {
    return schema.find(path)
        .map(definition -> definition.getMutability() == AttributeDefinition.Mutability.READ_ONLY)
        .orElse(false);
  }

  private static Path parse(String text) throws BadRequestException {
    if (!FilterText.balanced(text)) {
      throw BadRequestException.invalidPath("Invalid path '" + text + "': unbalanced brackets or quotes");
    }
    try {
      return Path.fromString(text);
    } catch (BadRequestException e) {
      throw BadRequestException.invalidPath("Invalid path '" + text + "': " + SdkMessages.plain(e.getMessage()));
    } catch (RuntimeException e) {
      // The SDK 4.0.0 parser fails with a ClassCastException on an array or object in a value filter.
      throw BadRequestException.invalidPath("Invalid path '" + text + "': a value filter compares with a string, number, true, false or null");
    }
  }

  /**
   * Returns a member by its exact name or, when tolerated, in any case. Names are compared here
   * because the SDK's node factory makes {@code get} ignore case.
   */
  private JsonNode member(ObjectNode object, String name) {
    boolean anyCase = guard.allows(Tolerance.MESSAGE_MEMBER_ANY_CASE);
    JsonNode found = null;
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getKey().equals(name)) {
        return field.getValue();
      }
      if (anyCase && found == null && field.getKey().equalsIgnoreCase(name)) {
        found = field.getValue();
      }
    }
    return found;
  }
}
