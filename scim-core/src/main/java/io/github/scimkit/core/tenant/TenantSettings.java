package io.github.scimkit.core.tenant;

import java.util.Objects;

/**
 * A tenant's SCIM settings, as its store provider returns them.
 *
 * @param scimEnabled whether the tenant's SCIM endpoint answers at all
 * @param mode how strictly requests are read
 * @param idpProfile the name of the identity-provider profile the tenant uses, such as {@code
 *     generic} or {@code entra}
 */
public record TenantSettings(boolean scimEnabled, ScimMode mode, String idpProfile) {

  /** The profile for any RFC 7644 client. */
  public static final String GENERIC_PROFILE = "generic";

  /** Checks the fields. */
  public TenantSettings {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(idpProfile, "idpProfile");
  }

  /**
   * Returns the settings of a new tenant: SCIM enabled, lenient, generic profile.
   *
   * @return the settings
   */
  public static TenantSettings defaults() {
    return new TenantSettings(true, ScimMode.LENIENT, GENERIC_PROFILE);
  }

  /**
   * Returns a copy with SCIM enabled or disabled.
   *
   * @param enabled whether SCIM is enabled
   * @return the settings
   */
  public TenantSettings withScimEnabled(boolean enabled) {
    return new TenantSettings(enabled, mode, idpProfile);
  }

  /**
   * Returns a copy with another mode.
   *
   * @param newMode the mode
   * @return the settings
   */
  public TenantSettings withMode(ScimMode newMode) {
    return new TenantSettings(scimEnabled, newMode, idpProfile);
  }

  /**
   * Returns a copy with another identity-provider profile.
   *
   * @param profile the profile name
   * @return the settings
   */
  public TenantSettings withIdpProfile(String profile) {
    return new TenantSettings(scimEnabled, mode, profile);
  }
}
