package io.github.scimkit.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scimkit.core.config.EngineConfig;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** RFC 9865 cursor pagination over real HTTP, on GET lists and in POST .search bodies. */
@DisplayName("Cursor pagination (RFC 9865) over HTTP")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CursorPaginationHttpTest {

  private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String SEARCH = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
  private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int USERS = 250;
  private static final String A = "alpha";
  private static final String B = "beta";

  /** A clock the test moves forward, to let cursors expire. */
  static final class MovableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final MovableClock clock = new MovableClock();
  private TestServer server;
  private String keyA;
  private String keyB;
  private List<String> userNames;

  @BeforeAll
  void start() throws Exception {
    server = new TestServer(EngineConfig.builder().clock(clock).cursorTimeout(Duration.ofMinutes(10)).build(),
        builder -> builder.rateLimit(0, 0));
    keyA = server.tenant(A);
    keyB = server.tenant(B);
    List<Integer> order = IntStream.range(0, USERS).boxed().collect(Collectors.toCollection(ArrayList::new));
    Collections.shuffle(order, new Random(9865));
    for (int i : order) {
      create(A, keyA, String.format("user%03d", i));
    }
    for (int i = 0; i < 30; i++) {
      create(B, keyB, String.format("b-user%02d", i));
    }
    userNames = IntStream.range(0, USERS).mapToObj(i -> String.format("user%03d", i)).toList();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private void create(String tenant, String key, String userName) {
    HttpResponse<String> response = server.send("POST", server.scim(tenant, "Users"), key,
        "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + userName + "\"}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  private HttpResponse<String> get(String tenant, String key, String pathAndQuery) {
    return server.send("GET", server.scim(tenant, pathAndQuery), key, null);
  }

  private JsonNode ok(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static List<String> userNames(JsonNode page) {
    List<String> names = new ArrayList<>();
    page.path("Resources").forEach(resource -> names.add(resource.path("userName").asText()));
    return names;
  }

  private JsonNode assertError(HttpResponse<String> response, String scimType) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/scim+json"));
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.path("schemas").get(0).asText()).isEqualTo(ERROR);
    assertThat(error.path("status").asText()).isEqualTo("400");
    assertThat(error.path("scimType").asText()).isEqualTo(scimType);
    return error;
  }

  private String firstCursor(String query) throws Exception {
    JsonNode page = ok(get(A, keyA, "Users?cursor=&count=100" + query));
    return page.path("nextCursor").asText();
  }

  @Test
  @DisplayName("a walk over 250 users with count 100 sees every user once, in sort order, in pages of 100, 100, 50")
  void walk() throws Exception {
    List<String> seen = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    String cursor = "";
    boolean first = true;
    while (true) {
      JsonNode page = ok(get(A, keyA, "Users?sortBy=userName&count=100&cursor=" + encode(cursor)));
      assertThat(page.path("Resources").size()).isLessThanOrEqualTo(100);
      assertThat(page.path("itemsPerPage").asInt()).isEqualTo(page.path("Resources").size());
      assertThat(page.has("startIndex")).isFalse();
      if (page.has("totalResults")) {
        assertThat(page.path("totalResults").asLong()).isEqualTo(USERS);
      }
      if (first) {
        assertThat(page.has("previousCursor")).as("no previousCursor on the first page").isFalse();
        first = false;
      }
      seen.addAll(userNames(page));
      sizes.add(page.path("Resources").size());
      if (!page.has("nextCursor")) {
        break;
      }
      cursor = page.path("nextCursor").asText();
      assertThat(cursor).matches("^[A-Za-z0-9._~-]+$");
      assertThat(sizes).hasSizeLessThan(10);
    }
    assertThat(sizes).containsExactly(100, 100, 50);
    assertThat(seen).containsExactlyElementsOf(userNames);
  }

  @Test
  @DisplayName("descending order and a filter hold across pages")
  void descendingFiltered() throws Exception {
    String filter = encode("userName sw \"user1\"");
    List<String> seen = new ArrayList<>();
    String cursor = "";
    do {
      JsonNode page = ok(get(A, keyA, "Users?filter=" + filter + "&sortBy=userName&sortOrder=descending&count=40&cursor="
          + encode(cursor)));
      seen.addAll(userNames(page));
      cursor = page.path("nextCursor").asText(null);
    } while (cursor != null);
    List<String> expected = new ArrayList<>(userNames.subList(100, 200));
    Collections.reverse(expected);
    assertThat(seen).containsExactlyElementsOf(expected);
  }

  @Test
  @DisplayName("cursor and count in POST .search bodies walk the same way")
  void searchBodies() throws Exception {
    List<String> seen = new ArrayList<>();
    String cursor = "";
    int pages = 0;
    while (cursor != null) {
      HttpResponse<String> response = server.send("POST", server.scim(A, "Users/.search"), keyA,
          "{\"schemas\":[\"" + SEARCH + "\"],\"sortBy\":\"userName\",\"cursor\":\"" + cursor + "\",\"count\":100}");
      JsonNode page = ok(response);
      if (pages == 0) {
        assertThat(page.has("previousCursor")).isFalse();
        assertThat(page.has("nextCursor")).isTrue();
      }
      seen.addAll(userNames(page));
      cursor = page.path("nextCursor").asText(null);
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(userNames);
  }

  @Test
  @DisplayName("?cursor, ?cursor= and a cursor of \"\" in a body all mean the first page")
  void emptyCursor() throws Exception {
    for (String query : List.of("Users?cursor&count=10&sortBy=userName", "Users?cursor=&count=10&sortBy=userName")) {
      JsonNode page = ok(get(A, keyA, query));
      assertThat(userNames(page)).as(query).containsExactlyElementsOf(userNames.subList(0, 10));
      assertThat(page.has("nextCursor")).isTrue();
      assertThat(page.has("previousCursor")).isFalse();
    }
    JsonNode index = ok(get(A, keyA, "Users?count=10"));
    assertThat(index.has("nextCursor")).as("index paging is the default").isFalse();
    assertThat(index.path("startIndex").asInt()).isEqualTo(1);
  }

  @Test
  @DisplayName("count is never exceeded; a negative count is 0: the total and no resources; above the maximum is cut")
  void counts() throws Exception {
    JsonNode negative = ok(get(A, keyA, "Users?cursor=&count=-5"));
    assertThat(negative.path("Resources").size()).isZero();
    assertThat(negative.path("totalResults").asLong()).isEqualTo(USERS);
    assertThat(negative.has("nextCursor")).isFalse();
    JsonNode zero = ok(server.send("POST", server.scim(A, "Users/.search"), keyA,
        "{\"schemas\":[\"" + SEARCH + "\"],\"cursor\":\"\",\"count\":0}"));
    assertThat(zero.path("Resources").size()).isZero();
    assertThat(zero.path("totalResults").asLong()).isEqualTo(USERS);
    for (int count : new int[] {1, 7, 99}) {
      assertThat(ok(get(A, keyA, "Users?cursor=&count=" + count)).path("Resources").size()).isEqualTo(count);
    }
    JsonNode huge = ok(get(A, keyA, "Users?cursor=&count=100000"));
    assertThat(huge.path("Resources").size()).isEqualTo(USERS);
    assertThat(huge.has("nextCursor")).isFalse();
  }

  @Test
  @DisplayName("garbage and tampered cursors are 400 invalidCursor")
  void invalidCursor() throws Exception {
    for (String garbage : List.of("garbage", "AAAA", "not-a-cursor~", "%2F..%2F")) {
      assertError(get(A, keyA, "Users?count=100&cursor=" + garbage), "invalidCursor");
    }
    String cursor = firstCursor("");
    for (int position : new int[] {0, cursor.length() / 2, cursor.length() - 1}) {
      char flipped = cursor.charAt(position) == 'A' ? 'B' : 'A';
      String tampered = cursor.substring(0, position) + flipped + cursor.substring(position + 1);
      assertError(get(A, keyA, "Users?count=100&cursor=" + tampered), "invalidCursor");
    }
    assertError(server.send("POST", server.scim(A, "Users/.search"), keyA,
        "{\"schemas\":[\"" + SEARCH + "\"],\"cursor\":\"garbage\",\"count\":100}"), "invalidCursor");
  }

  @Test
  @DisplayName("a cursor replayed with another filter, sort or resource type is 400 invalidCursor")
  void otherQuery() throws Exception {
    String cursor = firstCursor("");
    assertError(get(A, keyA, "Users?count=100&filter=" + encode("userName pr") + "&cursor=" + cursor), "invalidCursor");
    assertError(get(A, keyA, "Users?count=100&sortBy=userName&cursor=" + cursor), "invalidCursor");
    assertError(get(A, keyA, "Groups?count=100&cursor=" + cursor), "invalidCursor");
  }

  @Test
  @DisplayName("a changed count mid-walk is 400 invalidCount")
  void invalidCount() throws Exception {
    String cursor = firstCursor("");
    assertError(get(A, keyA, "Users?count=50&cursor=" + cursor), "invalidCount");
    assertThat(ok(get(A, keyA, "Users?count=100&cursor=" + cursor)).path("Resources").size()).isEqualTo(100);
  }

  @Test
  @DisplayName("a cursor past the cursor timeout is 400 expiredCursor")
  void expiredCursor() throws Exception {
    String cursor = firstCursor("");
    clock.advance(Duration.ofMinutes(11));
    try {
      assertError(get(A, keyA, "Users?count=100&cursor=" + cursor), "expiredCursor");
    } finally {
      clock.advance(Duration.ofMinutes(-11));
    }
  }

  @Test
  @DisplayName("another tenant's cursor is invalidCursor, answered like a forged one; it never shows the other tenant's data")
  void crossTenant() throws Exception {
    String cursorOfA = firstCursor("");
    JsonNode replayed = assertError(get(B, keyB, "Users?count=100&cursor=" + cursorOfA), "invalidCursor");
    JsonNode forged = assertError(get(B, keyB, "Users?count=100&cursor=" + cursorOfA.substring(1)), "invalidCursor");
    assertThat(replayed).isEqualTo(forged);
    assertThat(replayed.toString()).doesNotContain("user0").doesNotContain(A);

    HttpResponse<String> withoutKey = get(A, null, "Users?count=100&cursor=" + cursorOfA);
    assertThat(withoutKey.statusCode()).as("a cursor grants nothing by itself").isEqualTo(401);
    HttpResponse<String> foreignPath = get(A, keyB, "Users?count=100&cursor=" + cursorOfA);
    assertThat(foreignPath.statusCode()).isEqualTo(401);
    assertThat(foreignPath.body()).doesNotContain("userName");
  }

  @Test
  @DisplayName("a key revoked mid-walk gets 401 on the next page; the tenant's new key may continue the walk")
  void revokedKeyMidWalk() throws Exception {
    String cursor = firstCursor("");
    String oldKey = keyA;
    keyA = server.newKey(A);
    HttpResponse<String> revoked = get(A, oldKey, "Users?count=100&cursor=" + cursor);
    assertThat(revoked.statusCode()).isEqualTo(401);
    assertThat(revoked.body()).doesNotContain("userName");
    assertThat(ok(get(A, keyA, "Users?count=100&cursor=" + cursor)).path("Resources").size()).isEqualTo(100);
  }

  @Test
  @DisplayName("ServiceProviderConfig advertises the pagination block")
  void paginationBlock() throws Exception {
    JsonNode pagination = ok(get(A, keyA, "ServiceProviderConfig")).path("pagination");
    assertThat(pagination.path("cursor").asBoolean()).isTrue();
    assertThat(pagination.path("index").asBoolean()).isTrue();
    assertThat(pagination.path("defaultPaginationMethod").asText()).isEqualTo("index");
    assertThat(pagination.path("defaultPageSize").asInt()).isEqualTo(100);
    assertThat(pagination.path("maxPageSize").asInt()).isEqualTo(1000);
    assertThat(pagination.path("cursorTimeout").asInt()).isEqualTo(600);
  }
}
