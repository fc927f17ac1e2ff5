package io.github.scimkit.core.engine;

import io.github.scimkit.core.config.OutboxRetry;
import static io.github.scimkit.core.engine.ScimBodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.config.OutboxRetry;
import io.github.scimkit.core.event.EventDelivery;
import io.github.scimkit.core.event.LifecycleEvent;
import io.github.scimkit.core.event.LifecycleListener;
import io.github.scimkit.core.request.RequestContext;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.store.OutboxEvent;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.StoreProvider;
import io.github.scimkit.core.store.TenantStores;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ScimEngine lifecycle events through the outbox")
class EngineOutboxTest {

  private static final String TENANT = "acme";
  private static final RequestContext CONTEXT = new RequestContext(TENANT, "test-key", "corr-1");
  private static final OutboxRetry FAST = new OutboxRetry(Duration.ofMillis(20), Duration.ofMillis(40), 5);
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final InMemoryStoreProvider memory = new InMemoryStoreProvider();
  private final TenantStores tenant = memory.createTenant(TENANT);
  /** The in-memory provider, telling a new engine that the tenant has undelivered events. */
  private final StoreProvider provider = new StoreProvider() {
    @Override
    public Optional<TenantStores> tenant(String tenantId) {
      return memory.tenant(tenantId);
    }

    @Override
    public List<String> tenantsWithPendingEvents() {
      return List.of(TENANT);
    }
  };
  private final List<ScimEngine> engines = new CopyOnWriteArrayList<>();

  @AfterEach
  void closeEngines() {
    engines.forEach(ScimEngine::close);
  }

  private ScimEngine engine(OutboxRetry retry, Consumer<EventDelivery> listener) {
    ScimEngine engine = ScimEngine.builder().stores(provider).outboxRetry(retry).listener(new LifecycleListener() {
      @Override
      public void onEvent(LifecycleEvent event) {
        throw new AssertionError("onDelivery is overridden");
      }

      @Override
      public void onDelivery(EventDelivery delivery) {
        listener.accept(delivery);
      }
    }).build();
    engines.add(engine);
    return engine;
  }

  private static String createUser(ScimEngine engine, String userName) throws Exception {
    return engine.create(CONTEXT, ResourceKind.USER, json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],"
        + "'userName':'" + userName + "','name':{'givenName':'Ann','familyName':'Lee'},'active':true,"
        + "'emails':[{'value':'" + userName + "@example.com','type':'work','primary':true}]}")).id();
  }

  private static void deactivate(ScimEngine engine, String id) throws Exception {
    engine.patch(CONTEXT, ResourceKind.USER, id, json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
        + "'Operations':[{'op':'replace','path':'active','value':false}]}"), java.util.OptionalLong.empty());
  }

  private List<OutboxEvent> pending() throws ScimException {
    return tenant.outbox().orElseThrow().pending(100);
  }

  @Test
  @DisplayName("delivers a change's events before the request returns and empties the outbox")
  void deliversAfterCommit() throws Exception {
    List<EventDelivery> seen = new CopyOnWriteArrayList<>();
    ScimEngine engine = engine(FAST, seen::add);

    String id = createUser(engine, "ann");

    assertThat(seen).singleElement().satisfies(delivery -> {
      assertThat(delivery.attempt()).isEqualTo(1);
      assertThat(delivery.event()).isInstanceOf(LifecycleEvent.UserCreated.class);
      assertThat(delivery.event().resourceId()).isEqualTo(id);
    });
    assertThat(pending()).isEmpty();
  }

  @Test
  @DisplayName("retries a failed event with the same id and keeps the resource's later events behind it")
  void retriesInOrder() throws Exception {
    List<EventDelivery> seen = new CopyOnWriteArrayList<>();
    AtomicInteger failures = new AtomicInteger(2);
    CountDownLatch deactivated = new CountDownLatch(1);
    ScimEngine engine = engine(FAST, delivery -> {
      seen.add(delivery);
      if (delivery.event() instanceof LifecycleEvent.UserCreated && failures.getAndDecrement() > 0) {
        throw new IllegalStateException("mail server down");
      }
      if (delivery.event() instanceof LifecycleEvent.UserDeactivated) {
        deactivated.countDown();
      }
    });

    String id = createUser(engine, "ann");
    deactivate(engine, id);

    assertThat(deactivated.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    List<String> order = seen.stream().map(d -> d.event().getClass().getSimpleName() + "#" + d.attempt()).toList();
    assertThat(order).containsExactly("UserCreated#1", "UserCreated#2", "UserCreated#3", "UserUpdated#1",
        "UserDeactivated#1");
    assertThat(seen.subList(0, 3)).extracting(EventDelivery::eventId).containsOnly(seen.get(0).eventId());
    awaitEmptyOutbox(); // the retry thread marks the last delivery done after the listener returns
  }

  @Test
  @DisplayName("parks an event that fails every attempt and goes on with the next ones")
  void parksAfterTheLastAttempt() throws Exception {
    List<EventDelivery> seen = new CopyOnWriteArrayList<>();
    CountDownLatch third = new CountDownLatch(3);
    ScimEngine engine = engine(new OutboxRetry(Duration.ofMillis(10), Duration.ofMillis(10), 3), delivery -> {
      seen.add(delivery);
      third.countDown();
      throw new IllegalStateException("always down");
    });

    createUser(engine, "ann");

    assertThat(third.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    awaitEmptyOutbox();
    assertThat(seen).extracting(EventDelivery::attempt).containsExactly(1, 2, 3);
  }

  @Test
  @DisplayName("delivers, when a new engine starts, what an earlier one left in the outbox, intact")
  void deliversLeftoversAtStart() throws Exception {
    ScimEngine crashed = engine(new OutboxRetry(Duration.ofMillis(200), Duration.ofMillis(200), 5), delivery -> {
      throw new IllegalStateException("the process dies before delivery");
    });
    String id = createUser(crashed, "ann");
    crashed.close();
    String eventId = pending().get(0).eventId();

    List<EventDelivery> seen = new CopyOnWriteArrayList<>();
    CountDownLatch delivered = new CountDownLatch(1);
    engine(FAST, delivery -> {
      seen.add(delivery);
      delivered.countDown();
    });

    assertThat(delivered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    EventDelivery delivery = seen.get(0);
    assertThat(delivery.eventId()).isEqualTo(eventId);
    assertThat(delivery.attempt()).isEqualTo(2);
    ResourceRecord user = ((LifecycleEvent.UserCreated) delivery.event()).user();
    assertThat(user.id()).isEqualTo(id);
    assertThat(user).isEqualTo(tenant.users().get(id).orElseThrow());
    awaitEmptyOutbox();
  }

  @Test
  @DisplayName("records nothing when the change fails")
  void nothingForAFailedChange() throws Exception {
    List<EventDelivery> seen = new CopyOnWriteArrayList<>();
    ScimEngine engine = engine(FAST, seen::add);
    createUser(engine, "ann");
    seen.clear();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> createUser(engine, "ANN"))
        .isInstanceOf(ScimException.class);

    assertThat(seen).isEmpty();
    assertThat(pending()).isEmpty();
  }

  private void awaitEmptyOutbox() {
    await("outbox emptied").atMost(WAIT).until(() -> pending().isEmpty());
  }
}
