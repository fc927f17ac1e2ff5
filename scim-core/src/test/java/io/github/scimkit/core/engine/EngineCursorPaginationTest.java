package io.github.scimkit.core.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.github.scimkit.core.config.CursorKey;
import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.request.RequestContext;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.resource.ResourceView;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("ScimEngine cursor pagination (RFC 9865)")
class EngineCursorPaginationTest {

  private static final String TENANT_A = "tenant-a";
  private static final String TENANT_B = "tenant-b";
  private static final RequestContext CONTEXT_A = new RequestContext(TENANT_A, "key-a", "corr-a");
  private static final RequestContext CONTEXT_B = new RequestContext(TENANT_B, "key-b", "corr-b");
  private static final int USERS = 250;
  private static final String UNRESERVED = "^[A-Za-z0-9._~-]+$";

  private final InMemoryStoreProvider provider = new InMemoryStoreProvider();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T12:00:00Z"));
  private final AtomicInteger ids = new AtomicInteger();
  private final CursorKey sharedKey = CursorKey.random();
  private ScimEngine engine;
  private final List<String> userIds = new ArrayList<>();
  private final List<String> userNames = new ArrayList<>();

  @BeforeEach
  void setUp() throws ScimException {
    provider.createTenant(TENANT_A);
    provider.createTenant(TENANT_B);
    engine = engine(sharedKey);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(42));
    for (int i : order) {
      String userName = String.format("user%03d", i);
      userIds.add(engine.create(CONTEXT_A, ResourceKind.USER, user(userName)).id());
      userNames.add(userName);
    }
    for (int i = 0; i < 3; i++) {
      engine.create(CONTEXT_B, ResourceKind.USER, user("other" + i));
    }
  }

  private ScimEngine engine(CursorKey key) {
    return ScimEngine.builder()
        .stores(provider)
        .config(EngineConfig.builder()
            .clock(clock)
            .idGenerator(() -> String.format("id-%05d", ids.incrementAndGet()))
            .cursorKey(key)
            .build())
        .auditSink(audit -> { })
        .build();
  }

  private static GenericScimResource user(String userName) {
    ObjectNode node = JsonUtils.getJsonNodeFactory().objectNode();
    node.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
    node.put("userName", userName);
    return new GenericScimResource(node);
  }

  /** One page read the way the HTTP layer reads it: resources first, then nextCursor. */
  private record Page(List<ResourceView> resources, Optional<String> nextCursor, long total, int itemsPerPage) {}

  private Page page(ScimEngine on, RequestContext context, SearchParameters parameters) throws ScimException {
    try (SearchResults results = on.search(context, ResourceKind.USER, parameters)) {
      assertThat(results.paginationMode()).isEqualTo(PaginationMode.CURSOR);
      List<ResourceView> resources = results.resources().toList();
      return new Page(resources, results.nextCursor(), results.totalResults(), results.itemsPerPage());
    }
  }

  private Page page(SearchParameters parameters) throws ScimException {
    return page(engine, CONTEXT_A, parameters);
  }

  private List<Page> walk(SearchParameters first) throws ScimException {
    List<Page> pages = new ArrayList<>();
    Page page = page(first);
    pages.add(page);
    while (page.nextCursor().isPresent()) {
      assertThat(pages).as("walk ends").hasSizeLessThan(100);
      page = page(first.withCursor(page.nextCursor().get()));
      pages.add(page);
    }
    return pages;
  }

  private static SearchParameters firstPage(int count) {
    return SearchParameters.all().withCursor("").withCount(count);
  }

  private String cursorAfterFirstPage(SearchParameters first) throws ScimException {
    return page(first).nextCursor().orElseThrow();
  }

  private static void assertScimType(ThrowingCallable call, String scimType) {
    assertThatThrownBy(call)
        .isInstanceOf(BadRequestException.class)
        .satisfies(e -> assertThat(((ScimException) e).getScimError().getScimType()).isEqualTo(scimType))
        .satisfies(e -> assertThat(((ScimException) e).getScimError().getStatus()).isEqualTo(400));
  }

  private static String detailOf(ThrowingCallable call) {
    try {
      call.call();
    } catch (ScimException e) {
      return e.getScimError().getDetail();
    } catch (Throwable e) {
      throw new AssertionError("unexpected " + e, e);
    }
    throw new AssertionError("no error");
  }

  @Nested
  @DisplayName("Walking")
  class Walking {

    @Test
    @DisplayName("a walk with count 100 returns every user once, in id order, and ends without nextCursor")
    void walksInIdOrder() throws ScimException {
      List<Page> pages = walk(firstPage(100));

      assertThat(pages).extracting(page -> page.resources().size()).containsExactly(100, 100, 50);
      assertThat(pages).extracting(Page::itemsPerPage).containsExactly(100, 100, 50);
      assertThat(pages.get(0).nextCursor()).isPresent();
      assertThat(pages.get(1).nextCursor()).isPresent();
      assertThat(pages.get(2).nextCursor()).isEmpty();
      assertThat(pages).allSatisfy(page -> assertThat(page.total()).isEqualTo(USERS));
      List<String> walked = pages.stream().flatMap(page -> page.resources().stream()).map(ResourceView::id).toList();
      assertThat(walked).doesNotHaveDuplicates().containsExactlyElementsOf(userIds.stream().sorted().toList());
    }

    @Test
    @DisplayName("a walk sorted by userName is globally ordered, ascending and descending")
    void walksInUserNameOrder() throws ScimException {
      List<String> ascending = walk(firstPage(100).sortedBy("userName", false)).stream()
          .flatMap(page -> page.resources().stream())
          .map(view -> view.resource().getObjectNode().path("userName").asText())
          .toList();
      List<String> descending = walk(firstPage(100).sortedBy("userName", true)).stream()
          .flatMap(page -> page.resources().stream())
          .map(view -> view.resource().getObjectNode().path("userName").asText())
          .toList();

      assertThat(ascending).containsExactlyElementsOf(userNames.stream().sorted().toList());
      assertThat(descending).containsExactlyElementsOf(userNames.stream().sorted(Collections.reverseOrder()).toList());
    }

    @Test
    @DisplayName("a filtered walk sees only matching users")
    void walksFiltered() throws ScimException {
      SearchParameters first = SearchParameters.filter("userName sw \"user1\"").withCursor("").withCount(30);
      List<Page> pages = walk(first);

      assertThat(pages).extracting(page -> page.resources().size()).containsExactly(30, 30, 30, 10);
      assertThat(pages.get(3).nextCursor()).isEmpty();
    }

    @Test
    @DisplayName("every cursor uses only RFC 3986 unreserved characters")
    void cursorsAreUrlSafe() throws ScimException {
      List<Page> pages = walk(firstPage(7).sortedBy("userName", false));

      assertThat(pages).hasSize(36);
      assertThat(pages.stream().flatMap(page -> page.nextCursor().stream()))
          .hasSize(35)
          .allSatisfy(cursor -> assertThat(cursor).matches(UNRESERVED));
    }

    @Test
    @DisplayName("count -5 is read as 0: no resources, the total, and no nextCursor")
    void negativeCount() throws ScimException {
      Page page = page(firstPage(-5));

      assertThat(page.resources()).isEmpty();
      assertThat(page.total()).isEqualTo(USERS);
      assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    @DisplayName("no count means the default page size; a count above the maximum is cut to it")
    void defaultAndMaximumCount() throws ScimException {
      assertThat(page(SearchParameters.all().withCursor("")).resources()).hasSize(100);

      ScimEngine small = ScimEngine.builder().stores(provider)
          .config(EngineConfig.builder().defaultPageSize(10).maxPageSize(40).cursorKey(sharedKey).build())
          .auditSink(audit -> { })
          .build();
      Page page = page(small, CONTEXT_A, firstPage(100_000));
      assertThat(page.resources()).hasSize(40);
      assertThat(page(small, CONTEXT_A, firstPage(100_000).withCursor(page.nextCursor().orElseThrow())).resources())
          .hasSize(40);
    }

    @Test
    @DisplayName("instances sharing a cursor key accept each other's cursors")
    void sharedKey() throws ScimException {
      String cursor = cursorAfterFirstPage(firstPage(100));
      ScimEngine other = engine(sharedKey);

      assertThat(page(other, CONTEXT_A, firstPage(100).withCursor(cursor)).resources()).hasSize(100);
    }

    @Test
    @DisplayName("nextCursor and itemsPerPage are known only after the resources were read; there is no startIndex")
    void readOrder() throws ScimException {
      try (SearchResults results = engine.search(CONTEXT_A, ResourceKind.USER, firstPage(10))) {
        assertThatThrownBy(results::nextCursor).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(results::itemsPerPage).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(results::startIndex).isInstanceOf(IllegalStateException.class);
        assertThat(results.total()).hasValue(USERS);
        assertThat(results.resources().count()).isEqualTo(10);
        assertThat(results.nextCursor()).isPresent();
      }
    }

    @Test
    @DisplayName("index paging is unchanged: INDEX mode, startIndex, no nextCursor")
    void indexMode() throws ScimException {
      try (SearchResults results = engine.search(CONTEXT_A, ResourceKind.USER, SearchParameters.all().page(101, 100))) {
        assertThat(results.paginationMode()).isEqualTo(PaginationMode.INDEX);
        assertThat(results.startIndex()).isEqualTo(101);
        assertThat(results.itemsPerPage()).isEqualTo(100);
        assertThat(results.totalResults()).isEqualTo(USERS);
        assertThat(results.nextCursor()).isEmpty();
        assertThat(results.resources().count()).isEqualTo(100);
      }
    }
  }

  @Nested
  @DisplayName("Rejecting cursors")
  class Rejecting {

    @Test
    @DisplayName("garbage is invalidCursor")
    void garbage() {
      assertScimType(() -> page(firstPage(100).withCursor("garbage")), "invalidCursor");
      assertScimType(() -> page(firstPage(100).withCursor("not base64!")), "invalidCursor");
      assertScimType(() -> page(firstPage(100).withCursor("%2F..%2F")), "invalidCursor");
    }

    @Test
    @DisplayName("a cursor with any one byte flipped is invalidCursor")
    void flippedByte() throws ScimException {
      String cursor = cursorAfterFirstPage(firstPage(100));
      byte[] bytes = Base64.getUrlDecoder().decode(cursor);
      for (int i = 0; i < bytes.length; i++) {
        byte[] forged = bytes.clone();
        forged[i] ^= 0x01;
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(forged);
        assertScimType(() -> page(firstPage(100).withCursor(text)), "invalidCursor");
      }
    }

    @Test
    @DisplayName("another tenant's cursor is invalidCursor, with the same detail as a forged one")
    void anotherTenant() throws ScimException {
      String cursorOfB = page(engine, CONTEXT_B, firstPage(1)).nextCursor().orElseThrow();

      ThrowingCallable replay = () -> page(firstPage(1).withCursor(cursorOfB));
      assertScimType(replay, "invalidCursor");
      assertThat(detailOf(replay)).isEqualTo(detailOf(() -> page(firstPage(1).withCursor("garbage"))));
    }

    @Test
    @DisplayName("a cursor replayed with another filter, sort, sort order or resource type is invalidCursor")
    void anotherQuery() throws ScimException {
      SearchParameters first = firstPage(100);
      String cursor = cursorAfterFirstPage(first);

      assertScimType(() -> page(SearchParameters.filter("userName sw \"user\"").withCursor(cursor).withCount(100)),
          "invalidCursor");
      assertScimType(() -> page(first.sortedBy("userName", false).withCursor(cursor)), "invalidCursor");
      String sorted = cursorAfterFirstPage(first.sortedBy("userName", false));
      assertScimType(() -> page(first.sortedBy("userName", true).withCursor(sorted)), "invalidCursor");
      assertScimType(() -> engine.search(CONTEXT_A, ResourceKind.GROUP, first.withCursor(cursor)), "invalidCursor");
    }

    @Test
    @DisplayName("the same filter in other words keeps the cursor valid")
    void sameFilterOtherSpelling() throws ScimException {
      String cursor = cursorAfterFirstPage(SearchParameters.filter("userName sw \"user\"").withCursor("").withCount(100));

      assertThat(page(SearchParameters.filter("USERNAME SW  \"user\"").withCursor(cursor).withCount(100)).resources())
          .hasSize(100);
    }

    @Test
    @DisplayName("a changed count is invalidCount")
    void changedCount() throws ScimException {
      String cursor = cursorAfterFirstPage(firstPage(100));

      assertScimType(() -> page(firstPage(50).withCursor(cursor)), "invalidCount");
      assertScimType(() -> page(SearchParameters.all().withCursor(cursor).withCount(0)), "invalidCount");
    }

    @Test
    @DisplayName("a cursor older than the timeout is expiredCursor; one just inside it still works")
    void expired() throws ScimException {
      String cursor = cursorAfterFirstPage(firstPage(100));

      clock.advance(Duration.ofMinutes(10));
      assertThat(page(firstPage(100).withCursor(cursor)).resources()).hasSize(100);
      clock.advance(Duration.ofSeconds(1));
      assertScimType(() -> page(firstPage(100).withCursor(cursor)), "expiredCursor");
    }

    @Test
    @DisplayName("an engine with another key, such as a restarted one with a random key, rejects old cursors")
    void anotherKey() throws ScimException {
      String cursor = cursorAfterFirstPage(firstPage(100));
      ScimEngine restarted = engine(null);

      assertScimType(() -> page(restarted, CONTEXT_A, firstPage(100).withCursor(cursor)), "invalidCursor");
    }
  }

  @Test
  @DisplayName("the configuration defaults to a 10-minute timeout and no fixed key, and checks its values")
  void configuration() {
    EngineConfig defaults = EngineConfig.defaults();
    assertThat(defaults.cursorTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(defaults.cursorKey()).isEmpty();
    assertThat(defaults.toBuilder().build()).isEqualTo(defaults);
    assertThat(EngineConfig.builder().cursorKey(sharedKey).build().toBuilder().build().cursorKey()).contains(sharedKey);
    assertThatThrownBy(() -> EngineConfig.builder().cursorTimeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CursorKey.of(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    assertThat(CursorKey.fromBase64(Base64.getEncoder().encodeToString(sharedKey.bytes()))).isEqualTo(sharedKey);
    assertThat(sharedKey.toString()).doesNotContain(Base64.getEncoder().encodeToString(sharedKey.bytes()));
  }

  /** A clock the test moves by hand. */
  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
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
}
