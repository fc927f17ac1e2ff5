package io.github.scimkit.core.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import com.unboundid.scim2.common.types.AttributeDefinition.Returned;
import com.unboundid.scim2.common.types.AttributeDefinition.Type;
import com.unboundid.scim2.common.types.AttributeDefinition.Uniqueness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a {@link ScimMapping} from JSON or YAML. The two formats share one shape:
 *
 * <pre>{@code
 * users:
 *   base: default            # start from DefaultMappings.users(); "empty" (the default) does not
 *   externalIdUnique: true
 *   extensions:
 *     - {urn: "urn:example:scim:acme:2.0:User", name: AcmeUser, description: Acme}
 *   rules:
 *     - path: 'emails[type eq "work"].value'
 *       attribute: work_email
 *     - path: "urn:example:scim:acme:2.0:User:badge"
 *       attribute: badge
 *       type: integer         # and multiValued, caseExact, required, mutability, returned,
 *                             # uniqueness, canonicalValues, description, subAttributes
 *   derived:
 *     - name: email
 *       attribute: email
 *       sources: [{path: "emails[primary eq true].value"}, {path: userName, onlyEmail: true}]
 * groups:
 *   base: default
 * }</pre>
 *
 * Enumerated values are written as SCIM spells them ({@code readOnly}, {@code dateTime}) or as
 * the SDK's constants. Unknown keys are errors, so that a typo fails at start-up.
 */
public final class ScimMappingLoader {

  private static final Set<String> RESOURCE_KEYS =
      Set.of("base", "externalIdUnique", "extensions", "rules", "derived");
  private static final Set<String> RULE_KEYS = Set.of("path", "attribute", "type", "multiValued",
      "caseExact", "required", "mutability", "returned", "uniqueness", "canonicalValues",
      "description", "subAttributes");
  private static final Set<String> SUB_KEYS =
      Set.of("name", "type", "caseExact", "mutability", "canonicalValues");

  private ScimMappingLoader() {}

