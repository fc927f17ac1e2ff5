package io.github.scimkit.store.jdbc;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset tokens: URL-safe Base64 of a short list of text fields written with {@link
 * DataOutputStream#writeUTF}. The first field names the token's kind and layout; the store checks
 * every field when decoding, and a token it cannot read fails with 400 {@code invalidCursor}.
 */
final class PageTokens {

  static final String INVALID_CURSOR = "invalidCursor";

  private PageTokens() {}

  static String encode(List<String> fields) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(fields.size());
      for (String field : fields) {
        out.writeUTF(field);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
  }

  /** Decodes a token that must have {@code size} fields, the first equal to {@code kind}. */
  static List<String> decode(String token, String kind, int size) throws BadRequestException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(token)))) {
      int count = in.readUnsignedByte();
      if (count != size) {
        throw invalid();
      }
      List<String> fields = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        fields.add(in.readUTF());
      }
      if (in.read() != -1 || !fields.get(0).equals(kind)) {
        throw invalid();
      }
      return fields;
    } catch (IOException | IllegalArgumentException e) {
      throw invalid();
    }
  }

  static BadRequestException invalid() {
    return new BadRequestException("The page token is not one this store issued for this query", INVALID_CURSOR);
  }
}
