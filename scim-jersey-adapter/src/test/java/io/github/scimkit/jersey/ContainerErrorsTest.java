package io.github.scimkit.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scimkit.jersey.auth.ApiKeyAuthenticator;
import io.github.scimkit.jersey.container.JettyErrorHandler;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests the container refuses before Jersey sees them, and requests Jersey refuses before the
 * SCIM endpoints see them, sent byte for byte to a real Grizzly server with {@code
 * GrizzlyErrorPages} and a real Jetty server with {@code JettyErrorHandler}: each gets a SCIM
 * Error with a correlation id, and no HTML, stack trace, library or server name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerErrorsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASE = "/scim/v2/acme/";
  private static final String LONG = "x".repeat(9000);

  private TestServer grizzly;
  private Server jetty;
  private URI jettyRoot;
  private String key;

  @BeforeAll
  void start() throws Exception {
    grizzly = new TestServer();
    key = grizzly.tenant("acme");
    ResourceConfig application = new ResourceConfig().register(
        ScimFeature.builder(grizzly.engine, new ApiKeyAuthenticator(grizzly.keys)).basePath("scim/v2/{tenant}").build());
    jetty = JettyHttpContainerFactory.createServer(URI.create("http://127.0.0.1:0/"), application, false);
    jetty.setErrorHandler(new JettyErrorHandler());
    jetty.start();
    jettyRoot = URI.create("http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort() + "/");
  }

  @AfterAll
  void stop() throws Exception {
    jetty.stop();
    grizzly.close();
  }

  /** Container, label, request line, extra header (or empty), status on Grizzly, status on Jetty. */
  Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of("malformed escape", "GET " + BASE + "Users/%zz HTTP/1.1", "", 400, 400),
        Arguments.of("malformed escape in the query", "GET " + BASE + "Users?filter=%zz HTTP/1.1", "", 400, 400),
        Arguments.of("backslashes", "GET " + BASE + "Users\\..\\.. HTTP/1.1", "", 400, 400),
        Arguments.of("a space in the path", "GET " + BASE + "Us ers HTTP/1.1", "", 505, 400),
        Arguments.of("request line over 8 KB", "GET " + BASE + "Users?filter=" + LONG + " HTTP/1.1", "", 414, 414),
        Arguments.of("header over 8 KB", "GET " + BASE + "Users HTTP/1.1", "X-Padding: " + LONG, 431, 431),
        Arguments.of("Accept: ???", "GET " + BASE + "Users HTTP/1.1", "Accept: ???", 400, 400),
        Arguments.of("Accept: a list with garbage", "GET " + BASE + "Users HTTP/1.1", "Accept: application/json, ;;;", 400, 400),
        Arguments.of("an unknown HTTP version", "GET " + BASE + "Users HTTP/9.9", "", 505, 505),
        Arguments.of("no such endpoint", "GET " + BASE + "Nope HTTP/1.1", "", 404, 404),
        Arguments.of("a wrong method", "PUT " + BASE + "Users HTTP/1.1", "Content-Length: 0", 405, 405));
  }

  @ParameterizedTest(name = "Grizzly: {0}")
  @MethodSource("refusals")
  void grizzlyAnswersScim(String label, String requestLine, String header, int grizzlyStatus, int jettyStatus)
      throws Exception {
    check(RawHttp.send(grizzly.root, requestLine, headers(header)), grizzlyStatus);
  }

  @ParameterizedTest(name = "Jetty: {0}")
  @MethodSource("refusals")
  void jettyAnswersScim(String label, String requestLine, String header, int grizzlyStatus, int jettyStatus)
      throws Exception {
    check(RawHttp.send(jettyRoot, requestLine, headers(header)), jettyStatus);
  }

  /**
   * After refusing an oversize head, Grizzly half-closes the connection and goes on reading what
   * the client still sends, so a client busy sending its body meets no reset that could take the
   * answer with it. A server that closed at once would answer the first bytes after its close with
   * a reset, and the next write would fail.
   */
  @ParameterizedTest(name = "Grizzly lingers after {0}")
  @MethodSource("oversize")
  void grizzlyReadsWhatFollowsARefusalBeforeClosing(String label, String head, int status) throws Exception {
    try (Socket socket = new Socket(grizzly.root.getHost(), grizzly.root.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write((head + "\r\nHost: 127.0.0.1\r\nContent-Length: 1000000\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertThat(answer).as("the whole answer, then the end of the stream").startsWith("HTTP/1.1 " + status + " ")
          .endsWith("}");
      assertThat(answer.toLowerCase(Locale.ROOT)).as("no client may reuse the connection").contains("\r\nconnection: close\r\n");
      byte[] chunk = new byte[16 * 1024];
      for (int i = 0; i < 32; i++) {
        out.write(chunk);
        out.flush();
      }
    }
  }

  Stream<Arguments> oversize() {
    return Stream.of(
        Arguments.of("a request line over 8 KB", "POST " + BASE + "Users?x=" + LONG + " HTTP/1.1", 414),
        Arguments.of("headers over 8 KB", "POST " + BASE + "Users HTTP/1.1\r\nX-Padding: " + LONG, 431));
  }

  private String[] headers(String extra) {
    return extra.isEmpty()
        ? new String[] {"Authorization: Bearer " + key}
        : new String[] {"Authorization: Bearer " + key, extra};
  }

  private static void check(RawHttp.Answer answer, int status) throws Exception {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/scim+json");
    assertThat(answer.header("X-Correlation-Id")).as(answer.toString()).isNotBlank();
    assertThat(answer.header("X-Content-Type-Options")).as(answer.toString()).isEqualTo("nosniff");
    JsonNode error = JSON.readTree(answer.body());
    assertThat(error.path("schemas").toString()).contains("urn:ietf:params:scim:api:messages:2.0:Error");
    assertThat(error.path("status").asText()).isEqualTo(String.valueOf(status));
    assertThat(error.path("detail").asText()).isNotBlank();
    String lower = answer.body().toLowerCase(Locale.ROOT);
    for (String leak : List.of("<html", "exception", "grizzly", "jetty", "jersey", "at org.", "at java.", "glassfish")) {
      assertThat(lower).as(answer.toString()).doesNotContain(leak);
    }
  }
}
