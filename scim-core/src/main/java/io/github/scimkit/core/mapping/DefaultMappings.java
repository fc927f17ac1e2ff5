package io.github.scimkit.core.mapping;

import com.unboundid.scim2.common.types.AttributeDefinition.Uniqueness;

/**
 * The default mapping of an organization app, as builders to extend.
 *
 * <table>
 *   <caption>Default rules</caption>
 *   <tr><th>SCIM path</th><th>Record attribute</th></tr>
 *   <tr><td>{@code userName} (required, unique, case-insensitive)</td><td>{@code userName}</td></tr>
 *   <tr><td>{@code displayName}</td><td>{@code displayName}</td></tr>
 *   <tr><td>{@code name.givenName}</td><td>{@code givenName}</td></tr>
 *   <tr><td>{@code name.familyName}</td><td>{@code familyName}</td></tr>
 *   <tr><td>{@code name.formatted}</td><td>{@code formattedName}</td></tr>
 *   <tr><td>{@code emails}, kept whole</td><td>{@code emails}</td></tr>
 *   <tr><td>{@code active}</td><td>{@code active}</td></tr>
 *   <tr><td>derived {@link DerivedValue#email()}</td><td>{@code email}</td></tr>
 *   <tr><td>Group {@code displayName} (required)</td><td>{@code displayName}</td></tr>
 * </table>
 *
 * <p>{@code externalId} is built in for both, and Group {@code members} is left to the engine.
 */
public final class DefaultMappings {

  private DefaultMappings() {}

  /**
   * Returns a builder holding the default User rules.
   *
   * @return the builder
   */
  public static ResourceMapping.Builder users() {
    return ResourceMapping.userBuilder()
        .rule("userName", "userName")
        .rule("displayName", "displayName")
        .rule("name.givenName", "givenName")
        .rule("name.familyName", "familyName")
        .rule("name.formatted", "formattedName")
        .rule("emails", "emails")
        .rule("active", "active")
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
