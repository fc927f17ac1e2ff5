package io.github.scimkit.core.tenant;

/** How strictly a tenant's SCIM endpoint reads what clients send. */
public enum ScimMode {
  /** Accepts the dialects real identity providers speak; the default. */
  LENIENT,
  /** Follows draft-zollner-scim-interop-profile-01 and turns every tolerance off. */
  STRICT
}
