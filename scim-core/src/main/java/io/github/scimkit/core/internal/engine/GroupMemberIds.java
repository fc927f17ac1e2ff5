package io.github.scimkit.core.internal.engine;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque ids of GroupMember resources: the (group, member) pair itself, encoded, so that an
 * id is stable for its pair, needs no table of its own, and resolves without loading the group.
 */
public final class GroupMemberIds {

  /**
   * A membership an id names.
   *
   * @param groupId the group
   * @param memberId the user
   */
  public record Pair(String groupId, String memberId) {}

  private GroupMemberIds() {}

  /**
   * Returns the id of a membership.
   *
   * @param groupId the group
   * @param memberId the user
   * @return the id: URL-safe Base64 of the group id's length, the group id and the member id
   */
  public static String of(String groupId, String memberId) {
    String text = groupId.length() + ":" + groupId + memberId;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads an id.
   *
   * @param id the id as a client sent it
   * @return the membership it names, or empty when it is not an id this class made
   */
  public static Optional<Pair> parse(String id) {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = text.indexOf(':');
    if (colon < 1) {
      return Optional.empty();
    }
    int length;
    try {
      length = Integer.parseInt(text.substring(0, colon));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    int end = colon + 1 + length;
    if (length < 1 || end >= text.length() || !of(text.substring(colon + 1, end), text.substring(end)).equals(id)) {
      return Optional.empty();
    }
    return Optional.of(new Pair(text.substring(colon + 1, end), text.substring(end)));
  }
}
