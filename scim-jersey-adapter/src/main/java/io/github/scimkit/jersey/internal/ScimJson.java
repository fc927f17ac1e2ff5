package io.github.scimkit.jersey.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads request bodies and writes JSON with the adapter's own mapper: never the SDK-wide one,
 * with limits on size and nesting depth.
 */
public final class ScimJson {

  /** The SCIM media type. */
  public static final String SCIM_JSON = "application/scim+json";

  private final ObjectMapper mapper;
  private final long maxBodyBytes;

  /**
   * Creates the reader and writer.
   *
   * @param maxBodyBytes the largest request body accepted
   * @param maxDepth the deepest JSON nesting accepted
   */
  public ScimJson(long maxBodyBytes, int maxDepth) {
    this.mapper = JsonUtils.createObjectMapper();
    this.mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    this.mapper.getFactory().setStreamReadConstraints(
        StreamReadConstraints.builder().maxNestingDepth(maxDepth).build());
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * Returns the mapper.
   *
   * @return the mapper
   */
  public ObjectMapper mapper() {
    return mapper;
  }

  /**
   * Reads a request body that must be one JSON object.
   *
   * @param body the body stream
   * @return the object
   * @throws ScimException 413 when the body is too large, 400 invalidSyntax when it is not one
   *     JSON object
   */
  public ObjectNode readObject(InputStream body) throws ScimException {
    return readObject(body, maxBodyBytes);
  }

  /**
   * Reads a request body that must be one JSON object, with its own size limit.
   *
   * @param body the body stream
   * @param limit the largest body accepted, in bytes
   * @return the object
   * @throws ScimException 413 when the body is too large, 400 invalidSyntax when it is not one
   *     JSON object, is not well-formed UTF-8 (overlong forms included) or names a member twice
   */
  public ObjectNode readObject(InputStream body, long limit) throws ScimException {
    byte[] bytes = readLimited(body, limit);
    if (bytes.length == 0) {
      throw BadRequestException.invalidSyntax("The request needs a JSON body");
    }
    JsonNode node;
    try {
      node = mapper.readTree(decodeUtf8(bytes));
    } catch (StreamConstraintsException e) {
      throw BadRequestException.invalidSyntax("The JSON body is nested too deeply");
    } catch (JsonProcessingException e) {
      throw BadRequestException.invalidSyntax(JsonSyntaxDetail.of(e));
    } catch (IOException e) {
      throw BadRequestException.invalidSyntax("The body could not be read");
    }
    if (node == null || !node.isObject()) {
      throw BadRequestException.invalidSyntax("The body must be a JSON object");
    }
    return (ObjectNode) node;
  }

  /**
   * Decodes a body as strict UTF-8: Java's decoder refuses malformed and overlong sequences and
   * encoded surrogates, which Jackson's byte parser lets through.
   */
  private static String decodeUtf8(byte[] bytes) throws BadRequestException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      String text = decoder.decode(in).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw BadRequestException.invalidSyntax("The body is not valid UTF-8 (at byte " + in.position() + ")");
    }
  }

  private byte[] readLimited(InputStream body, long limit) throws ScimException {
    if (body == null) {
      return new byte[0];
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    try {
      for (int read; (read = body.read(buffer)) != -1; ) {
        total += read;
        if (total > limit) {
          throw new ScimException(413, null, "The request body is larger than " + limit + " bytes");
        }
        out.write(buffer, 0, read);
      }
    } catch (IOException e) {
      throw BadRequestException.invalidSyntax("The body could not be read");
    }
    return out.toByteArray();
  }

  /**
   * Opens a generator on a response stream.
   *
   * @param out the stream
   * @return the generator; close it
   * @throws IOException when the stream fails
   */
  public JsonGenerator generator(OutputStream out) throws IOException {
    return mapper.getFactory().createGenerator(out);
  }

  /**
   * Serialises a node.
   *
   * @param node the node
   * @return the JSON bytes
   */
  public byte[] bytes(JsonNode node) {
    try {
      return mapper.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree always serialises", e);
    }
  }
}
