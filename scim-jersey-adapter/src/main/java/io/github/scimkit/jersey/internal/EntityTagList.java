package io.github.scimkit.jersey.internal;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * An {@code If-Match} or {@code If-None-Match} value (RFC 7232 §3.1, §3.2): {@code *}, or a
 * comma-separated list of entity tags. Tags compare weakly, as SCIM's weak versions require
 * (RFC 7644 §3.14), so {@code W/"3"} and {@code "3"} both name version 3; a well-formed tag
 * ScimKit never issued names no version and so matches nothing.
 *
 * @param any {@code true} for {@code *}
 * @param versions the versions the listed tags name
 */
public record EntityTagList(boolean any, Set<Long> versions) {

  /**
   * Tells whether a resource's version matches.
   *
   * @param version the current version
   * @return {@code true} for {@code *} or a listed version
   */
  public boolean matches(long version) {
    return any || versions.contains(version);
  }

  /**
   * Parses a header value.
   *
   * @param name the header's name, for the detail
   * @param value the value, or {@code null} when the header is absent
   * @return the list, or empty when the header is absent
   * @throws BadRequestException 400 invalidValue when the value is empty or not {@code *} or a
   *     list of quoted entity tags
   */
  public static Optional<EntityTagList> parse(String name, String value) throws BadRequestException {
    if (value == null) {
      return Optional.empty();
    }
    String text = value.strip();
    if (text.equals("*")) {
      return Optional.of(new EntityTagList(true, Set.of()));
    }
    Set<Long> versions = new HashSet<>();
    int tags = 0;
    int at = 0;
    while (true) {
      at = skip(text, at, true);
      if (at == text.length()) {
        break;
      }
      if (text.startsWith("W/", at)) {
        at += 2;
      }
      int close = at < text.length() && text.charAt(at) == '"' ? text.indexOf('"', at + 1) : -1;
      if (close < 0 || !opaque(text, at + 1, close)) {
        throw malformed(name);
      }
      version(text.substring(at + 1, close)).ifPresent(versions::add);
      tags++;
      at = skip(text, close + 1, false);
      if (at < text.length() && text.charAt(at) != ',') {
        throw malformed(name);
      }
    }
    if (tags == 0) {
      throw malformed(name);
    }
    return Optional.of(new EntityTagList(false, Set.copyOf(versions)));
  }

  /** Skips spaces and tabs, and commas too when between list elements. */
  private static int skip(String text, int from, boolean commas) {
    int at = from;
    while (at < text.length()
        && (text.charAt(at) == ' ' || text.charAt(at) == '\t' || (commas && text.charAt(at) == ','))) {
      at++;
    }
    return at;
  }

  /** Tells whether the characters between the quotes are RFC 7232 etagc. */
  private static boolean opaque(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c != 0x21 && (c < 0x23 || c == 0x7F)) {
        return false;
      }
    }
    return true;
  }

  private static Optional<Long> version(String opaque) {
    if (opaque.isEmpty() || opaque.length() > 18 || !opaque.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(opaque));
  }

  private static BadRequestException malformed(String name) {
    return BadRequestException.invalidValue(
        "The " + name + " header must be * or a list of quoted entity tags such as W/\"3\"");
  }
}
