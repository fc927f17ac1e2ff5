package io.github.scimkit.core.internal.engine;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import io.github.scimkit.core.config.CursorKey;
import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.Sort;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Wraps a store's keyset token into the RFC 9865 cursor a client sees, and back.
 *
 * <p>A cursor is URL-safe Base64 without padding (only RFC 3986 unreserved characters) of:
 *
 * <pre>
 * version     1 byte   (1)
 * tenant     16 bytes  SHA-256 of the tenant id, cut to 16 bytes
 * query      16 bytes  {@link #queryHash}: resource type, filter and sort in store form
 * count       4 bytes  the page size the walk started with
 * issuedAt    8 bytes  epoch milliseconds
 * token       n bytes  the store's next-page token, UTF-8
 * mac        32 bytes  HMAC-SHA256 of everything before it
 * </pre>
 *
 * <p>The tenant travels as a digest, not as its id, so that a cursor shows nothing about how
 * tenants are named. Decoding checks, in order: the MAC and the layout, the tenant and the query
 * ({@code invalidCursor}, with one message for all of them so that "forged", "another tenant's"
 * and "another query's" cannot be told apart), the age ({@code expiredCursor}), then the count
 * ({@code invalidCount}).
 */
public final class CursorCodec {

  /** RFC 9865 §2.1: the cursor is not one this server issued for this request. */
  public static final String INVALID_CURSOR = "invalidCursor";

  /** RFC 9865 §2.1: the cursor has outlived the cursor timeout. */
  public static final String EXPIRED_CURSOR = "expiredCursor";

  /** RFC 9865 §2.1: the count is not the one the walk started with. */
  public static final String INVALID_COUNT = "invalidCount";

  private static final byte VERSION = 1;
  private static final int DIGEST_BYTES = 16;
  private static final int MAC_BYTES = 32;
  private static final int HEADER_BYTES = 1 + DIGEST_BYTES + DIGEST_BYTES + Integer.BYTES + Long.BYTES;
  private static final String HMAC = "HmacSHA256";

  private final SecretKeySpec key;
  private final Duration timeout;
  private final Clock clock;

  /**
   * Creates a codec.
   *
   * @param key the signing key
   * @param timeout how long a cursor stays valid
   * @param clock the source of issue times and of now
   */
  public CursorCodec(CursorKey key, Duration timeout, Clock clock) {
    this.key = new SecretKeySpec(Objects.requireNonNull(key, "key").bytes(), HMAC);
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Creates the codec of an engine: the configured key, or a fresh random one.
   *
   * @param config the engine configuration
   * @return the codec
   */
  public static CursorCodec of(EngineConfig config) {
    return new CursorCodec(
        config.cursorKey().orElseGet(CursorKey::random), config.cursorTimeout(), config.clock());
  }

  /**
   * Returns the digest that ties a cursor to its query. A client must repeat the query unchanged
   * apart from {@code cursor} (RFC 9865 §2); these are the parts that decide which resources come
   * in which order. The filter and sort are given in their store form, so that spellings that
   * mean the same ({@code USERNAME SW} and {@code userName sw}) keep a cursor valid.
   *
   * @param resourceType the resource type's name
   * @param condition the store condition the filter became
   * @param sort the store sort that sortBy and sortOrder became
   * @return the digest
   */
  public static byte[] queryHash(String resourceType, Condition condition, Sort sort) {
    StringBuilder text = new StringBuilder();
    field(text, resourceType);
    field(text, condition.toString());
    field(text, sort.toString());
    return digest(text.toString());
  }

  /**
   * Returns the cursor of the page after the one a store token marks.
   *
   * @param tenantId the tenant the page was read for
   * @param queryHash the query's {@link #queryHash}
   * @param count the walk's page size
   * @param storeToken the store's next-page token
   * @return the cursor
   */
  public String encode(String tenantId, byte[] queryHash, int count, String storeToken) {
    byte[] token = storeToken.getBytes(StandardCharsets.UTF_8);
    ByteBuffer body = ByteBuffer.allocate(HEADER_BYTES + token.length + MAC_BYTES);
    body.put(VERSION)
        .put(digest(tenantId))
        .put(queryHash, 0, DIGEST_BYTES)
        .putInt(count)
        .putLong(clock.millis())
        .put(token);
    body.put(mac(body.array(), HEADER_BYTES + token.length));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(body.array());
  }

  /**
   * Checks a cursor and returns the store token it carries.
   *
   * @param cursor the cursor as the client sent it, not empty
   * @param tenantId the tenant of this request
   * @param queryHash this request's {@link #queryHash}
   * @param count this request's page size
   * @return the store's next-page token
   * @throws BadRequestException {@code invalidCursor} when the cursor is malformed, forged, or
   *     issued for another tenant or query; {@code expiredCursor} when it is older than the
   *     timeout; {@code invalidCount} when the count differs from the walk's
   */
  public String decode(String cursor, String tenantId, byte[] queryHash, int count) throws BadRequestException {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(cursor);
    } catch (IllegalArgumentException e) {
      throw invalidCursor();
    }
    if (bytes.length < HEADER_BYTES + MAC_BYTES || !cursor.chars().allMatch(CursorCodec::urlSafe)) {
      throw invalidCursor();
    }
    int signed = bytes.length - MAC_BYTES;
    if (!MessageDigest.isEqual(mac(bytes, signed), Arrays.copyOfRange(bytes, signed, bytes.length))) {
      throw invalidCursor();
    }
    ByteBuffer body = ByteBuffer.wrap(bytes, 0, signed);
    byte version = body.get();
    byte[] tenant = new byte[DIGEST_BYTES];
    body.get(tenant);
    byte[] query = new byte[DIGEST_BYTES];
    body.get(query);
    int issuedCount = body.getInt();
    long issuedAt = body.getLong();
    byte[] token = new byte[signed - HEADER_BYTES];
    body.get(token);
    if (version != VERSION
        || !MessageDigest.isEqual(tenant, digest(tenantId))
        || !MessageDigest.isEqual(query, Arrays.copyOf(queryHash, DIGEST_BYTES))) {
      throw invalidCursor();
    }
    if (clock.millis() - issuedAt > timeout.toMillis()) {
      throw new BadRequestException(
          "The cursor has expired; cursors are valid for " + timeout.toSeconds() + " seconds. Start again "
              + "with an empty cursor", EXPIRED_CURSOR);
    }
    if (issuedCount != count) {
      throw new BadRequestException(
          "The count must stay " + issuedCount + " throughout a cursor walk", INVALID_COUNT);
    }
    return new String(token, StandardCharsets.UTF_8);
  }

  /**
   * Returns the one error every unusable cursor gets, whatever the reason (RFC 9865 §5.2).
   *
   * @return the error
   */
  public static BadRequestException invalidCursor() {
    return new BadRequestException(
        "The cursor is not valid for this request; repeat the request that issued it, or start "
            + "again with an empty cursor", INVALID_CURSOR);
  }

  private static boolean urlSafe(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  }

  private byte[] mac(byte[] data, int length) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      mac.update(data, 0, length);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  private static void field(StringBuilder text, String value) {
    text.append(value.length()).append(':').append(value);
  }

  private static byte[] digest(String text) {
    try {
      byte[] full = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return Arrays.copyOf(full, DIGEST_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
