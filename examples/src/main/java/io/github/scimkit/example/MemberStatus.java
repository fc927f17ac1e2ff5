package io.github.scimkit.example;

import java.util.Optional;

/**
 * Where an organization member stands. SCIM creates members as {@link #INVITED} (or {@link #REVOKED}
 * when the identity provider sends {@code active: false}); the member accepts the invitation; an
 * administrator confirms. {@code active: false} revokes from any status and {@code active: true}
 * restores the status the member had before.
 */
public enum MemberStatus {
  /** Provisioned and sent an invitation that has not been accepted yet. */
  INVITED("Invited"),
  /** Accepted the invitation; waits for an administrator to confirm. */
  ACCEPTED("Accepted"),
  /** Confirmed by an administrator: a full member. */
  CONFIRMED("Confirmed"),
  /** Suspended by the identity provider; remembers the status to restore. */
  REVOKED("Revoked");

  /** The record attribute holding the status: host-owned, never published over SCIM. */
  public static final String ATTRIBUTE = "memberStatus";

  /** The record attribute holding the status a revoked member goes back to. */
  public static final String BEFORE_REVOKE_ATTRIBUTE = "statusBeforeRevoke";

  private final String label;

  MemberStatus(String label) {
    this.label = label;
  }

  /**
   * Returns the name stored and shown: {@code Invited}, {@code Accepted}, {@code Confirmed} or
   * {@code Revoked}.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * Reads a stored label.
   *
   * @param label the label, in any case
   * @return the status, or empty for null or an unknown label
   */
  public static Optional<MemberStatus> parse(Object label) {
    if (label instanceof String text) {
      for (MemberStatus status : values()) {
        if (status.label.equalsIgnoreCase(text)) {
          return Optional.of(status);
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return label;
  }
}
