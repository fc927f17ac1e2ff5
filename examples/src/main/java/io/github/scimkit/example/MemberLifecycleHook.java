package io.github.scimkit.example;

import io.github.scimkit.core.event.PendingWrite;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.event.WriteHook;
import io.github.scimkit.core.event.WriteOperation;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.ResourceRecord;
import java.util.Optional;

/**
 * Keeps each member's {@link MemberStatus} in host-owned attributes of the user record, inside the
 * same unit of work as the SCIM change that moves it:
 *
 * <ul>
 *   <li>a created user is {@code Invited}, or {@code Revoked} (remembering {@code Invited}) when it
 *       arrives with {@code active: false};
 *   <li>{@code active} going false revokes and remembers the status it had;
 *   <li>{@code active} going true restores the remembered status;
 *   <li>anything else keeps the status.
 * </ul>
 *
 * <p>The hook also keeps the record's {@code active} equal to "not revoked", so that SCIM reports
 * {@code active: false} exactly for revoked members. Groups and deletes pass through unchanged.
 */
public final class MemberLifecycleHook implements WriteHook {

  /** The record attribute the default mapping binds SCIM's {@code active} to. */
  public static final String ACTIVE = "active";

  @Override
  public Attributes beforeWrite(PendingWrite write) {
    Attributes after = write.after().orElse(Attributes.empty());
    if (write.kind() != ResourceKind.USER || write.operation() == WriteOperation.DELETE) {
      return after;
    }
    boolean wantsActive = after.getBoolean(ACTIVE).orElse(true);
    if (write.operation() == WriteOperation.CREATE || write.before().isEmpty()) {
      return wantsActive
          ? withStatus(after, MemberStatus.INVITED, Optional.empty())
          : withStatus(after, MemberStatus.REVOKED, Optional.of(MemberStatus.INVITED));
    }
    ResourceRecord before = write.before().get();
    MemberStatus current = statusOf(before.attributes());
    if (current == MemberStatus.REVOKED) {
      if (!wantsActive) {
        return withStatus(after, MemberStatus.REVOKED, Optional.of(restoredStatusOf(before.attributes())));
      }
      return withStatus(after, restoredStatusOf(before.attributes()), Optional.empty());
    }
    return wantsActive
        ? withStatus(after, current, Optional.empty())
        : withStatus(after, MemberStatus.REVOKED, Optional.of(current));
  }

  /**
   * Returns a member's status; a user record without one (written before the hook existed, or by
   * another host) counts as {@code Invited}, or {@code Revoked} when inactive.
   *
   * @param attributes the user record's attributes
   * @return the status
   */
  public static MemberStatus statusOf(Attributes attributes) {
    return MemberStatus.parse(attributes.get(MemberStatus.ATTRIBUTE).orElse(null))
        .orElse(attributes.getBoolean(ACTIVE).orElse(true) ? MemberStatus.INVITED : MemberStatus.REVOKED);
  }

  /**
   * Returns the status a revoked member goes back to: the remembered one, else {@code Invited}.
   *
   * @param attributes the user record's attributes
   * @return the status to restore
   */
  public static MemberStatus restoredStatusOf(Attributes attributes) {
    return MemberStatus.parse(attributes.get(MemberStatus.BEFORE_REVOKE_ATTRIBUTE).orElse(null))
        .filter(status -> status != MemberStatus.REVOKED)
        .orElse(MemberStatus.INVITED);
  }

  /**
   * Sets the status, the remembered status and {@code active} consistently.
   *
   * @param attributes the attributes to write
   * @param status the new status
   * @param beforeRevoke the status to remember, for {@code Revoked}
   * @return the attributes to store
   */
  public static Attributes withStatus(Attributes attributes, MemberStatus status, Optional<MemberStatus> beforeRevoke) {
    Attributes.Builder builder = attributes.toBuilder()
        .set(MemberStatus.ATTRIBUTE, status.label())
        .set(ACTIVE, status != MemberStatus.REVOKED);
    if (status == MemberStatus.REVOKED) {
      builder.set(MemberStatus.BEFORE_REVOKE_ATTRIBUTE, beforeRevoke.orElse(MemberStatus.INVITED).label());
    } else {
      builder.remove(MemberStatus.BEFORE_REVOKE_ATTRIBUTE);
    }
    return builder.build();
  }
}
