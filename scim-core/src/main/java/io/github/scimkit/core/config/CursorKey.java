package io.github.scimkit.core.config;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The secret that signs RFC 9865 cursors (HMAC-SHA256), so that a client can neither forge a
 * cursor nor replay one in another tenant or query.
 *
 * <p>Every instance of a deployment that serves the same clients must share one key: a cursor
 * issued by one instance is then accepted by the next. Without a configured key each engine
 * draws a random one, which is right for a single instance but makes cursors fail with {@code
 * invalidCursor} after a restart or on another instance.
 *
 * <pre>{@code
 * EngineConfig config = EngineConfig.builder()
 *     .cursorKey(CursorKey.fromBase64(System.getenv("SCIM_CURSOR_KEY")))
 *     .build();
 * }</pre>
 */
public final class CursorKey {

  /** The fewest key bytes accepted: 256 bits, the size of an HMAC-SHA256 block's output. */
  public static final int MIN_BYTES = 32;

  private final byte[] bytes;

  private CursorKey(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Returns a key made of the given bytes, copied.
   *
   * @param bytes at least {@link #MIN_BYTES} secret bytes
   * @return the key
   * @throws IllegalArgumentException when there are too few bytes
   */
  public static CursorKey of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length < MIN_BYTES) {
      throw new IllegalArgumentException(
          "A cursor key needs at least " + MIN_BYTES + " bytes, not " + bytes.length);
    }
    return new CursorKey(bytes.clone());
  }

  /**
   * Returns a key from its Base64 text (standard or URL-safe alphabet).
   *
   * @param text the Base64 of at least {@link #MIN_BYTES} bytes
   * @return the key
   * @throws IllegalArgumentException when the text is not Base64 or too short
   */
  public static CursorKey fromBase64(String text) {
    Objects.requireNonNull(text, "text");
    String trimmed = text.strip();
    byte[] decoded = trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
        ? Base64.getUrlDecoder().decode(trimmed)
        : Base64.getDecoder().decode(trimmed);
    return of(decoded);
  }

  /**
   * Returns a fresh random key of {@link #MIN_BYTES} bytes.
   *
   * @return the key
   */
  public static CursorKey random() {
    byte[] bytes = new byte[MIN_BYTES];
    new SecureRandom().nextBytes(bytes);
    return new CursorKey(bytes);
  }

  /**
   * Returns a copy of the key's bytes.
   *
   * @return the bytes
   */
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CursorKey key && MessageDigest.isEqual(bytes, key.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Never shows the key. */
  @Override
  public String toString() {
    return "CursorKey[" + bytes.length + " bytes]";
  }
}
