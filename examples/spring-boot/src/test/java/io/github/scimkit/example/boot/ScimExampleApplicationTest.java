package io.github.scimkit.example.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.github.scimkit.core.store.StoreProvider;
import io.github.scimkit.store.jdbc.JdbcStoreProvider;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drives the example over HTTP as an identity provider and its administrator would. The context
 * also has an application ObjectMapper with snake_case names, which Spring Boot hands to Jersey:
 * SCIM bodies keep their camelCase names only because ScimKit writes them with its own mapper.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "server.address=127.0.0.1",
    "spring.datasource.url=jdbc:h2:mem:scimkit-spring-example;DB_CLOSE_DELAY=-1",
    "example.admin-token=test-admin-token",
    "spring.main.banner-mode=off"})
class ScimExampleApplicationTest {

  private static final String SCIM_JSON = "application/scim+json";
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Value("${local.server.port}")
  private int port;

  @Autowired
  private StoreProvider stores;

  @Autowired
  private JdbcTemplate jdbc;

  @Autowired
  private MeterRegistry meters;

  @Autowired
  private ObjectMapper applicationMapper;

  /** The application's own Jackson settings, which ScimKit must neither use nor change. */
  @TestConfiguration
  static class SnakeCaseJson {
    @Bean
    ObjectMapper applicationMapper() {
      return new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }
  }

  private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", SCIM_JSON);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String idOf(HttpResponse<String> response) {
    Matcher id = ID.matcher(response.body());
    assertThat(id.find()).as(response.body()).isTrue();
    return id.group(1);
  }

  private static void assertScim(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith(SCIM_JSON));
  }

  @Test
  void anIdentityProviderProvisionsUsersAndGroupsOverHttp() throws Exception {
    assertThat(stores).isInstanceOf(JdbcStoreProvider.class);
    assertThat(send("POST", "/admin/tenants/acme", null, null).statusCode()).isEqualTo(401);
    assertThat(send("POST", "/admin/tenants/acme", "wrong", null).statusCode()).isEqualTo(401);
    HttpResponse<String> created = send("POST", "/admin/tenants/acme", "test-admin-token", null);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String key = created.body().strip();
    assertThat(send("POST", "/admin/tenants/acme", "test-admin-token", null).statusCode()).isEqualTo(409);

    HttpResponse<String> anonymous = send("GET", "/scim/v2/acme/Users", null, null);
    assertScim(anonymous, 401);
    assertThat(anonymous.body()).contains("urn:ietf:params:scim:api:messages:2.0:Error");

    HttpResponse<String> user = send("POST", "/scim/v2/acme/Users", key,
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"ada@example.com\","
            + "\"name\":{\"givenName\":\"Ada\",\"familyName\":\"Lovelace\"},\"active\":true}");
    assertScim(user, 201);
    String userId = idOf(user);
    assertThat(user.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).isEqualTo("http://127.0.0.1:" + port + "/scim/v2/acme/Users/" + userId));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scim_tenant WHERE tenant_id = 'acme'", Integer.class))
        .isEqualTo(1);

    HttpResponse<String> group = send("POST", "/scim/v2/acme/Groups", key,
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"Engineering\","
            + "\"members\":[{\"value\":\"" + userId + "\"}]}");
    assertScim(group, 201);
    String groupId = idOf(group);

    HttpResponse<String> patched = send("PATCH", "/scim/v2/acme/Users/" + userId, key,
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
            + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}");
    assertScim(patched, 200);
    assertThat(patched.body()).contains("\"active\":false");

    HttpResponse<String> removed = send("PATCH", "/scim/v2/acme/Groups/" + groupId, key,
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
            + "\"Operations\":[{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + userId + "\\\"]\"}]}");
    assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
    HttpResponse<String> reread = send("GET", "/scim/v2/acme/Groups/" + groupId, key, null);
    assertScim(reread, 200);
    assertThat(reread.body()).contains("Engineering").doesNotContain(userId);

    HttpResponse<String> found = send("GET", "/scim/v2/acme/Users?filter=userName%20eq%20%22ada@example.com%22", key, null);
    assertScim(found, 200);
    assertThat(found.body()).contains("\"totalResults\":1");

    HttpResponse<String> bad = send("POST", "/scim/v2/acme/Users", key, "{\"userName\":");
    assertScim(bad, 400);
    assertThat(bad.body()).contains("invalidSyntax");

    assertThat(meters.find("scimkit.requests").tag("tenant", "acme").timers()).isNotEmpty();
    assertThat(user.body()).contains("\"userName\"").contains("\"resourceType\"").doesNotContain("user_name");
    assertThat(applicationMapper.getPropertyNamingStrategy()).isSameAs(PropertyNamingStrategies.SNAKE_CASE);
  }

  @Test
  void actuatorReportsScimKitHealth() throws Exception {
    HttpResponse<String> health = send("GET", "/actuator/health", null, null);
    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    assertThat(health.body()).contains("\"scimkit\"").contains("\"UP\"");
  }
}
