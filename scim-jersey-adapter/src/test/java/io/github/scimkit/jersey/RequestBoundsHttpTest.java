package io.github.scimkit.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.event.WriteHook;
import io.github.scimkit.jersey.auth.ApiKeyAuthenticator;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bounds every request keeps over HTTP: a tenant over its in-flight limit gets 429 while another
 * tenant is served; bodies with duplicate keys or malformed UTF-8 and ids with control characters
 * get plain SCIM errors; nothing of the parser's wording reaches the client.
 */
class RequestBoundsHttpTest {

  private static final String USER = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"%s\"}";

  private final ObjectMapper json = new ObjectMapper();
  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private TestServer server;
  private String busy;
  private String calm;

  @BeforeEach
  void start() {
    WriteHook blockBusy = write -> {
      if (write.tenantId().equals("busy")) {
        entered.countDown();
        try {
          release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return WriteHook.NONE.beforeWrite(write);
    };
    server = new TestServer(EngineConfig.defaults(), engine -> engine.writeHook(blockBusy), ApiKeyAuthenticator::new,
        feature -> feature.rateLimit(0, 1).maxInFlightPerTenant(1));
    busy = server.tenant("busy");
    calm = server.tenant("calm");
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.close();
  }

  @Test
  @DisplayName("A tenant at its in-flight limit gets 429 with Retry-After while another tenant is served")
  void inFlightLimit() throws Exception {
    CompletableFuture<HttpResponse<String>> held = CompletableFuture.supplyAsync(() ->
        server.send("POST", server.scim("busy", "Users"), busy, USER.formatted("held")));
    assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

    HttpResponse<String> refused = server.send("GET", server.scim("busy", "Users"), busy, null);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/scim+json");
    assertThat(server.send("POST", server.scim("calm", "Users"), calm, USER.formatted("served")).statusCode())
        .isEqualTo(201);

    release.countDown();
    assertThat(held.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
    assertThat(server.send("GET", server.scim("busy", "Users"), busy, null).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("A body naming a member twice is a 400 invalidSyntax in plain words, and creates nothing")
  void duplicateKeys() throws Exception {
    HttpResponse<String> response = server.send("POST", server.scim("calm", "Users"), calm,
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"a\",\"userName\":\"b\"}");
    JsonNode error = assertPlainError(response, 400, "invalidSyntax");
    assertThat(error.path("detail").asText()).contains("same member twice");
    assertThat(server.fingerprint("calm")).doesNotContain("user ");
  }

  @ParameterizedTest(name = "bytes {0}")
  @ValueSource(strings = {"C0AF", "E080AF", "EDA080", "FF", "F4908080", "C3"})
  @DisplayName("A body that is not well-formed UTF-8, overlong forms and encoded surrogates included, is a 400 invalidSyntax")
  void malformedUtf8(String hex) throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"x".getBytes(StandardCharsets.UTF_8));
    body.writeBytes(java.util.HexFormat.of().parseHex(hex));
    body.writeBytes("y\"}".getBytes(StandardCharsets.UTF_8));
    JsonNode error = assertPlainError(server.sendBytes("POST", server.scim("calm", "Users"), calm, body.toByteArray()),
        400, "invalidSyntax");
    assertThat(error.path("detail").asText()).contains("not valid UTF-8");
    assertThat(server.fingerprint("calm")).doesNotContain("user ");
  }

  @Test
  @DisplayName("A NUL in a body is a 400 invalidValue naming the attribute; an id with one is a 404")
  void controlCharacters() throws Exception {
    JsonNode error = assertPlainError(server.send("POST", server.scim("calm", "Users"), calm, USER.formatted("a\\u0000b")),
        400, "invalidValue");
    assertThat(error.path("detail").asText()).contains("userName").contains("U+0000");
    assertPlainError(server.send("GET", server.scim("calm", "Users/%00"), calm, null), 404, null);
    assertPlainError(server.send("DELETE", server.scim("calm", "Users/a%01"), calm, null), 404, null);
  }

  private JsonNode assertPlainError(HttpResponse<String> response, int status, String scimType) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/scim+json");
    assertThat(response.body()).doesNotContain("Jackson", "jackson", "JsonParse", "Unexpected character", "Duplicate field",
        "Invalid UTF-8", "com.", "org.", "java.");
    JsonNode error = json.readTree(response.body());
    if (scimType != null) {
      assertThat(error.path("scimType").asText()).isEqualTo(scimType);
    }
    return error;
  }
}
