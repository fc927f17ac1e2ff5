package io.github.scimkit.core.internal.dialect;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts the SDK's parse messages down to what a client should read. The SDK's filter and path
 * parser reads comparison values with Jackson and appends Jackson's own message (token names,
 * source locations, parser feature names); the SDK's part before it says what and where.
 */
final class SdkMessages {

  /** The SDK's own part: up to and including "at position N". */
  private static final Pattern POSITION = Pattern.compile("^(.*?at position \\d+)", Pattern.DOTALL);

  private SdkMessages() {}

  /**
   * Returns the SDK's part of a parse message.
   *
   * @param message the exception's message
   * @return the message up to its position, or the first line when it names none
   */
  static String plain(String message) {
    if (message == null) {
      return "it does not parse";
    }
    Matcher position = POSITION.matcher(message);
    if (position.find()) {
      return position.group(1);
    }
    int lineEnd = message.indexOf('\n');
    return lineEnd < 0 ? message : message.substring(0, lineEnd);
  }
}
