package io.github.scimkit.core.store.memory;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import io.github.scimkit.core.store.BinaryValue;
import io.github.scimkit.core.store.query.StoreQuery;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Encodes and decodes keyset tokens: the position after which the next page starts.
 *
 * <p>A token is URL-safe Base64 of length-prefixed UTF-8 text fields ({@code 3:abc}). A record
 * token holds a fingerprint of the query, the typed sort key and the id of the last item; a
 * member token holds the group id and the last member id. A {@code null} position, the start,
 * is written for a first page that returned nothing because its count was 0.
 */
final class KeysetTokens {

  /** The SCIM error type of a token that is not one this store issued for the query. */
  static final String INVALID_CURSOR = "invalidCursor";

  private static final String RECORDS = "r1";
  private static final String MEMBERS = "m1";
  private static final String START = "^";

  private KeysetTokens() {}

  /** Returns the token of the position after {@code last} in a record search. */
  static String forRecords(StoreQuery query, SortPosition last) {
    if (last == null) {
      return encode(List.of(RECORDS, fingerprint(query), START, "", ""));
    }
    Object key = last.key();
    return encode(List.of(RECORDS, fingerprint(query), typeTag(key), keyText(key), last.id()));
  }

  /** Decodes a record search token of the same query; {@code null} stands for the start. */
  static SortPosition recordsAfter(StoreQuery query, String token) throws BadRequestException {
    List<String> fields = decode(token);
    if (fields.size() != 5 || !fields.get(0).equals(RECORDS)
        || !fields.get(1).equals(fingerprint(query))) {
      throw invalid();
    }
    if (fields.get(2).equals(START)) {
      return null;
    }
    return new SortPosition(parseKey(fields.get(2), fields.get(3)), fields.get(4));
  }

  /** Returns the token of the position after member {@code lastId}, or the start for null. */
  static String forMembers(String groupId, String lastId) {
    return encode(List.of(MEMBERS, groupId, lastId == null ? START : ">" + lastId));
  }

  /** Decodes a member token of the same group; {@code null} stands for the start. */
  static String membersAfter(String groupId, String token) throws BadRequestException {
    List<String> fields = decode(token);
    if (fields.size() != 3 || !fields.get(0).equals(MEMBERS) || !fields.get(1).equals(groupId)) {
      throw invalid();
    }
    String position = fields.get(2);
    if (position.equals(START)) {
      return null;
    }
    if (!position.startsWith(">")) {
      throw invalid();
    }
    return position.substring(1);
  }

  /** Identifies the query's condition and sort; tokens live no longer than the JVM's data. */
  private static String fingerprint(StoreQuery query) {
    return Integer.toHexString(Objects.hash(query.condition(), query.sort()));
  }

  private static String typeTag(Object key) {
    if (key == null) {
      return "-";
    }
    if (key instanceof String) {
      return "S";
    }
    if (key instanceof Long) {
      return "L";
    }
    if (key instanceof BigDecimal) {
      return "D";
    }
    if (key instanceof Instant) {
      return "T";
    }
    return key instanceof Boolean ? "B" : "X";
  }

  private static String keyText(Object key) {
    if (key == null) {
      return "";
    }
    return key instanceof BinaryValue binary ? binary.toBase64() : key.toString();
  }

  private static Object parseKey(String tag, String text) throws BadRequestException {
    try {
      return switch (tag) {
        case "-" -> null;
        case "S" -> text;
        case "L" -> Long.valueOf(text);
        case "D" -> new BigDecimal(text);
        case "T" -> Instant.parse(text);
        case "B" -> Boolean.valueOf(text);
        case "X" -> BinaryValue.fromBase64(text);
        default -> throw invalid();
      };
    } catch (RuntimeException e) {
      throw invalid();
    }
  }

  private static String encode(List<String> fields) {
    StringBuilder text = new StringBuilder();
    for (String field : fields) {
      text.append(field.length()).append(':').append(field);
    }
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> decode(String token) throws BadRequestException {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    List<String> fields = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      int colon = text.indexOf(':', at);
      int length = colon < 0 ? -1 : parseLength(text.substring(at, colon));
      if (length < 0 || colon + 1 + length > text.length()) {
        throw invalid();
      }
      fields.add(text.substring(colon + 1, colon + 1 + length));
      at = colon + 1 + length;
    }
    return fields;
  }

  private static int parseLength(String digits) {
    if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Integer.parseInt(digits);
  }

  private static BadRequestException invalid() {
    return new BadRequestException(
        "The page token is not one this store issued for this query", INVALID_CURSOR);
  }
}
