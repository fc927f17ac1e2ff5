package io.github.scimkit.core.mapping;

import com.unboundid.scim2.common.types.AttributeDefinition.Uniqueness;
import java.util.List;

/**
 * The default mapping of an organization app, as builders to extend: every attribute of the RFC
 * 7643 User (§4.1) and of the enterprise extension (§4.3), and the Group {@code displayName}.
 *
 * <table>
 *   <caption>Default rules</caption>
 *   <tr><th>SCIM path</th><th>Record attribute</th></tr>
 *   <tr><td>{@code userName} (required, unique, case-insensitive)</td><td>{@code userName}</td></tr>
 *   <tr><td>{@code name.givenName}, {@code name.familyName}, {@code name.formatted}</td>
 *       <td>{@code givenName}, {@code familyName}, {@code formattedName}</td></tr>
 *   <tr><td>{@code name.middleName}, {@code name.honorificPrefix}, {@code
 *       name.honorificSuffix}</td><td>the sub-attribute's name</td></tr>
 *   <tr><td>{@code displayName}, {@code nickName}, {@code profileUrl}, {@code title}, {@code
 *       userType}, {@code preferredLanguage}, {@code locale}, {@code timezone}, {@code
 *       active}</td><td>the attribute's name</td></tr>
 *   <tr><td>{@code password} (writeOnly, returned never)</td><td>{@code password}, through
 *       {@link PasswordHandler#discard()} unless the host sets a handler</td></tr>
 *   <tr><td>{@code emails}, {@code phoneNumbers}, {@code ims}, {@code photos}, {@code
 *       addresses}, {@code entitlements}, {@code roles}, {@code x509Certificates}, each kept
 *       whole; the last three with {@link #GENERIC_TYPES} as {@code type}'s canonical
 *       values</td><td>the attribute's name</td></tr>
 *   <tr><td>enterprise {@code employeeNumber}, {@code costCenter}, {@code organization}, {@code
 *       division}, {@code department}</td><td>the attribute's name</td></tr>
 *   <tr><td>enterprise {@code manager.value}, {@code manager.$ref}, {@code manager.displayName}
 *       (readOnly: the HTTP layer fills it with the manager's {@code displayName})</td><td>{@code managerId}, {@code managerRef}, {@code
 *       managerDisplayName}</td></tr>
 *   <tr><td>derived {@link DerivedValue#email()}</td><td>{@code email}</td></tr>
 *   <tr><td>Group {@code displayName} (required)</td><td>{@code displayName}</td></tr>
 * </table>
 *
 * <p>{@code externalId} is built in for both, Group {@code members} and User {@code groups} are
 * left to the engine. A host that keeps less removes rules with {@link
 * ResourceMapping.Builder#withoutRule(String)}, or starts from {@link
 * ResourceMapping#userBuilder()}.
 */
public final class DefaultMappings {

  /**
   * The canonical {@code type} values published for {@code entitlements}, {@code roles} and
   * {@code x509Certificates}, to which RFC 7643 gives none: the generic examples of RFC 7643
   * §2.4 ({@code work}, {@code home}) and the {@code other} of its own lists. As for every
   * canonical value, strict mode refuses other values and lenient mode keeps them (RFC 7643 §7
   * calls them suggestions).
   */
  public static final List<String> GENERIC_TYPES = List.of("work", "home", "other");

  private DefaultMappings() {}

  /**
   * Returns a builder holding the default User rules.
   *
   * @return the builder
   */
  public static ResourceMapping.Builder users() {
    ResourceMapping.Builder users = ResourceMapping.userBuilder()
        .rule("userName", "userName")
        .rule("name.givenName", "givenName")
        .rule("name.familyName", "familyName")
        .rule("name.formatted", "formattedName");
    for (String sub : List.of("middleName", "honorificPrefix", "honorificSuffix")) {
      users.rule("name." + sub, sub);
    }
    for (String name : List.of("displayName", "nickName", "profileUrl", "title", "userType",
        "preferredLanguage", "locale", "timezone", "active", "password", "emails", "phoneNumbers",
        "ims", "photos", "addresses")) {
      users.rule(name, name);
    }
    for (String name : List.of("entitlements", "roles", "x509Certificates")) {
      users.rule(MappingRule.builder(name, name)
          .subAttributeCanonicalValues("type", GENERIC_TYPES.toArray(String[]::new)).build());
    }
    String enterprise = ScimUrns.ENTERPRISE_USER + ":";
    for (String name : List.of("employeeNumber", "costCenter", "organization", "division",
        "department")) {
      users.rule(enterprise + name, name);
    }
    return users
        .rule(enterprise + "manager.value", "managerId")
        .rule(enterprise + "manager.$ref", "managerRef")
        .rule(enterprise + "manager.displayName", "managerDisplayName")
        .extension(ScimUrns.ENTERPRISE_USER, "EnterpriseUser", "Enterprise User")
        .passwordHandler(PasswordHandler.discard())
        .derive(DerivedValue.email());
  }

  /**
   * Returns a builder holding the default Group rules.
   *
   * @return the builder
   */
  public static ResourceMapping.Builder groups() {
    return ResourceMapping.groupBuilder()
        .rule(MappingRule.builder("displayName", "displayName").required(true).build());
  }

  /**
   * Returns the rule for a Group {@code displayName} that is unique, case-insensitively, for
   * IdPs that match groups by name (JumpCloud, Entra ID).
   *
   * @return the rule
   */
  public static MappingRule uniqueGroupDisplayName() {
    return MappingRule.builder("displayName", "displayName")
        .required(true).uniqueness(Uniqueness.SERVER).build();
  }
}
