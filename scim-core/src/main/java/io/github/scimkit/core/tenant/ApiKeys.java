package io.github.scimkit.core.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * Issues and checks API keys.
 *
 * <p>A key is {@value #PREFIX} followed by 256 random bits from a {@link SecureRandom}, in
 * URL-safe Base64. It is shown once, when issued; stores keep only its SHA-256 hash. A fast hash
 * is enough here because the key has full entropy: there is nothing to guess a dictionary
 * against.
 */
public final class ApiKeys {

  /** The prefix of every key ScimKit issues, so that secret scanners can recognise one. */
  public static final String PREFIX = "scimkit_";

  private static final int KEY_BYTES = 32;

  private final SecureRandom random;

  /** Creates an issuer with a fresh {@link SecureRandom}. */
  public ApiKeys() {
    this(new SecureRandom());
  }

  /**
   * Creates an issuer with the given random source.
   *
   * @param random a cryptographically strong random source
   */
  public ApiKeys(SecureRandom random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Issues a new key for a tenant.
   *
   * @param tenantId the tenant the key opens
   * @param now the issue time
   * @return the key, to show once, and the record to store
   */
  public IssuedKey issue(String tenantId, Instant now) {
    byte[] secret = new byte[KEY_BYTES];
    random.nextBytes(secret);
    String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    return new IssuedKey(key, new ApiKeyRecord(UUID.randomUUID().toString(), tenantId, hash(key), now));
  }

  /**
   * Returns the hash under which a key is stored: SHA-256 of its UTF-8 bytes, in lower-case hex.
   *
   * @param key the key as presented
   * @return the hash
   */
  public static String hash(String key) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }

  /**
   * Tells whether a presented key is the one a record was issued for, in time that does not
   * depend on where the two differ.
   *
   * @param record the stored key record
   * @param presented the key as presented
   * @return {@code true} when they match
   */
  public static boolean matches(ApiKeyRecord record, String presented) {
    byte[] expected = record.hash().getBytes(StandardCharsets.US_ASCII);
    byte[] actual = hash(presented).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, actual);
  }

  /**
   * A newly issued key.
   *
   * @param key the key itself, to show once and never store
   * @param record what to store
   */
  public record IssuedKey(String key, ApiKeyRecord record) {

    @Override
    public String toString() {
      return "IssuedKey[keyId=" + record.keyId() + ", tenantId=" + record.tenantId() + "]";
    }
  }
}
