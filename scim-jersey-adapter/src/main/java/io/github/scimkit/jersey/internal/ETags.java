package io.github.scimkit.jersey.internal;

import java.util.OptionalLong;

/** Reads the weak entity tags ScimKit issues ({@code W/"3"}) from conditional request headers. */
public final class ETags {

  /** The version no resource has, standing for a tag that is not one of ours. */
  private static final long NO_VERSION = -1;

  private ETags() {}

  /**
   * Returns the entity tag of a version.
   *
   * @param version the version
   * @return the weak entity tag
   */
  public static String of(long version) {
    return "W/\"" + version + "\"";
  }

  /**
   * Parses an {@code If-Match} or {@code If-None-Match} value.
   *
   * @param header the header value, or {@code null}
   * @return empty for no header or {@code *}; the version; or a version no resource has when the
   *     tag is not one ScimKit issued
   */
  public static OptionalLong parse(String header) {
    if (header == null || header.isBlank() || header.trim().equals("*")) {
      return OptionalLong.empty();
    }
    String tag = header.trim();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      tag = tag.substring(1, tag.length() - 1);
    }
    try {
      return OptionalLong.of(Long.parseLong(tag));
    } catch (NumberFormatException e) {
      return OptionalLong.of(NO_VERSION);
    }
  }
}
