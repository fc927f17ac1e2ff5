package io.github.scimkit.store.jdbc;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.EventOutbox;
import io.github.scimkit.core.store.OutboxEvent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One tenant's outbox in {@code scim_outbox}. An append runs on the unit of work's connection, so
 * the events commit or roll back with the change; the sequence is the table's identity column.
 */
final class JdbcEventOutbox implements EventOutbox {

  private final Transactions transactions;
  private final String tenantId;

  JdbcEventOutbox(Transactions transactions, String tenantId) {
    this.transactions = transactions;
    this.tenantId = tenantId;
  }

  @Override
  public void append(List<OutboxEvent> events) throws ScimException {
    if (events.isEmpty()) {
      return;
    }
    transactions.write(connection -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO scim_outbox (tenant_id, event_id,"
          + " resource_id, event_type, payload, occurred_ms, attempts, next_attempt_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (OutboxEvent event : events) {
          Sql.bindAll(insert, List.of(tenantId, event.eventId(), event.resourceId(), event.type(), event.payload(),
              event.occurredAt().toEpochMilli(), event.attempts(), event.nextAttemptAt().toEpochMilli()));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      return null;
    });
  }

  @Override
  public List<OutboxEvent> pending(int limit) throws ScimException {
    return transactions.read(connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT sequence_no, event_id, resource_id,"
          + " event_type, payload, occurred_ms, attempts, next_attempt_ms FROM scim_outbox"
          + " WHERE tenant_id = ? AND next_attempt_ms IS NOT NULL ORDER BY sequence_no FETCH FIRST ? ROWS ONLY")) {
        select.setString(1, tenantId);
        select.setInt(2, limit);
        List<OutboxEvent> events = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            events.add(new OutboxEvent(row.getLong(1), row.getString(2), tenantId, row.getString(3), row.getString(4),
                row.getString(5), Instant.ofEpochMilli(row.getLong(6)), row.getInt(7),
                Instant.ofEpochMilli(row.getLong(8))));
          }
        }
        return events;
      }
    });
  }

  @Override
  public void delivered(long sequence) throws ScimException {
    transactions.write(connection -> {
      try (PreparedStatement delete =
          connection.prepareStatement("DELETE FROM scim_outbox WHERE tenant_id = ? AND sequence_no = ?")) {
        Sql.bindAll(delete, List.of(tenantId, sequence));
        return delete.executeUpdate();
      }
    });
  }

  @Override
  public void failed(long sequence, int attempts, Optional<Instant> nextAttemptAt) throws ScimException {
    transactions.write(connection -> {
      try (PreparedStatement update = connection.prepareStatement("UPDATE scim_outbox SET attempts = ?,"
          + " next_attempt_ms = ? WHERE tenant_id = ? AND sequence_no = ?")) {
        Sql.bindAll(update, List.of(attempts,
            nextAttemptAt.<Object>map(Instant::toEpochMilli).orElse(Sql.Null.BIGINT), tenantId, sequence));
        return update.executeUpdate();
      }
    });
  }
}
