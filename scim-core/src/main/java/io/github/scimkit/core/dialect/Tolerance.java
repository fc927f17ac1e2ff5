package io.github.scimkit.core.dialect;

import io.github.scimkit.core.tenant.ScimMode;

/**
 * Every departure from RFC 7643/7644 and draft-zollner-scim-interop-profile-01 that ScimKit can
 * accept, with the client that makes it necessary.
 *
 * <p>{@link #defaultIn(ScimMode)} gives the plain table: all on in {@link ScimMode#LENIENT}, all off
 * in {@link ScimMode#STRICT}. A lenient tenant's {@link io.github.scimkit.core.profile.IdpProfile}
 * narrows the set to what its identity provider needs (the {@code generic} profile keeps them all);
 * a strict tenant has none, whatever its profile. A tolerance that is off makes the request fail with the HTTP 400 {@code scimType} its Javadoc names, unless the
 * Javadoc says the input is passed on unchanged.
 *
 * <p>Two things are done in both modes because the RFCs require them, so they are not listed
 * here: attribute names and schema URNs match case-insensitively (RFC 7643 §2.1), and readOnly
 * attributes in POST and PUT bodies are ignored (RFC 7644 §3.3).
 */
public enum Tolerance {

  /**
   * PATCH {@code op} values in any case, such as {@code Replace} or {@code rEPLACE}. Entra ID
   * (default mode) sends {@code Add}, {@code Replace}, {@code Remove}. Off: anything but {@code
   * add}, {@code replace} or {@code remove} fails with {@code invalidSyntax}.
   */
  OP_NAME_ANY_CASE,

  /**
   * PATCH message members in any case ({@code operations}, {@code Op}, {@code PATH}). No
   * documented IdP needs it; it protects against hand-written clients. Off: only {@code
   * schemas}, {@code Operations}, {@code op}, {@code path} and {@code value} are read, and
   * without {@code Operations} the request fails with {@code invalidSyntax}.
   */
  MESSAGE_MEMBER_ANY_CASE,

  /**
   * A PATCH request without the {@code urn:ietf:params:scim:api:messages:2.0:PatchOp} schema.
   * Protects against hand-written clients. Off: {@code invalidSyntax}.
   */
  MISSING_PATCH_OP_SCHEMA,

  /**
   * The strings {@code "True"} and {@code "False"}, in any case, as the booleans of boolean
   * attributes. Entra ID (default mode) sends {@code "active":"False"} in PATCH and {@code
   * "True"} in POST; OneLogin templates can yield them. Off: {@code invalidValue}.
   */
  STRING_BOOLEANS,

  /**
   * PATCH {@code add} and {@code replace} operations without {@code path}, such as Okta's {@code
   * {"op":"replace","value":{"active":false}}} and its group rename {@code
   * {"op":"replace","value":{"id":"…","displayName":"new"}}}. Each key of the value becomes an
   * operation on that attribute; readOnly keys such as Okta's {@code id} are dropped. Off: {@code
   * invalidSyntax} (interop profile §6.5.1.1).
   */
  NO_PATH_OPERATIONS,

  /**
   * Keys of a no-path value that are paths rather than attribute names: {@code name.givenName},
   * {@code emails[type eq "work"].value}, {@code
   * urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department}. Entra ID with {@code
   * aadOptscim062020} and the Microsoft SCIM Validator send them. Off: {@code invalidPath}.
   */
  PATH_KEYS_IN_NO_PATH_VALUES,

  /**
   * A PATCH {@code remove} with a {@code value} list on a multi-valued attribute, read as removing
   * just the listed values: Entra ID (default mode) and JumpCloud send {@code
   * {"op":"Remove","path":"members","value":[{"value":"id"}]}}. Off: {@code invalidSyntax}.
   */
  REMOVE_WITH_VALUE,

  /**
   * A single value where the attribute is multi-valued, read as a one-element array. OneLogin's
   * enterprise template sends {@code emails} as one object. Off: {@code invalidValue}.
   */
  SINGLE_VALUE_FOR_MULTI_VALUED,

  /**
   * A one-element array where the attribute is single-valued, read as that element. Entra ID's
   * older manager form sends {@code {"op":"Add","path":"manager","value":[{"value":"id"}]}}.
   * Added from the IdP notes (§2.1 and §5, item 4). Off: {@code invalidValue}.
   */
  SINGLE_ELEMENT_ARRAY_FOR_SINGLE_VALUED,

  /**
   * A bare string or number where a single-valued complex attribute with a {@code value}
   * sub-attribute is expected, read as that {@code value}. Entra ID sends the enterprise {@code
   * manager} as {@code "manager":"id"} in bodies and PATCH values (IdP notes §2.1). Off: {@code
   * invalidValue}.
   */
  BARE_VALUE_FOR_COMPLEX,

  /**
   * The empty string {@code ""} read as "no value": dropped from bodies, and a PATCH {@code
   * replace} with it becomes a {@code remove}. OneLogin sends {@code ""} for unmapped template
   * placeholders ({@code "title":""}, {@code "manager":{"value":""}}). Off: passed on unchanged.
   */
  EMPTY_STRING_AS_ABSENT,

  /**
   * {@code "$ref": null} in member values, dropped. Entra ID sends {@code
   * [{"$ref":null,"value":"id"}]} when adding members. Off: passed on unchanged (RFC 7643 §2.5
   * makes null mean "unassigned"; the schema checker decides).
   */
  NULL_MEMBER_REF,

  /**
   * Unknown URNs in {@code schemas}, dropped. Entra ID sends Microsoft's {@code
   * http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group} and, in old
   * samples, a malformed enterprise URN. Off: {@code invalidSyntax} (interop profile §5.3).
   */
  UNKNOWN_SCHEMA_URNS,

  /**
   * Attributes no schema of the resource type declares, ignored: dropped from bodies and PATCH
   * values, and PATCH operations on them are skipped. OneLogin templates may carry custom keys.
   * Off: {@code invalidSyntax} in bodies and values (interop profile §5.3), {@code invalidPath}
   * for a PATCH {@code path}.
   */
  UNKNOWN_ATTRIBUTES,

  /**
   * Unquoted string values in filters, such as {@code externalId eq jyoung}; {@code true}, {@code
   * false}, {@code null} and numbers stay literals. Entra ID's documented lookup has no quotes.
   * Off: {@code invalidFilter}.
   */
  UNQUOTED_FILTER_VALUES,

  /**
   * A comparison on a filtered path, {@code emails[type eq "work"].value eq "x"}, read as {@code
   * emails[type eq "work" and value eq "x"]}. Entra ID sends it when a filtered path is a
   * matching attribute. Off: {@code invalidFilter}.
   */
  FILTERED_PATH_COMPARISON;

  /**
   * Tells whether this tolerance is on by default in a mode.
   *
   * @param mode the tenant's mode
   * @return {@code true} in {@link ScimMode#LENIENT}, {@code false} in {@link ScimMode#STRICT}
   */
  public boolean defaultIn(ScimMode mode) {
    return mode == ScimMode.LENIENT;
  }
}
