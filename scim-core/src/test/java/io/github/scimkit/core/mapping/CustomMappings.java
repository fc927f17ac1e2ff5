package io.github.scimkit.core.mapping;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.types.AttributeDefinition.Type;

/** Custom mappings the tests and docs/mapping.md share. */
final class CustomMappings {

  static final String ACME = "urn:example:params:scim:schemas:extension:acme:2.0:User";

  private CustomMappings() {}

  // tag::enterprise[]
  /** The default User rules, plus enterprise attributes and a custom extension. */
  static ResourceMapping enterpriseUsers() {
    String enterprise = ScimUrns.ENTERPRISE_USER;
    return DefaultMappings.users()
        .rule(enterprise + ":department", "department")
        .rule(enterprise + ":employeeNumber", "employeeNumber")
        .rule(enterprise + ":manager.value", "managerId")
        .rule(MappingRule.builder(ACME + ":badgeNumber", "badge")
            .type(Type.INTEGER)
            .description("Door badge")
            .build())
        .extension(ACME, "AcmeUser", "Acme's own user attributes")
        .build();
  }
  // end::enterprise[]

  // tag::flat[]
  /** A host whose table has one work-email column and one phone column. */
  static ResourceMapping flatUsers() {
    return ResourceMapping.userBuilder()
        .rule("userName", "user_name")
        .rule("emails[type eq \"work\"].value", "work_email")
        .rule("emails[primary eq true].value", "primary_email")
        .rule("phoneNumbers[type eq \"work\"].value", "phone")
        .build();
  }
  // end::flat[]

  // tag::password[]
  /** Users with a password, hashed before it reaches the store. */
  static ResourceMapping usersWithPassword() {
    return DefaultMappings.users()
        .rule("password", "password_hash")
        .passwordHandler(clear -> {
          if (clear.length() < 8) {
            throw BadRequestException.invalidValue("The password is too short");
          }
          return "hash:" + new StringBuilder(clear).reverse(); // a real host calls its hasher
        })
        .build();
  }
  // end::password[]
}
