package io.github.scimkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.resource.ResourceView;
import io.github.scimkit.core.engine.ScimEngine;
import io.github.scimkit.core.engine.SearchParameters;
import io.github.scimkit.core.request.RequestContext;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.store.TenantStores;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What an engine promises over any store, run over the store under test: input that breaks the
 * engine's input rule is refused with 400 {@code invalidValue} (or {@code invalidFilter}, or 404
 * for an id) before the store sees any call, the same way on every store; text that keeps the
 * rule is stored exactly; and PATCHes without If-Match from several threads on one user all
 * succeed, none lost.
 *
 * <pre>{@code
 * class MyEngineSafetyComplianceTest extends EngineSafetyContract {
 *   @Override
 *   protected TenantStores newTenant() {
 *     return myProvider.createTenant(UUID.randomUUID().toString());
 *   }
 * }
 * }</pre>
 */
public abstract class EngineSafetyContract {

  /** The cap on values of one multi-valued attribute the kit's engine runs with. */
  static final int MAX_VALUES = 5;

  private static final String USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";
  private static final String PATCH_URN = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private RecordingStores recording;
  private ScimEngine engine;
  private RequestContext context;

  /** Creates the contract; subclasses are JUnit test classes. */
  protected EngineSafetyContract() {}

  /**
   * Returns the stores of a new, empty tenant with default settings; the kit calls it before
   * every test.
   *
   * @return a fresh tenant's stores
   */
  protected abstract TenantStores newTenant();

  @BeforeEach
  void openEngine() {
    TenantStores tenant = newTenant();
    recording = new RecordingStores(tenant);
    engine = engine(MAX_VALUES);
    context = RequestContext.of(tenant.tenantId(), "contract");
  }

