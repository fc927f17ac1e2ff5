package io.github.scimkit.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scimkit.core.event.LifecycleEvent;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.BinaryValue;
import io.github.scimkit.core.store.ComplexValue;
import io.github.scimkit.core.store.ResourceRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventCodecTest {

  private static final Instant AT = Instant.parse("2024-05-01T10:15:30.123Z");

  private static ResourceRecord record(String id) {
    return new ResourceRecord(id, 3, AT, AT.plusSeconds(5), Attributes.of(Map.of(
        "userName", "ann",
        "active", true,
        "count", 42L,
        "ratio", new BigDecimal("1.50"),
        "seen", AT,
        "photo", BinaryValue.of(new byte[] {0, 1, (byte) 255}),
        "name", ComplexValue.of("givenName", "Ann", "primary", false),
        "emails", List.of(ComplexValue.of("value", "a@example.com", "type", "work"), ComplexValue.of("value", "b@x")),
        "tags", List.of("x", "y"))));
  }

  @Test
  void everyEventComesBackEqual() {
    List<LifecycleEvent> events = List.of(
        new LifecycleEvent.UserCreated("t", "u1", "c", AT, record("u1")),
        new LifecycleEvent.UserUpdated("t", "u1", "c", AT, record("u1"), record("u1")),
        new LifecycleEvent.UserDeactivated("t", "u1", "c", AT),
        new LifecycleEvent.UserReactivated("t", "u1", "c", AT),
        new LifecycleEvent.UserDeleted("t", "u1", "c", AT),
        new LifecycleEvent.GroupCreated("t", "g1", "c", AT, record("g1")),
        new LifecycleEvent.GroupUpdated("t", "g1", "c", AT, record("g1"), record("g1")),
        new LifecycleEvent.GroupDeleted("t", "g1", "c", AT),
        new LifecycleEvent.MembersAdded("t", "g1", "c", AT, Set.of("u1", "u2")),
        new LifecycleEvent.MembersRemoved("t", "g1", "c", AT, Set.of("u3")));

    for (LifecycleEvent event : events) {
      assertThat(EventCodec.decode(EventCodec.encode(event))).isEqualTo(event);
    }
  }
}
