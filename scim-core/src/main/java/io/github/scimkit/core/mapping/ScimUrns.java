package io.github.scimkit.core.mapping;

/** The schema URNs of RFC 7643 that mappings use. */
public final class ScimUrns {

  /** The core User schema. */
  public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";

  /** The core Group schema. */
  public static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

  /** The enterprise User extension. */
  public static final String ENTERPRISE_USER =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  private ScimUrns() {}
}
