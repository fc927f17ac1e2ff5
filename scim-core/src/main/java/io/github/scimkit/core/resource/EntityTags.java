package io.github.scimkit.core.resource;

import java.util.OptionalLong;

/**
 * The weak entity tags ScimKit makes of record versions ({@code W/"3"}): what {@code meta.version}
 * and the {@code ETag} header show, and what {@code If-Match}, {@code If-None-Match} and a bulk
 * operation's {@code version} carry back.
 */
public final class EntityTags {

  /** The version no record has, standing for a tag ScimKit never issued. */
  private static final long NO_VERSION = -1;

  private EntityTags() {}

  /**
   * Returns the weak entity tag of a version.
   *
   * @param version the record version
   * @return {@code W/"version"}
   */
  public static String of(long version) {
    return "W/\"" + version + "\"";
  }

  /**
   * Reads the version a conditional value names: {@code W/"3"}, {@code "3"} or {@code 3}.
   *
   * @param tag the value, or {@code null}
   * @return empty for no value or {@code *} (any version); the version; or a version no record
   *     has when the tag is not one ScimKit issued, so that a comparison with it fails
   */
  public static OptionalLong parse(String tag) {
    if (tag == null || tag.isBlank() || tag.strip().equals("*")) {
      return OptionalLong.empty();
    }
    String text = tag.strip();
    if (text.startsWith("W/")) {
      text = text.substring(2);
    }
    if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
      text = text.substring(1, text.length() - 1);
    }
    try {
      return OptionalLong.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return OptionalLong.of(NO_VERSION);
    }
  }
}