  /**
   * Loads a file, as YAML when its name ends in {@code .yaml} or {@code .yml}, else as JSON.
   *
   * @param file the file
   * @param passwordHandler what protects a mapped password, or {@code null} for the base's own
   *     ({@link PasswordHandler#discard()} on {@code base: default})
   * @return the mapping
   * @throws IOException when the file cannot be read
   * @throws MappingException when the file or one of its rules is wrong
   */
  public static ScimMapping load(Path file, PasswordHandler passwordHandler) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
    return parse(Files.readString(file), yaml, passwordHandler);
  }

  /**
   * Parses mapping text.
   *
   * @param text the JSON or YAML text
   * @param yaml whether the text is YAML
   * @param passwordHandler what protects a mapped password, or {@code null}
   * @return the mapping
   * @throws MappingException when the text or one of its rules is wrong
   */
  public static ScimMapping parse(String text, boolean yaml, PasswordHandler passwordHandler) {
    JsonNode root;
    try {
      root = (yaml ? new YAMLMapper() : new ObjectMapper()).readTree(text);
    } catch (JsonProcessingException e) {
      throw new MappingException("The mapping file does not parse: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new MappingException("the mapping file", "expected an object at the top");
    }
    checkKeys(root, Set.of("users", "groups"), "the mapping file");
    ScimMapping.Builder builder = ScimMapping.builder();
    if (root.has("users")) {
      builder.users(resource(root.get("users"), "users", DefaultMappings.users(),
          ResourceMapping.userBuilder(), passwordHandler));
    }
    if (root.has("groups")) {
      builder.groups(resource(root.get("groups"), "groups", DefaultMappings.groups(),
          ResourceMapping.groupBuilder(), passwordHandler));
    }
    return builder.build();
  }

  private static ResourceMapping resource(JsonNode node, String where,
      ResourceMapping.Builder defaults, ResourceMapping.Builder empty,
      PasswordHandler passwordHandler) {
    checkKeys(node, RESOURCE_KEYS, where);
    String base = text(node, "base", where, "empty");
    ResourceMapping.Builder builder = switch (base) {
      case "default" -> defaults;
      case "empty" -> empty;
      default -> throw new MappingException(where + ".base", "expected 'default' or 'empty', not '" + base + "'");
    };
    if (passwordHandler != null) {
      builder.passwordHandler(passwordHandler);
    }
    builder.externalIdUnique(bool(node, "externalIdUnique", where, false));
    int index = 0;
    for (JsonNode extension : array(node, "extensions", where)) {
      String at = where + ".extensions[" + index++ + "]";
      checkKeys(extension, Set.of("urn", "name", "description"), at);
      String urn = required(extension, "urn", at);
      builder.extension(urn, text(extension, "name", at, urn), text(extension, "description", at, ""));
    }
    index = 0;
    for (JsonNode rule : array(node, "rules", where)) {
      builder.rule(rule(rule, where + ".rules[" + index++ + "]"));
    }
    index = 0;
    for (JsonNode derived : array(node, "derived", where)) {
      builder.derive(derived(derived, where + ".derived[" + index++ + "]"));
    }
    try {
      return builder.build();
    } catch (MappingException e) {
      throw new MappingException("In " + where + ": " + e.getMessage(), e);
    }
  }

  private static MappingRule rule(JsonNode node, String at) {
    checkKeys(node, RULE_KEYS, at);
    String path = required(node, "path", at);
    String where = at + " (" + path + ")";
    MappingRule.Builder rule = MappingRule.builder(path, required(node, "attribute", where));
    if (node.has("type")) {
      rule.type(constant(Type.class, node.get("type"), where));
    }
    if (node.has("multiValued")) {
      rule.multiValued(bool(node, "multiValued", where, false));
    }
    if (node.has("caseExact")) {
      rule.caseExact(bool(node, "caseExact", where, false));
    }
    if (node.has("required")) {
      rule.required(bool(node, "required", where, false));
    }
    if (node.has("mutability")) {
      rule.mutability(constant(Mutability.class, node.get("mutability"), where));
    }
    if (node.has("returned")) {
      rule.returned(constant(Returned.class, node.get("returned"), where));
    }
    if (node.has("uniqueness")) {
      rule.uniqueness(constant(Uniqueness.class, node.get("uniqueness"), where));
    }
    if (node.has("canonicalValues")) {
      rule.canonicalValues(strings(node, "canonicalValues", where).toArray(String[]::new));
    }
    if (node.has("description")) {
      rule.description(text(node, "description", where, ""));
    }
    if (node.has("subAttributes")) {
      List<SubAttribute> subs = new ArrayList<>();
      for (JsonNode sub : array(node, "subAttributes", where)) {
        checkKeys(sub, SUB_KEYS, where);
        String name = required(sub, "name", where);
        subs.add(new SubAttribute(name,
            sub.has("type") ? constant(Type.class, sub.get("type"), where) : Type.STRING,
            bool(sub, "caseExact", where, false),
            sub.has("mutability") ? constant(Mutability.class, sub.get("mutability"), where)
                : Mutability.READ_WRITE,
            strings(sub, "canonicalValues", where)));
      }
      rule.subAttributes(subs.toArray(SubAttribute[]::new));
    }
    try {
      return rule.build();
    } catch (MappingException e) {
      throw new MappingException(where, e.getMessage());
    }
  }

  private static DerivedValue derived(JsonNode node, String at) {
    checkKeys(node, Set.of("name", "attribute", "sources"), at);
    String name = required(node, "name", at);
    List<DerivedValue.Source> sources = new ArrayList<>();
    for (JsonNode source : array(node, "sources", at)) {
      checkKeys(source, Set.of("path", "onlyEmail"), at);
      sources.add(new DerivedValue.Source(required(source, "path", at),
          bool(source, "onlyEmail", at, false)));
    }
    return new DerivedValue(name, required(node, "attribute", at), sources);
  }

  private static <E extends Enum<E>> E constant(Class<E> type, JsonNode node, String where) {
    String wanted = node.asText().replace("_", "").toLowerCase(Locale.ROOT);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().replace("_", "").toLowerCase(Locale.ROOT).equals(wanted)) {
        return constant;
      }
    }
    throw new MappingException(where, "'" + node.asText() + "' is not a " + type.getSimpleName().toLowerCase(Locale.ROOT));
  }

  private static void checkKeys(JsonNode node, Set<String> allowed, String where) {
    if (!node.isObject()) {
      throw new MappingException(where, "expected an object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new MappingException(where, "unknown key '" + name + "'; expected one of "
            + allowed.stream().sorted().toList());
      }
    }
  }

  private static String required(JsonNode node, String key, String where) {
    JsonNode value = node.get(key);
    if (value == null || !value.isTextual() || value.textValue().isBlank()) {
      throw new MappingException(where, "'" + key + "' is required and must be text");
    }
    return value.textValue();
  }

  private static String text(JsonNode node, String key, String where, String fallback) {
    JsonNode value = node.get(key);
    if (value == null) {
      return fallback;
    }
    if (!value.isTextual()) {
      throw new MappingException(where, "'" + key + "' must be text");
    }
    return value.textValue();
  }

  private static boolean bool(JsonNode node, String key, String where, boolean fallback) {
    JsonNode value = node.get(key);
    if (value == null) {
      return fallback;
    }
    if (!value.isBoolean()) {
      throw new MappingException(where, "'" + key + "' must be true or false");
    }
    return value.booleanValue();
  }

  private static Iterable<JsonNode> array(JsonNode node, String key, String where) {
    JsonNode value = node.get(key);
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new MappingException(where, "'" + key + "' must be a list");
    }
    return value;
  }

  private static List<String> strings(JsonNode node, String key, String where) {
    List<String> values = new ArrayList<>();
    for (JsonNode value : array(node, key, where)) {
      if (!value.isTextual()) {
        throw new MappingException(where, "'" + key + "' must list text");
      }
      values.add(value.textValue());
    }
    return values;
  }
}
