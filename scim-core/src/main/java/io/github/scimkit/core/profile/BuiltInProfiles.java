package io.github.scimkit.core.profile;

import static io.github.scimkit.core.dialect.Tolerance.BARE_VALUE_FOR_COMPLEX;
import static io.github.scimkit.core.dialect.Tolerance.EMPTY_STRING_AS_ABSENT;
import static io.github.scimkit.core.dialect.Tolerance.FILTERED_PATH_COMPARISON;
import static io.github.scimkit.core.dialect.Tolerance.NO_PATH_OPERATIONS;
import static io.github.scimkit.core.dialect.Tolerance.NULL_MEMBER_REF;
import static io.github.scimkit.core.dialect.Tolerance.OP_NAME_ANY_CASE;
import static io.github.scimkit.core.dialect.Tolerance.PATH_KEYS_IN_NO_PATH_VALUES;
import static io.github.scimkit.core.dialect.Tolerance.REMOVE_WITH_VALUE;
import static io.github.scimkit.core.dialect.Tolerance.SINGLE_ELEMENT_ARRAY_FOR_SINGLE_VALUED;
import static io.github.scimkit.core.dialect.Tolerance.SINGLE_VALUE_FOR_MULTI_VALUED;
import static io.github.scimkit.core.dialect.Tolerance.STRING_BOOLEANS;
import static io.github.scimkit.core.dialect.Tolerance.UNKNOWN_ATTRIBUTES;
import static io.github.scimkit.core.dialect.Tolerance.UNKNOWN_SCHEMA_URNS;
import static io.github.scimkit.core.dialect.Tolerance.UNQUOTED_FILTER_VALUES;

import io.github.scimkit.core.dialect.Tolerance;
import io.github.scimkit.core.mapping.DerivedValue;
import java.util.EnumSet;
import java.util.List;

/**
 * The built-in profiles, written from what each identity provider is documented or observed to
 * send (the project's IdP notes, §2). Package-private: use {@link IdpProfiles#builtIns()}.
 */
final class BuiltInProfiles {

  private static final String DEACTIVATED = "`active` becomes false: `UserUpdated`, `UserDeactivated`; the record stays";
  private static final String REACTIVATED = "`active` becomes true: `UserUpdated`, `UserReactivated`";
  private static final String DELETED =
      "The user leaves each of its groups (`MembersRemoved`), then the record is deleted (`UserDeleted`)";
  private static final String NO_SERVER_ID_CHECK = "ids that are not users of the tenant fail with 400 `invalidValue`";

  private BuiltInProfiles() {}

  static List<IdpProfile> all() {
    return List.of(generic(), okta(), entra(), jumpcloud(), onelogin(), ping());
  }

  static IdpProfile generic() {
    return IdpProfile.builder("generic")
        .description("Any RFC 7644 client that no other profile describes. In lenient mode it accepts every "
            + "dialect ScimKit knows, because the client is not known; in strict mode it is the interop profile.")
        .tolerances(EnumSet.allOf(Tolerance.class))
        .notRecognized("Never recognised from a request: it is what every client without a profile gets.")
        .lifecycle("Deactivate a user",
            "`PATCH /Users/{id}` replacing `active` with `false`, or `PUT` with `\"active\":false`", DEACTIVATED)
        .lifecycle("Reactivate a user", "The same with `true`", REACTIVATED)
        .lifecycle("Delete a user", "`DELETE /Users/{id}`", DELETED)
        .lifecycle("Change group members",
            "`PATCH /Groups/{id}` on `members`, or `PUT` with the full member list",
            "Member deltas: `MembersAdded`, `MembersRemoved`; " + NO_SERVER_ID_CHECK)
        .lifecycle("Delete a group", "`DELETE /Groups/{id}`", "`GroupDeleted`; the users stay")
        .build();
  }

