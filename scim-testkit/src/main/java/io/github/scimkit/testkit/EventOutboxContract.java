package io.github.scimkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.EventOutbox;
import io.github.scimkit.core.store.OutboxEvent;
import io.github.scimkit.core.store.TenantStores;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link EventOutbox} keeps: appends commit and roll back with their unit of
 * work, events come back in append order with their fields intact, a delivered event goes, a
 * failed one keeps its place with the new attempt count and time, a parked one is no longer
 * pending, and tenants never see each other's events. Extend it and implement {@link
 * #newTenant()} like the store contracts; the tenant's stores must offer an outbox. Durability
 * across a restart is the store's own promise and is not checked here.
 */
public abstract class EventOutboxContract {

  private static final Instant T0 = Instant.parse("2024-05-01T10:15:30.123Z");

  private TenantStores tenant;
  /** Makes event ids unique across tests sharing a database: {@code label@run}. */
  private String run;

  /** Creates the contract; subclasses are JUnit test classes. */
  protected EventOutboxContract() {}

  /**
   * Returns the stores of a new, empty tenant, with its own id, whose {@link
   * TenantStores#outbox()} is present.
   *
   * @return a fresh tenant's stores
   */
  protected abstract TenantStores newTenant();

  @BeforeEach
  void openTenant() {
    tenant = newTenant();
    run = UUID.randomUUID().toString();
  }

  private String eventId(String label) {
    return label + "@" + run;
  }

  private static String label(OutboxEvent event) {
    return event.eventId().substring(0, event.eventId().indexOf('@'));
  }

  private EventOutbox outbox() {
    return outboxOf(tenant);
  }

  private static EventOutbox outboxOf(TenantStores stores) {
    Optional<EventOutbox> outbox = stores.outbox();
    assertThat(outbox).as("the tenant's outbox").isPresent();
    return outbox.get();
  }

  private OutboxEvent event(String id, String resource) {
    return OutboxEvent.fresh(eventId(id), tenant.tenantId(), resource, "UserCreated", "{\"n\":\"" + id + "\",\"é\":\"ü\"}", T0);
  }

  private void appendCommitted(OutboxEvent... events) throws ScimException {
    tenant.inTransaction(stores -> {
      outboxOf(stores).append(List.of(events));
      return null;
    });
  }

  private List<String> pendingIds() throws ScimException {
    return outbox().pending(100).stream().map(EventOutboxContract::label).toList();
  }

  @Test
  void committedEventsArePendingInAppendOrderWithTheirFields() throws ScimException {
    appendCommitted(event("e1", "u1"), event("e2", "u2"));
    appendCommitted(event("e3", "u1"));

    List<OutboxEvent> pending = outbox().pending(100);
    assertThat(pending).extracting(EventOutboxContract::label).containsExactly("e1", "e2", "e3");
    assertThat(pending.get(0).sequence()).isPositive();
    assertThat(pending.get(1).sequence()).isGreaterThan(pending.get(0).sequence());
    assertThat(pending.get(2).sequence()).isGreaterThan(pending.get(1).sequence());
    OutboxEvent first = pending.get(0);
    assertThat(first.withSequence(0)).isEqualTo(event("e1", "u1"));
    assertThat(first.attempts()).isZero();
  }

  @Test
  void eventsOfAUnitThatFailsAreNeverPending() throws ScimException {
    assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> tenant.inTransaction(stores -> {
      outboxOf(stores).append(List.of(event("lost", "u1")));
      throw BadRequestException.invalidValue("the change fails after its events were appended");
    }));

    assertThat(pendingIds()).isEmpty();
  }

  @Test
  void pendingReturnsAtMostTheLimitLowestSequenceFirst() throws ScimException {
    appendCommitted(event("e1", "u1"), event("e2", "u1"), event("e3", "u1"));

    assertThat(outbox().pending(2)).extracting(EventOutboxContract::label).containsExactly("e1", "e2");
  }

  @Test
  void aDeliveredEventGoesAndLaterAppendsStillComeAfter() throws ScimException {
    appendCommitted(event("e1", "u1"), event("e2", "u1"));
    List<OutboxEvent> before = outbox().pending(100);

    outbox().delivered(before.get(0).sequence());
    outbox().delivered(before.get(0).sequence());
    appendCommitted(event("e3", "u1"));

    List<OutboxEvent> after = outbox().pending(100);
    assertThat(after).extracting(EventOutboxContract::label).containsExactly("e2", "e3");
    assertThat(after.get(1).sequence()).isGreaterThan(before.get(1).sequence());
  }

  @Test
  void aFailedEventKeepsItsPlaceWithItsAttemptsAndNextTime() throws ScimException {
    appendCommitted(event("e1", "u1"), event("e2", "u1"));
    long first = outbox().pending(100).get(0).sequence();
    Instant retryAt = T0.plusSeconds(30);

    outbox().failed(first, 2, Optional.of(retryAt));

    OutboxEvent failed = outbox().pending(100).get(0);
    assertThat(label(failed)).isEqualTo("e1");
    assertThat(failed.sequence()).isEqualTo(first);
    assertThat(failed.attempts()).isEqualTo(2);
    assertThat(failed.nextAttemptAt()).isEqualTo(retryAt);
  }

  @Test
  void aParkedEventIsNoLongerPending() throws ScimException {
    appendCommitted(event("e1", "u1"), event("e2", "u1"));

    outbox().failed(outbox().pending(100).get(0).sequence(), 5, Optional.empty());

    assertThat(pendingIds()).containsExactly("e2");
  }

  @Test
  void tenantsNeverSeeEachOthersEvents() throws ScimException {
    TenantStores other = newTenant();
    appendCommitted(event("mine", "u1"));
    other.inTransaction(stores -> {
      outboxOf(stores).append(List.of(
          OutboxEvent.fresh(eventId("theirs"), other.tenantId(), "u1", "UserCreated", "{}", T0)));
      return null;
    });

    assertThat(pendingIds()).containsExactly("mine");
    assertThat(outboxOf(other).pending(100)).extracting(EventOutboxContract::label).containsExactly("theirs");
    outboxOf(other).delivered(outboxOf(other).pending(100).get(0).sequence());
    assertThat(pendingIds()).containsExactly("mine");
  }
}
