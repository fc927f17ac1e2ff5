package io.github.scimkit.core.profile;

import java.util.Objects;

/**
 * One row of a profile's lifecycle table: something an administrator does in the identity
 * provider, the SCIM requests the provider then sends, and what ScimKit makes of them. Used to
 * generate documentation; the engine does not read it.
 *
 * @param idpAction what happens in the identity provider, such as "Deactivate the user"
 * @param scimRequests the SCIM requests it sends, in Markdown
 * @param effect what the engine does: the record change and the lifecycle events, in Markdown
 */
public record LifecycleAction(String idpAction, String scimRequests, String effect) {

  /** Checks the fields. */
  public LifecycleAction {
    Objects.requireNonNull(idpAction, "idpAction");
    Objects.requireNonNull(scimRequests, "scimRequests");
    Objects.requireNonNull(effect, "effect");
  }
}
