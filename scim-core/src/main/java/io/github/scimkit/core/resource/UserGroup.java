package io.github.scimkit.core.resource;

import java.util.Objects;

/**
 * One element of a user's read-only {@code groups} attribute (RFC 7643 §4.1.2): a group the user
 * is a direct member of. Groups do not nest, so the {@code type} is always {@value #DIRECT}; the
 * HTTP layer adds {@code $ref}, which needs the base address.
 *
 * @param value the group's id
 * @param display the group's display name, or {@code null} when it has none
 */
public record UserGroup(String value, String display) {

  /** The {@code type} of every membership: groups do not nest. */
  public static final String DIRECT = "direct";

  /** Checks the fields. */
  public UserGroup {
    Objects.requireNonNull(value, "value");
  }
}