  private ScimEngine engine(int maxValues) {
    return ScimEngine.builder()
        .stores(recording.provider())
        .config(EngineConfig.builder().maxValuesPerAttribute(maxValues).build())
        .auditSink(record -> { })
        .build();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "NUL in userName|userName|a\\u0000b",
      "bell in userName|userName|a\\u0007b",
      "tab in userName|userName|a\\tb",
      "blank userName|userName|'   '",
      "control character in a sub-attribute|name.givenName|Ann\\u001b",
      "lone high surrogate|displayName|x\\ud800",
      "lone low surrogate|emails[0].value|\\udc00y@example.com",
      "newline in an element|emails[0].value|a\\n@example.com"})
  @DisplayName("A user body that breaks the input rule is refused with invalidValue naming the attribute, and no store sees it")
  void hostileUserBodies(String name, String attribute, String escaped) throws Exception {
    ObjectNode body = user("kept");
    String value = unescape(escaped);
    switch (attribute) {
      case "name.givenName" -> body.putObject("name").put("givenName", value);
      case "emails[0].value" -> body.putArray("emails").addObject().put("value", value);
      default -> body.put(attribute, value);
    }
    assertInvalid(() -> engine.create(context, ResourceKind.USER, resource(body)), "invalidValue", attribute);
  }

  @Test
  @DisplayName("A blank group displayName is refused with invalidValue, and no store sees it")
  void blankGroupName() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putArray("schemas").add(GROUP_URN);
    body.put("displayName", " ");
    assertInvalid(() -> engine.create(context, ResourceKind.GROUP, resource(body)), "invalidValue", "displayName");
  }

  @Test
  @DisplayName("More values of one multi-valued attribute than the cap are refused with invalidValue")
  void tooManyValues() {
    ObjectNode body = user("many");
    ArrayNode emails = body.putArray("emails");
    for (int i = 0; i <= MAX_VALUES; i++) {
      emails.addObject().put("value", "u" + i + "@example.com");
    }
    assertInvalid(() -> engine.create(context, ResourceKind.USER, resource(body)), "invalidValue", "emails");
  }

  @Test
  @DisplayName("A PATCH that would store a control character or pass the value cap changes nothing")
  void hostilePatches() throws Exception {
    ResourceView user = engine.create(context, ResourceKind.USER, resource(user("patched")));
    recording.clear();
    assertInvalid(() -> engine.patch(context, ResourceKind.USER, user.id(),
        patch("replace", "displayName", JsonNodeFactory.instance.textNode("a\u0000")), OptionalLong.empty()),
        "invalidValue", "displayName", "getForUpdate");
    ArrayNode emails = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i <= MAX_VALUES; i++) {
      emails.addObject().put("value", "p" + i + "@example.com");
    }
    assertInvalid(() -> engine.patch(context, ResourceKind.USER, user.id(), patch("add", "emails", emails),
        OptionalLong.empty()), "invalidValue", "emails", "getForUpdate");
    assertThat(engine.get(context, ResourceKind.USER, user.id()).version()).isEqualTo(user.version());
  }

  @Test
  @DisplayName("A member id with a control character is refused before the group store sees it")
  void hostileMemberId() throws Exception {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putArray("schemas").add(GROUP_URN);
    body.put("displayName", "group");
    ResourceView group = engine.create(context, ResourceKind.GROUP, resource(body));
    recording.clear();
    ArrayNode members = JsonNodeFactory.instance.arrayNode();
    members.addObject().put("value", "id\u0000");
    assertInvalid(() -> engine.patch(context, ResourceKind.GROUP, group.id(), patch("add", "members", members),
        OptionalLong.empty()), "invalidValue", "members");
  }

  @Test
  @DisplayName("An id with a control character names no resource (404), and no store is asked")
  void hostileIds() {
    for (String id : List.of("\u0000", "a\u0001", "\ud800")) {
      assertThatExceptionOfType(ResourceNotFoundException.class)
          .isThrownBy(() -> engine.get(context, ResourceKind.USER, id));
      assertThatExceptionOfType(ResourceNotFoundException.class)
          .isThrownBy(() -> engine.delete(context, ResourceKind.USER, id, OptionalLong.empty()));
      assertThatExceptionOfType(ResourceNotFoundException.class)
          .isThrownBy(() -> engine.patch(context, ResourceKind.GROUP, id,
              patch("replace", "displayName", JsonNodeFactory.instance.textNode("x")), OptionalLong.empty()));
    }
    assertThat(recording.calls()).isEmpty();
  }

  @Test
  @DisplayName("A filter literal with a control character is refused with invalidFilter before any search")
  void hostileFilter() {
    assertInvalid(() -> engine.search(context, ResourceKind.USER, SearchParameters.filter("userName eq \"a\\u0000\"")),
        "invalidFilter", "userName");
  }

  @Test
  @DisplayName("Text that keeps the rule is stored exactly: supplementary characters, and line breaks in addresses.formatted")
  void keptText() throws Exception {
    ObjectNode body = user("kept-\uD83D\uDE00");
    body.put("displayName", "Zoë \uD83D\uDE00 \u4E2D");
    body.putArray("addresses").addObject().put("formatted", "1 Main St\r\nSpringfield\tUSA");
    ResourceView created = engine.create(context, ResourceKind.USER, resource(body));
    JsonNode read = engine.get(context, ResourceKind.USER, created.id()).resource().getObjectNode();
    assertThat(read.path("userName").asText()).isEqualTo("kept-\uD83D\uDE00");
    assertThat(read.path("displayName").asText()).isEqualTo("Zoë \uD83D\uDE00 \u4E2D");
    if (read.has("addresses")) {
      // Only where the mapping keeps addresses; the body was accepted either way.
      assertThat(read.path("addresses").path(0).path("formatted").asText()).isEqualTo("1 Main St\r\nSpringfield\tUSA");
    }
  }

  @Test
  @DisplayName("8 threads PATCHing one user without If-Match all succeed, and every change is kept")
  void concurrentPatchesWithoutIfMatch() throws Exception {
    int threads = 8;
    int patches = 3;
    ScimEngine engine = engine(threads * patches);
    ResourceView user = engine.create(context, ResourceKind.USER, resource(user("contended")));
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Void>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String tag = "t" + t;
        results.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < patches; i++) {
            ObjectNode value = JsonNodeFactory.instance.objectNode().put("value", tag + "-" + i + "@example.com");
            ArrayNode values = JsonNodeFactory.instance.arrayNode().add(value);
            engine.patch(context, ResourceKind.USER, user.id(), patch("add", "emails", values),
                OptionalLong.empty());
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<Void> result : results) {
        result.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    ResourceView after = engine.get(context, ResourceKind.USER, user.id());
    Set<String> kept = new HashSet<>();
    after.resource().getObjectNode().path("emails").forEach(node -> kept.add(node.path("value").asText()));
    assertThat(kept).hasSize(threads * patches);
    assertThat(after.version()).isEqualTo(user.version() + threads * patches);
  }

  /** Runs a call that must fail with 400 of a type naming the attribute, before the store sees a call. */
  private void assertInvalid(Call call, String scimType, String attribute, String... allowedCalls) {
    recording.clear();
    assertThatExceptionOfType(BadRequestException.class)
        .isThrownBy(call::run)
        .satisfies(e -> {
          assertThat(e.getScimError().getScimType()).isEqualTo(scimType);
          assertThat(e.getScimError().getDetail()).contains(attribute);
        });
    assertThat(recording.calls()).allSatisfy(made ->
        assertThat(List.of(allowedCalls)).anySatisfy(allowed -> assertThat(made).contains("." + allowed + "(")));
  }

  @FunctionalInterface
  private interface Call {
    void run() throws ScimException;
  }

  private static ObjectNode user(String userName) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putArray("schemas").add(USER_URN);
    body.put("userName", userName);
    return body;
  }

  private static GenericScimResource resource(ObjectNode body) {
    return new GenericScimResource(body);
  }

  private static GenericScimResource patch(String op, String path, JsonNode value) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putArray("schemas").add(PATCH_URN);
    ObjectNode operation = body.putArray("Operations").addObject();
    operation.put("op", op).put("path", path);
    operation.set("value", value);
    return new GenericScimResource(body);
  }

  /** Turns the {@code \\uXXXX}, {@code \\t} and {@code \\n} escapes of a table cell into characters. */
  private static String unescape(String escaped) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < escaped.length(); i++) {
      char c = escaped.charAt(i);
      if (c == '\\' && escaped.charAt(i + 1) == 'u') {
        out.append((char) Integer.parseInt(escaped.substring(i + 2, i + 6), 16));
        i += 5;
      } else if (c == '\\') {
        out.append(escaped.charAt(i + 1) == 't' ? '\t' : '\n');
        i++;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