  static IdpProfile okta() {
    return IdpProfile.builder("okta")
        .description("Okta, both Integration Network (OIN) apps such as Bitwarden's and custom (AIW) SCIM apps. "
            + "OIN apps PATCH only to (de)activate and PUT full bodies otherwise; AIW apps PUT everything.")
        .tolerate(NO_PATH_OPERATIONS, UNKNOWN_ATTRIBUTES)
        .recognizedBy("Recognised when the `User-Agent` starts with `Okta` (Okta sends `Okta SCIM Client 1.0.0`), "
                + "as Bitwarden does; the request then gets Okta's tolerances on top of the tenant's.",
            context -> context.userAgent().map(agent -> agent.startsWith("Okta")).orElse(false))
        .lifecycle("Deactivate the user, unassign it from the app, or delete it in Okta",
            "OIN: `PATCH /Users/{id}` `{\"op\":\"replace\",\"value\":{\"active\":false}}` (no path); "
                + "AIW: `PUT /Users/{id}` with `\"active\":false`. Okta never sends `DELETE /Users`",
            DEACTIVATED)
        .lifecycle("Suspend the user", "Nothing", "No change")
        .lifecycle("Reactivate or reassign the user", "The same PATCH or PUT with `true`", REACTIVATED)
        .lifecycle("Change the user's profile",
            "`GET /Users/{id}`, then `PUT /Users/{id}` with the full resource, echoing `id`, `meta`, `groups` "
                + "and sometimes `password`",
            "`id`, `meta` and `groups` are dropped, `password` is ignored unless mapped; changed attributes: "
                + "`UserUpdated`")
        .lifecycle("Push a group", "`POST /Groups` with `members:[]` or with members",
            "`GroupCreated`, then `MembersAdded` for the members")
        .lifecycle("Change a pushed group's members or name",
            "One `PATCH /Groups/{id}`: no-path `replace` of `{\"id\":…,\"displayName\":…}`, "
                + "`remove` of `members[value eq \"id\"]`, `add` of `members` `[{value,display}]`",
            "`id` in the value is ignored; renames give `GroupUpdated`; member deltas give `MembersRemoved` and "
                + "`MembersAdded`")
        .lifecycle("Unlink a pushed group, deleting it in the app", "`DELETE /Groups/{id}`",
            "`GroupDeleted`; the users stay")
        .build();
  }

