package io.github.scimkit.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A provisioning conversation as one identity provider holds it, written as a transcript: named
 * steps, each one HTTP request (method, path relative to the tenant's SCIM base, headers, body)
 * with the status the IdP expects and values to capture from the answer for later steps.
 *
 * <p>Paths, headers and bodies may name captured values as {@code {user.id}}. Requests go over a
 * plain socket with exactly the headers the transcript gives, so a step can be sent with no
 * {@code User-Agent} at all, as Entra's Test Connection is.
 *
 * <p>Steps marked {@link #quirk()} are those the IdP's profile is needed for: {@link
 * #probeStrict} sends every step first to the tenant in strict generic mode and reports the ones
 * that fail there.
 */
final class Conversation {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_.]*)\\}");
  static final String ERROR_URN = "urn:ietf:params:scim:api:messages:2.0:Error";
  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private final String idp;
  private final List<String> commonHeaders = new ArrayList<>();
  private String contentType = "application/scim+json";
  private final List<Step> steps = new ArrayList<>();

  private Conversation(String idp) {
    this.idp = idp;
  }

  /** Starts the transcript of one identity provider. */
  static Conversation of(String idp) {
    return new Conversation(idp);
  }

  /** Headers sent with every request, as name/value pairs. */
  Conversation headers(String... namesAndValues) {
    commonHeaders.addAll(List.of(namesAndValues));
    return this;
  }

  /** The Content-Type sent with bodies. */
  Conversation contentType(String value) {
    this.contentType = value;
    return this;
  }

  /** Starts a step. */
  Conversation step(String name) {
    if (steps.stream().anyMatch(step -> step.name.equals(name))) {
      throw new IllegalArgumentException("Two steps named " + name);
    }
    steps.add(new Step(name));
    return this;
  }

  private Step last() {
    if (steps.isEmpty()) {
      throw new IllegalStateException("Call step(name) first");
    }
    return steps.get(steps.size() - 1);
  }

  Conversation get(String path) {
    return request("GET", path, null);
  }

  Conversation post(String path, String body) {
    return request("POST", path, body);
  }

  Conversation put(String path, String body) {
    return request("PUT", path, body);
  }

  Conversation patch(String path, String body) {
    return request("PATCH", path, body);
  }

  Conversation delete(String path) {
    return request("DELETE", path, null);
  }

  Conversation request(String method, String path, String body) {
    Step step = last();
    step.method = method;
    step.path = path;
    step.body = body;
    return this;
  }

  /** Extra headers for this step only; a header with a {@code null} value is not sent. */
  Conversation header(String name, String value) {
    last().headers.put(name, value);
    return this;
  }

  /** The status the identity provider expects. */
  Conversation expect(int status) {
    last().expected = status;
    return this;
  }

  /** Also checks a value in the answer, by JSON pointer; a {@code null} value means absent. */
  Conversation expectJson(String pointer, Object value) {
    last().checks.add(new Check(pointer, value));
    return this;
  }

  /** Checks the answer is a SCIM Error with the step's status and, when not null, the scimType. */
  Conversation expectError(String scimType) {
    Step step = last();
    step.checks.add(new Check("/schemas/0", ERROR_URN));
    step.checks.add(new Check("/status", String.valueOf(step.expected)));
    if (scimType != null) {
      step.checks.add(new Check("/scimType", scimType));
    }
    return this;
  }

  /** Saves a value of the answer, by JSON pointer, for later steps as {@code {name}}. */
  Conversation capture(String name, String pointer) {
    last().captures.put(name, pointer);
    return this;
  }

  /** Marks the step as one the strict generic profile refuses. */
  Conversation quirk() {
    last().quirk = true;
    return this;
  }

  /** The names of the steps marked as quirks, in order. */
  List<String> quirkSteps() {
    return steps.stream().filter(step -> step.quirk).map(step -> step.name).toList();
  }

  /**
   * Replays the conversation against a tenant's SCIM base (ending with {@code /}).
   *
   * @return what happened at each step
   */
  Transcript replay(URI base, String token) {
    Transcript transcript = new Transcript(idp);
    for (Step step : steps) {
      try {
        transcript.add(send(step, base, token, transcript.values));
      } catch (IllegalStateException e) {
        throw new AssertionError(e.getMessage() + "\n" + transcript, e);
      }
    }
    return transcript;
  }

  /**
   * The negative control: sends each step first with the tenant switched to strict generic mode.
   * A step that fails there is recorded, checked to have changed nothing, and sent again with the
   * tenant back on the identity provider's profile so the conversation can go on, exactly as
   * {@link #replay} would have sent it.
   *
   * @param strict switches the tenant to strict generic mode
   * @param profile switches it back to the identity provider's profile
   * @param state a fingerprint of everything the tenant stores
   * @return the replay under the profile, with the steps that failed under strict mode
   */
  Transcript probeStrict(URI base, String token, Runnable strict, Runnable profile, Supplier<String> state) {
    Transcript transcript = new Transcript(idp);
    for (Step step : steps) {
      strict.run();
      String before = state.get();
      Exchange tried = send(step, base, token, transcript.values);
      if (!tried.passed()) {
        if (!before.equals(state.get())) {
          throw new AssertionError("Step '" + step.name + "' failed under strict mode but changed the stores: "
              + tried);
        }
        transcript.strictFailures.add(tried);
        profile.run();
        tried = send(step, base, token, transcript.values);
      }
      transcript.add(tried);
    }
    profile.run();
    return transcript;
  }

  private Exchange send(Step step, URI base, String token, Map<String, String> values) {
    Objects.requireNonNull(step.method, () -> "Step '" + step.name + "' has no request");
    String path = fill(step.path, values, step);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 0; i < commonHeaders.size(); i += 2) {
      headers.put(commonHeaders.get(i), commonHeaders.get(i + 1));
    }
    if (token != null) {
      headers.put("Authorization", "Bearer " + token);
    }
    String body = step.body == null ? null : fill(step.body, values, step);
    if (body != null) {
      headers.put("Content-Type", contentType);
    }
    for (Map.Entry<String, String> header : step.headers.entrySet()) {
      headers.put(header.getKey(), header.getValue() == null ? null : fill(header.getValue(), values, step));
    }
    headers.values().removeIf(Objects::isNull);
    RawResponse response = RawHttp.send(step.method, base.resolve(path), headers,
        body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    JsonNode json = parse(response.body());
    List<String> problems = new ArrayList<>();
    if (response.status() != step.expected) {
      problems.add("status " + response.status() + ", expected " + step.expected);
    }
    for (Check check : step.checks) {
      JsonNode actual = json.at(check.pointer);
      Object expected = check.value instanceof String text ? fill(text, values, step) : check.value;
      if (expected == null ? !actual.isMissingNode() && !actual.isNull() : !matches(actual, expected)) {
        problems.add(check.pointer + " is " + (actual.isMissingNode() ? "absent" : actual) + ", expected "
            + expected);
      }
    }
    Map<String, String> captured = new LinkedHashMap<>();
    if (problems.isEmpty()) {
      for (Map.Entry<String, String> capture : step.captures.entrySet()) {
        JsonNode value = json.at(capture.getValue());
        if (value.isMissingNode() || value.isNull()) {
          problems.add("nothing at " + capture.getValue() + " to capture as " + capture.getKey());
        } else {
          captured.put(capture.getKey(), value.asText());
        }
      }
    }
    return new Exchange(step.name, step.method, path, response.status(), response.headers(), response.body(),
        json, List.copyOf(problems), captured);
  }

  private static boolean matches(JsonNode actual, Object expected) {
    if (expected instanceof Number number) {
      return actual.isNumber() && actual.decimalValue().compareTo(new java.math.BigDecimal(number.toString())) == 0;
    }
    if (expected instanceof Boolean bool) {
      return actual.isBoolean() && actual.booleanValue() == bool;
    }
    // The status of a SCIM Error is a string in RFC 7644; accept a number too, as IdPs do.
    return (actual.isTextual() || actual.isNumber()) && actual.asText().equals(expected.toString());
  }

  private static JsonNode parse(String body) {
    if (body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  private static String fill(String text, Map<String, String> values, Step step) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalStateException("Step '" + step.name + "' uses {" + matcher.group(1)
            + "}, which no earlier step captured");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static final class Step {
    final String name;
    String method;
    String path;
    String body;
    int expected = 200;
    boolean quirk;
    final Map<String, String> headers = new LinkedHashMap<>();
    final List<Check> checks = new ArrayList<>();
    final Map<String, String> captures = new LinkedHashMap<>();

    Step(String name) {
      this.name = name;
    }
  }

  private record Check(String pointer, Object value) {}

  /** One request and its answer. */
  record Exchange(String step, String method, String path, int status, Map<String, String> headers,
                  String body, JsonNode json, List<String> problems, Map<String, String> captured) {

    boolean passed() {
      return problems.isEmpty();
    }

    /** A response header, by name in any case. */
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
      return "'" + step + "' " + method + " " + path + " -> " + status
          + (problems.isEmpty() ? "" : " " + problems) + (body.isBlank() ? "" : "\n    " + body);
    }
  }

  /** What happened at each step of a replay. */
  static final class Transcript {
    private final String idp;
    private final List<Exchange> exchanges = new ArrayList<>();
    private final List<Exchange> strictFailures = new ArrayList<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    private Transcript(String idp) {
      this.idp = idp;
    }

    private void add(Exchange exchange) {
      exchanges.add(exchange);
      values.putAll(exchange.captured());
    }

    /** A captured value. */
    String value(String name) {
      return Objects.requireNonNull(values.get(name), () -> "Nothing captured as " + name);
    }

    /** The exchange of a step. */
    Exchange exchange(String step) {
      return exchanges.stream().filter(exchange -> exchange.step().equals(step)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("No step " + step));
    }

    /** The names of the steps that did not get what the identity provider expects, in order. */
    List<String> failedSteps() {
      return exchanges.stream().filter(exchange -> !exchange.passed()).map(Exchange::step).toList();
    }

    /** The names of the steps that failed under strict generic mode ({@link #probeStrict} only). */
    List<String> strictFailedSteps() {
      return strictFailures.stream().map(Exchange::step).toList();
    }

    /**
     * Fails unless exactly the given steps, in order, failed under strict generic mode, each with a
     * 400 SCIM Error.
     */
    Transcript assertStrictFailuresWere(List<String> steps) {
      assertThat(strictFailedSteps()).containsExactlyElementsOf(steps);
      assertThat(strictFailures).allSatisfy(failure -> {
        assertThat(failure.status()).isEqualTo(400);
        assertThat(failure.json().at("/schemas/0").asText()).isEqualTo(ERROR_URN);
      });
      return this;
    }

    /** The answers under strict generic mode to the steps that failed there. */
    List<Exchange> strictFailures() {
      return List.copyOf(strictFailures);
    }

    /** Fails, listing every failed step with its answer, unless every step passed. */
    Transcript assertAllPassed() {
      List<Exchange> failed = exchanges.stream().filter(exchange -> !exchange.passed()).toList();
      if (!failed.isEmpty()) {
        StringBuilder message = new StringBuilder(idp + ": " + failed.size() + " of " + exchanges.size()
            + " steps did not get what the identity provider expects:");
        failed.forEach(exchange -> message.append("\n  ").append(exchange));
        throw new AssertionError(message.toString());
      }
      return this;
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder(idp + ":");
      exchanges.forEach(exchange -> text.append("\n  ").append(exchange));
      return text.toString();
    }
  }

  record RawResponse(int status, Map<String, String> headers, String body) {}

  /**
   * HTTP/1.1 over a socket, one connection per request, sending only the headers given (plus
   * {@code Host}, {@code Connection: close} and {@code Content-Length}): no client adds a {@code
   * User-Agent} or {@code Accept} of its own.
   */
  static final class RawHttp {
    private RawHttp() {}

    static RawResponse send(String method, URI uri, Map<String, String> headers, byte[] body) {
      try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
        socket.setSoTimeout(30_000);
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(uri.getRawPath())
            .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n");
        head.append("Connection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
          head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
          out.write(body);
        }
        out.flush();
        return read(socket.getInputStream());
      } catch (IOException e) {
        throw new IllegalStateException(method + " " + uri + ": " + e, e);
      }
    }

    private static RawResponse read(InputStream in) throws IOException {
      byte[] all = in.readAllBytes();
      int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      if (end < 0) {
        throw new IOException("No complete response head: " + new String(all, StandardCharsets.UTF_8));
      }
      String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
      }
      byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        rest = dechunk(rest);
      }
      return new RawResponse(status, headers, new String(rest, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] data) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int at = 0;
      while (true) {
        int lineEnd = indexOf(java.util.Arrays.copyOfRange(data, at, data.length), "\r\n".getBytes(StandardCharsets.US_ASCII));
        if (lineEnd < 0) {
          throw new IOException("Broken chunked body");
        }
        String size = new String(data, at, lineEnd, StandardCharsets.US_ASCII).split(";")[0].trim();
        int length = Integer.parseInt(size, 16);
        at += lineEnd + 2;
        if (length == 0) {
          return out.toByteArray();
        }
        out.write(data, at, length);
        at += length + 2;
      }
    }

    private static int indexOf(byte[] data, byte[] pattern) {
      outer:
      for (int i = 0; i + pattern.length <= data.length; i++) {
        for (int j = 0; j < pattern.length; j++) {
          if (data[i + j] != pattern[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }
}
