package io.github.scimkit.core.mapping;

import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import com.unboundid.scim2.common.types.AttributeDefinition.Returned;
import com.unboundid.scim2.common.types.AttributeDefinition.Type;
import com.unboundid.scim2.common.types.AttributeDefinition.Uniqueness;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What RFC 7643 says about the standard User, Group and enterprise attributes, so that a rule
 * naming one needs only its path and record attribute.
 */
final class StandardAttributes {

  /**
   * The RFC's definition of one attribute or sub-attribute: its name as the RFC spells it, and its
   * characteristics held as a rule whose path and record attribute are that name.
   */
  record Standard(String name, MappingRule definition) {}

  private static final Map<String, Standard> BY_PATH = new HashMap<>();

  static {
    simple("userName", Type.STRING, false, true, Uniqueness.SERVER);
    for (String sub : List.of("formatted", "familyName", "givenName", "middleName",
        "honorificPrefix", "honorificSuffix")) {
      simple("name." + sub, Type.STRING, false, false, Uniqueness.NONE);
    }
    complex("name");
    for (String name : List.of("displayName", "nickName", "title", "userType",
        "preferredLanguage", "locale", "timezone")) {
      simple(name, Type.STRING, false, false, Uniqueness.NONE);
    }
    simple("profileUrl", Type.REFERENCE, false, false, Uniqueness.NONE);
    simple("active", Type.BOOLEAN, false, false, Uniqueness.NONE);
    put("password", standard("password", Type.STRING, false, false, false,
        Mutability.WRITE_ONLY, Returned.NEVER, Uniqueness.NONE, List.of(), List.of()));
    multi("emails", Type.STRING, "work", "home", "other");
    multi("phoneNumbers", Type.STRING, "work", "home", "mobile", "fax", "pager", "other");
    multi("ims", Type.STRING, "aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo");
    multi("photos", Type.REFERENCE, "photo", "thumbnail");
    multi("entitlements", Type.STRING);
    multi("roles", Type.STRING);
    multi("x509Certificates", Type.BINARY);
    List<SubAttribute> address = List.of(
        SubAttribute.of("formatted", Type.STRING), SubAttribute.of("streetAddress", Type.STRING),
        SubAttribute.of("locality", Type.STRING), SubAttribute.of("region", Type.STRING),
        SubAttribute.of("postalCode", Type.STRING), SubAttribute.of("country", Type.STRING),
        SubAttribute.of("type", Type.STRING).withCanonicalValues("work", "home", "other"),
        SubAttribute.of("primary", Type.BOOLEAN));
    put("addresses", standard("addresses", Type.COMPLEX, true, false, false,
        Mutability.READ_WRITE, Returned.DEFAULT, Uniqueness.NONE, List.of(), address));
    for (SubAttribute sub : address) {
      simple("addresses." + sub.name(), sub.type(), false, false, Uniqueness.NONE);
    }

    String enterprise = ScimUrns.ENTERPRISE_USER + ":";
    for (String name : List.of("employeeNumber", "costCenter", "organization", "division",
        "department")) {
      simple(enterprise + name, Type.STRING, false, false, Uniqueness.NONE);
    }
    complex(enterprise + "manager");
    simple(enterprise + "manager.value", Type.STRING, false, false, Uniqueness.NONE);
    simple(enterprise + "manager.$ref", Type.REFERENCE, false, false, Uniqueness.NONE);
    put(enterprise + "manager.displayName", standard("displayName", Type.STRING, false, false,
        false, Mutability.READ_ONLY, Returned.DEFAULT, Uniqueness.NONE, List.of(), List.of()));
  }

  private StandardAttributes() {}

  private static Standard standard(String name, Type type, boolean multiValued, boolean caseExact,
      boolean required, Mutability mutability, Returned returned, Uniqueness uniqueness,
      List<String> canonicalValues, List<SubAttribute> subAttributes) {
    return new Standard(name, new MappingRule(name, name, type, multiValued, caseExact, required,
        mutability, returned, uniqueness, canonicalValues, subAttributes, ""));
  }

  /**
   * Finds the standard definition of a path without filters, such as {@code name.givenName} or
   * an enterprise path with its URN. A core URN prefix is ignored.
   */
  static Optional<Standard> find(String path) {
    String key = path;
    for (String core : List.of(ScimUrns.USER, ScimUrns.GROUP)) {
      if (key.regionMatches(true, 0, core + ":", 0, core.length() + 1)) {
        key = key.substring(core.length() + 1);
      }
    }
    return Optional.ofNullable(BY_PATH.get(key.toLowerCase(Locale.ROOT)));
  }

  private static void simple(String path, Type type, boolean caseExact, boolean required,
      Uniqueness uniqueness) {
    put(path, standard(lastName(path), type, false, caseExact, required,
        Mutability.READ_WRITE, Returned.DEFAULT, uniqueness, List.of(), List.of()));
  }

  /** A single-valued complex attribute whose sub-attributes rules bind one by one. */
  private static void complex(String path) {
    put(path, standard(lastName(path), Type.COMPLEX, false, false, false,
        Mutability.READ_WRITE, Returned.DEFAULT, Uniqueness.NONE, List.of(), List.of()));
  }

  /** A multi-valued attribute with value, display, type and primary, as RFC 7643 §2.4 has it. */
  private static void multi(String name, Type valueType, String... types) {
    List<SubAttribute> subs = List.of(
        SubAttribute.of("value", valueType),
        SubAttribute.of("display", Type.STRING),
        SubAttribute.of("type", Type.STRING).withCanonicalValues(types),
        SubAttribute.of("primary", Type.BOOLEAN));
    put(name, standard(name, Type.COMPLEX, true, false, false, Mutability.READ_WRITE,
        Returned.DEFAULT, Uniqueness.NONE, List.of(), subs));
    for (SubAttribute sub : subs) {
      put(name + "." + sub.name(), standard(sub.name(), sub.type(), false, false, false,
          Mutability.READ_WRITE, Returned.DEFAULT, Uniqueness.NONE, sub.canonicalValues(),
          List.of()));
    }
  }

  private static String lastName(String path) {
    int colon = path.lastIndexOf(':');
    String local = path.substring(colon + 1);
    return local.substring(local.lastIndexOf('.') + 1);
  }

  private static void put(String path, Standard standard) {
    BY_PATH.put(path.toLowerCase(Locale.ROOT), standard);
  }
}
