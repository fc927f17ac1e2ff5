package io.github.scimkit.example;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * An organization member's role, after Bitwarden's member types, from the most privileged down:
 * {@link #OWNER}, {@link #ADMIN}, {@link #CUSTOM}, {@link #USER}. Where provisioning finds
 * several roles for a member, the most privileged wins.
 */
public enum MemberRole {
  /** Manages the organization, its billing and its owners. */
  OWNER("Owner"),
  /** Manages members, groups and settings. */
  ADMIN("Admin"),
  /** A member with permissions an administrator picked. */
  CUSTOM("Custom"),
  /** A member; what everyone is unless something says otherwise. */
  USER("User");

  private final String label;

  MemberRole(String label) {
    this.label = label;
  }

  /**
   * Returns the name stored and shown: {@code Owner}, {@code Admin}, {@code Custom} or {@code User}.
   *
   * @return the label
   */
  @JsonValue
  public String label() {
    return label;
  }

  /**
   * Reads a role name, in any case, with surrounding blanks ignored.
   *
   * @param name the name
   * @return the role, or empty for null or an unknown name
   */
  public static Optional<MemberRole> parse(String name) {
    if (name != null) {
      for (MemberRole role : values()) {
        if (role.label.equalsIgnoreCase(name.strip())) {
          return Optional.of(role);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the more privileged of two roles.
   *
   * @param other the other role
   * @return this role or {@code other}, whichever ranks higher
   */
  public MemberRole atLeast(MemberRole other) {
    return other.ordinal() < ordinal() ? other : this;
  }

  @Override
  public String toString() {
    return label;
  }
}
