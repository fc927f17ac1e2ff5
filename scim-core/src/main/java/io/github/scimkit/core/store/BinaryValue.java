package io.github.scimkit.core.store;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * An immutable byte string, the form in which a binary attribute value (a SCIM {@code binary},
 * such as an X.509 certificate) is kept in a record.
 *
 * <p>Unlike a {@code byte[]}, two values with the same bytes are equal, so records that carry
 * them compare by content.
 */
public final class BinaryValue {

  private final byte[] bytes;

  private BinaryValue(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Returns a value holding a copy of the given bytes.
   *
   * @param bytes the bytes; copied
   * @return the value
   */
  public static BinaryValue of(byte[] bytes) {
    return new BinaryValue(Objects.requireNonNull(bytes, "bytes").clone());
  }

  /**
   * Decodes a value from standard Base64, the form SCIM uses on the wire.
   *
   * @param base64 the encoded bytes
   * @return the value
   * @throws IllegalArgumentException when the text is not valid Base64
   */
  public static BinaryValue fromBase64(String base64) {
    return new BinaryValue(Base64.getDecoder().decode(base64));
  }

  /**
   * Returns a copy of the bytes.
   *
   * @return the bytes
   */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /**
   * Returns the bytes encoded as standard Base64.
   *
   * @return the encoded bytes
   */
  public String toBase64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * Returns the number of bytes.
   *
   * @return the length
   */
  public int length() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BinaryValue that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "BinaryValue[" + bytes.length + " bytes]";
  }
}
