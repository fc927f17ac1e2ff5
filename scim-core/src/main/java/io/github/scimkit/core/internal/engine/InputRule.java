package io.github.scimkit.core.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.types.AttributeDefinition;
import io.github.scimkit.core.store.query.Condition;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The engine's one rule for text that may reach a store, so that every store answers the same
 * input the same way. It refuses, with 400 {@code invalidValue} and a detail that names the
 * attribute:
 *
 * <ul>
 *   <li>C0 control characters (U+0000 to U+001F) in any string or attribute name, except tab, CR
 *       and LF in the free-text attributes ({@link #FREE_TEXT}: {@code addresses.formatted}, the
 *       only RFC 7643 attribute meant to span lines);
 *   <li>unpaired UTF-16 surrogates, which no store can keep;
 *   <li>blank values of required single-valued strings ({@code userName}, a group's {@code
 *       displayName});
 *   <li>a multi-valued attribute with more values than the configured cap (a group's {@code
 *       members} have their own limit).
 * </ul>
 *
 * Ids and filter literals follow the same character rule: an id that breaks it names no resource
 * (404), a filter literal that breaks it is a 400 {@code invalidFilter}. The rule does not check
 * types or schemas; the schema checker does.
 */
public final class InputRule {

  /** Attribute paths, lower case, where tab, CR and LF are allowed. */
  static final Set<String> FREE_TEXT = Set.of("addresses.formatted");

  private final int maxValues;

  InputRule(int maxValues) {
    this.maxValues = maxValues;
  }

  /**
   * Tells whether a string has no C0 control character and no unpaired surrogate.
   *
   * @param text the string
   * @return {@code true} when a store may see it
   */
  public static boolean storable(String text) {
    return firstFault(text, false) < 0;
  }

  /**
   * Checks a resource body (POST, PUT, or a PATCH's result) as a whole.
   *
   * @param body the resource
   * @param coreAttributes the core schema's attributes, for the required ones
   * @throws BadRequestException {@code invalidValue} naming the first attribute that breaks the rule
   */
  void checkResource(JsonNode body, Iterable<AttributeDefinition> coreAttributes) throws BadRequestException {
    check(body, "", "");
    for (AttributeDefinition attribute : coreAttributes) {
      if (attribute.isRequired() && !attribute.isMultiValued() && attribute.getType() == AttributeDefinition.Type.STRING) {
        JsonNode value = field(body, attribute.getName());
        if (value != null && value.isTextual() && value.asText().isBlank()) {
          throw BadRequestException.invalidValue("Attribute " + attribute.getName() + " must not be blank");
        }
      }
    }
  }

  /**
   * Checks an id that names a resource, such as a member's.
   *
   * @param id the id
   * @param attribute the attribute that carries it, for the detail
   * @throws BadRequestException {@code invalidValue} when it breaks the character rule
   */
  static void checkId(String id, String attribute) throws BadRequestException {
    if (!storable(id)) {
      throw BadRequestException.invalidValue("Attribute " + attribute + " " + fault(id, false));
    }
  }

  /**
   * Checks every string literal of a filter.
   *
   * @param condition the translated filter
   * @throws BadRequestException {@code invalidFilter} when a literal breaks the character rule
   */
  public static void checkFilter(Condition condition) throws BadRequestException {
    if (condition instanceof Condition.Compare compare && compare.value() instanceof String text && !storable(text)) {
      throw BadRequestException.invalidFilter("The filter value for " + compare.attribute() + " " + fault(text, false));
    } else if (condition instanceof Condition.And and) {
      for (Condition operand : and.operands()) {
        checkFilter(operand);
      }
    } else if (condition instanceof Condition.Or or) {
      for (Condition operand : or.operands()) {
        checkFilter(operand);
      }
    } else if (condition instanceof Condition.Not not) {
      checkFilter(not.operand());
    } else if (condition instanceof Condition.AnyElement any) {
      checkFilter(any.element());
    }
  }

  /**
   * Walks a JSON value. {@code shown} is the path for the detail, {@code key} the lower-case
   * name path (without indexes or schema URNs) for the free-text rule and the members exception.
   */
  private void check(JsonNode node, String shown, String key) throws BadRequestException {
    if (node.isTextual()) {
      String text = node.textValue();
      if (firstFault(text, FREE_TEXT.contains(key)) >= 0) {
        throw BadRequestException.invalidValue("Attribute " + shown + " " + fault(text, FREE_TEXT.contains(key)));
      }
    } else if (node.isArray()) {
      if (node.size() > maxValues && !key.equals("members")) {
        throw BadRequestException.invalidValue("Attribute " + shown + " has " + node.size()
            + " values; at most " + maxValues + " are allowed");
      }
      for (int i = 0; i < node.size(); i++) {
        check(node.get(i), shown + "[" + i + "]", key);
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        String name = field.getKey();
        if (!storable(name)) {
          throw BadRequestException.invalidValue("An attribute name " + fault(name, false));
        }
        boolean urn = name.regionMatches(true, 0, "urn:", 0, 4);
        String childShown = shown.isEmpty() ? name : shown + (urn ? ":" : ".") + name;
        String childKey = urn ? "" : key.isEmpty() ? name.toLowerCase(Locale.ROOT) : key + "." + name.toLowerCase(Locale.ROOT);
        check(field.getValue(), childShown, childKey);
      }
    }
  }

  private static JsonNode field(JsonNode body, String name) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getKey().equalsIgnoreCase(name)) {
        return field.getValue();
      }
    }
    return null;
  }

  /** Says what is wrong with a string that breaks the rule. */
  private static String fault(String text, boolean freeText) {
    int at = firstFault(text, freeText);
    char c = text.charAt(at);
    if (Character.isSurrogate(c)) {
      return "contains an unpaired UTF-16 surrogate at position " + at;
    }
    return String.format(Locale.ROOT, "contains the control character U+%04X at position %d", (int) c, at);
  }

  /** The index of the first control character or unpaired surrogate, or -1. */
  private static int firstFault(String text, boolean freeText) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20) {
        if (!(freeText && (c == '\t' || c == '\r' || c == '\n'))) {
          return i;
        }
      } else if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      } else if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }
}