  static IdpProfile entra() {
    return IdpProfile.builder("entra")
        .description("Microsoft Entra ID (Azure AD), with or without `?aadOptscim062020` on the tenant URL: one "
            + "profile accepts both the default (2017) PATCH dialect and the flag's compliant forms.")
        .tolerate(OP_NAME_ANY_CASE, STRING_BOOLEANS, NO_PATH_OPERATIONS, PATH_KEYS_IN_NO_PATH_VALUES,
            REMOVE_WITH_VALUE, SINGLE_ELEMENT_ARRAY_FOR_SINGLE_VALUED, BARE_VALUE_FOR_COMPLEX, NULL_MEMBER_REF,
            UNKNOWN_SCHEMA_URNS,
            UNKNOWN_ATTRIBUTES, UNQUOTED_FILTER_VALUES, FILTERED_PATH_COMPARISON)
        .emailSources(List.of(
            DerivedValue.Source.of("emails[primary eq true].value"),
            DerivedValue.Source.emailIn("userName"),
            DerivedValue.Source.of("emails[type eq \"work\"].value"),
            DerivedValue.Source.of("emails.value")))
        .notRecognized("Not recognised from requests: Entra's `User-Agent` is undocumented and is sometimes missing "
            + "(Test Connection), and its `Adscimversion` header is not part of the request context. "
            + "Tenants that use Entra name this profile in their settings.")
        .lifecycle("Disable the account (`accountEnabled=false`), soft-delete the user, or unassign it",
            "`PATCH /Users/{id}` `{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}`; "
                + "with the flag, `\"op\":\"replace\"` and `false`. Never `DELETE` on unassign",
            DEACTIVATED)
        .lifecycle("Enable or restore the user", "The same with `\"True\"` or `true`", REACTIVATED)
        .lifecycle("Delete the user permanently (or 30 days after a soft delete)", "`DELETE /Users/{id}`", DELETED)
        .lifecycle("Change the user's attributes",
            "`GET /Users/{id}`, then `PATCH` with one `Replace` or `Add` per path (`name.familyName`, "
                + "`emails[type eq \"work\"].value`, enterprise URN paths); with the flag, one no-path `replace` "
                + "whose keys are paths",
            "`UserUpdated`")
        .lifecycle("Add a user to an assigned group",
            "`PATCH /Groups/{id}` `{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"$ref\":null,\"value\":\"id\"}]}`",
            "`MembersAdded` for ids not yet members; repeated adds change nothing")
        .lifecycle("Remove a user from an assigned group",
            "`{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"id\"}]}`; with the flag, "
                + "`{\"op\":\"remove\",\"path\":\"members[value eq \\\"id\\\"]\"}`",
            "`MembersRemoved` for the listed ids only, never the whole group")
        .lifecycle("Rename a group", "`{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":…}`", "`GroupUpdated`")
        .lifecycle("Delete a group", "`DELETE /Groups/{id}`", "`GroupDeleted`; the users stay")
        .build();
  }

  static IdpProfile jumpcloud() {
    return IdpProfile.builder("jumpcloud")
        .description("JumpCloud's SCIM Identity Management. Its `userName` is JumpCloud's username, often not an "
            + "email address, so the email comes from `emails`; it changes group members with "
            + "Entra-style removes that list values.")
        .tolerate(REMOVE_WITH_VALUE, UNKNOWN_ATTRIBUTES)
        .notRecognized("Not recognised from requests: JumpCloud documents no `User-Agent` or header of its own.")
        .lifecycle("Activate the integration",
            "`POST /Users` and `POST /Groups` for a test user and group, then `DELETE` of both",
            "`UserCreated`, `GroupCreated`, then `GroupDeleted`, `UserDeleted`: a host that invites users "
                + "should expect the test address")
        .lifecycle("Suspend the user, or let its password expire",
            "`active:false` (`active` is `!suspended && !passwordExpired`)", DEACTIVATED)
        .lifecycle("Unbind the user from the app, or from every group bound to it", "`active:false`", DEACTIVATED)
        .lifecycle("Delete the user in JumpCloud", "`DELETE /Users/{id}`", DELETED)
        .lifecycle("Change a group's members",
            "`PATCH /Groups/{id}` `add`, or `remove` with `path:\"members\"` and a value list",
            "`MembersAdded`, `MembersRemoved` for the listed ids only")
        .lifecycle("Delete the group in JumpCloud", "`DELETE /Groups/{id}`", "`GroupDeleted`; the users stay")
        .lifecycle("Disassociate the group from the app",
            "Nothing for the group; its members get `active:false` unless another bound group covers them",
            "The group stays; " + DEACTIVATED)
        .build();
  }

  static IdpProfile onelogin() {
    return IdpProfile.builder("onelogin")
        .description("OneLogin's SCIM Provisioner. User bodies come from an admin-edited JSON template: unmapped "
            + "placeholders arrive as empty strings, `emails` may be one object, `active` may be a string. "
            + "Roles become groups through a provisioning rule.")
        // The enterprise template names the enterprise extension in schemas even where the host's
        // mapping does not publish it (found by OneLoginReplayTest).
        .tolerate(STRING_BOOLEANS, SINGLE_VALUE_FOR_MULTI_VALUED, EMPTY_STRING_AS_ABSENT, UNKNOWN_ATTRIBUTES,
            UNKNOWN_SCHEMA_URNS, REMOVE_WITH_VALUE)
        .notRecognized("Not recognised from requests: OneLogin documents no `User-Agent` or header of its own.")
        .lifecycle("Suspend the user (\"When accounts are suspended\" set to *Suspend*)",
            "`PUT /Users/{id}` with the template and `active:false`", DEACTIVATED)
        .lifecycle("Delete the user (\"When users are deleted\" set to *Delete*)", "`DELETE /Users/{id}`", DELETED)
        .lifecycle("Change the user", "`PUT /Users/{id}` with the whole template",
            "Empty strings are dropped; changed attributes: `UserUpdated`")
        .lifecycle("Give or take a role mapped to a group", "`PATCH /Groups/{id}` adding or removing `members`",
            "`MembersAdded`, `MembersRemoved`")
        .lifecycle("Delete a role", "Nothing", "The group stays; remove its members in OneLogin first")
        .build();
  }

  static IdpProfile ping() {
    return IdpProfile.builder("ping")
        .description("PingOne's SCIM Outbound connection and the PingFederate SCIM Provisioner. Users are looked "
            + "up with filters such as `username Eq \"…\"` (case-insensitive names and operators, as RFC 7644 "
            + "requires) and updated with PUT; groups get PUT with the full member list.")
        .tolerate(UNKNOWN_ATTRIBUTES)
        .notRecognized("Not recognised from requests: Bitwarden recognises PingOne by a hard-coded list of egress "
            + "IP addresses, which changes without notice and which the request context does not carry.")
        .lifecycle("The user leaves the rule's scope, Remove Action *Disable*",
            "`PUT /Users/{id}` with `active:false`", DEACTIVATED)
        .lifecycle("The user is back in scope", "`PUT /Users/{id}` with `active:true`", REACTIVATED)
        .lifecycle("The user leaves the rule's scope, Remove Action *Delete*", "`DELETE /Users/{id}`", DELETED)
        .lifecycle("Provision a disabled user", "`POST /Users` with `active:false`",
            "`UserCreated`, inactive (Bitwarden refuses this with 400)")
        .lifecycle("Change a group's members", "`PUT /Groups/{id}` with the full member list",
            "One replace delta: `MembersRemoved`, `MembersAdded` for the difference")
        .build();
  }
}
