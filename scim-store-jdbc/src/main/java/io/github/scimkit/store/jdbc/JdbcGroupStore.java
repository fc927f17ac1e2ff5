package io.github.scimkit.store.jdbc;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.GroupStore;
import io.github.scimkit.core.store.MemberQuery;
import io.github.scimkit.core.store.MembershipChange;
import io.github.scimkit.core.store.MembershipResult;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.ResultPage;
import io.github.scimkit.core.store.query.PageRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One tenant's groups, with their members in {@code scim_member}.
 *
 * <p>A delta locks the group's row ({@code SELECT ... FOR UPDATE}), so deltas on one group run
 * one after another and never lose each other's members; it then touches only the named members'
 * rows, and raises the group's version once when something changed.
 */
final class JdbcGroupStore extends JdbcRecordStore implements GroupStore {

  private static final String INSERT_ABSENT = "INSERT INTO scim_member (tenant_id, group_id, member_id) "
      + "SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM scim_member WHERE tenant_id = ? AND group_id = ? AND member_id = ?)";
  private static final String DELETE_ONE = "DELETE FROM scim_member WHERE tenant_id = ? AND group_id = ? AND member_id = ?";

  JdbcGroupStore(JdbcStoreProvider provider, String tenantId) {
    super(provider, tenantId, "Group");
  }

  @Override
  public MembershipResult addMembers(MembershipChange change) throws ScimException {
    Objects.requireNonNull(change, "change");
    return transactions.write(connection -> {
      lockGroup(connection, change.groupId());
      Set<String> added = insertAbsent(connection, change.groupId(), change.memberIds());
      return finish(connection, change, added, Set.of());
    });
  }

  @Override
  public MembershipResult removeMembers(MembershipChange change) throws ScimException {
    Objects.requireNonNull(change, "change");
    return transactions.write(connection -> {
      lockGroup(connection, change.groupId());
      Set<String> removed = deletePresent(connection, change.groupId(), change.memberIds());
      return finish(connection, change, Set.of(), removed);
    });
  }

  @Override
  public MembershipResult replaceMembers(MembershipChange change) throws ScimException {
    Objects.requireNonNull(change, "change");
    return transactions.write(connection -> {
      lockGroup(connection, change.groupId());
      Set<String> current = new HashSet<>();
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT member_id FROM scim_member WHERE tenant_id = ? AND group_id = ?")) {
        Sql.bindAll(select, List.of(tenantId, change.groupId()));
        select.setFetchSize(provider.fetchSize());
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            current.add(rows.getString(1));
          }
        }
      }
      Set<String> toRemove = new LinkedHashSet<>(current);
      toRemove.removeAll(change.memberIds());
      Set<String> toAdd = new LinkedHashSet<>(change.memberIds());
      toAdd.removeAll(current);
      Set<String> removed = deletePresent(connection, change.groupId(), toRemove);
      Set<String> added = insertAbsent(connection, change.groupId(), toAdd);
      return finish(connection, change, added, removed);
    });
  }

  private void lockGroup(Connection connection, String groupId) throws SQLException, ScimException {
    try (PreparedStatement select = prepare(connection,
        new Sql().append("SELECT version FROM scim_resource WHERE ").append(key(groupId)).append(" FOR UPDATE"));
        ResultSet row = select.executeQuery()) {
      if (!row.next()) {
        throw new ResourceNotFoundException("No Group with id " + groupId);
      }
    }
  }

  private Set<String> insertAbsent(Connection connection, String groupId, Set<String> memberIds) throws SQLException {
    if (memberIds.isEmpty()) {
      return Set.of();
    }
    List<String> ordered = new ArrayList<>(memberIds);
    int[] counts;
    try (PreparedStatement insert = connection.prepareStatement(INSERT_ABSENT)) {
      for (String memberId : ordered) {
        Sql.bindAll(insert, List.of(tenantId, groupId, memberId, tenantId, groupId, memberId));
        insert.addBatch();
      }
      counts = insert.executeBatch();
    }
    return changed(ordered, counts);
  }

  private Set<String> deletePresent(Connection connection, String groupId, Set<String> memberIds) throws SQLException {
    if (memberIds.isEmpty()) {
      return Set.of();
    }
    List<String> ordered = new ArrayList<>(memberIds);
    int[] counts;
    try (PreparedStatement delete = connection.prepareStatement(DELETE_ONE)) {
      for (String memberId : ordered) {
        Sql.bindAll(delete, List.of(tenantId, groupId, memberId));
        delete.addBatch();
      }
      counts = delete.executeBatch();
    }
    return changed(ordered, counts);
  }

  private static Set<String> changed(List<String> ids, int[] counts) throws SQLException {
    Set<String> changed = new LinkedHashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      if (counts[i] > 0) {
        changed.add(ids.get(i));
      } else if (counts[i] < 0) {
        throw new SQLException("The driver did not report which membership rows changed");
      }
    }
    return changed;
  }

  private MembershipResult finish(Connection connection, MembershipChange change, Set<String> added, Set<String> removed)
      throws SQLException {
    if (!added.isEmpty() || !removed.isEmpty()) {
      execute(connection, new Sql().append("UPDATE scim_resource SET version = version + 1, last_modified_ms = ")
          .param(change.modifiedAt().toEpochMilli()).append(" WHERE ").append(key(change.groupId())));
    }
    ResourceRecord group = load(connection, change.groupId()).orElseThrow();
    return new MembershipResult(group, added, removed);
  }

  @Override
  public ResultPage<String> members(MemberQuery query) throws ScimException {
    Objects.requireNonNull(query, "query");
    String groupId = query.groupId();
    PageRequest page = query.page();
    String after = page instanceof PageRequest.Keyset keyset && keyset.token() != null
        ? memberAfter(keyset.token(), groupId) : null;
    return transactions.streamed(lease -> {
      Connection connection = lease.connection();
      try (PreparedStatement select = prepare(connection,
          new Sql().append("SELECT 1 FROM scim_resource WHERE ").append(key(groupId)));
          ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          throw new ResourceNotFoundException("No Group with id " + groupId);
        }
      }
      Sql members = new Sql().append(" FROM scim_member WHERE tenant_id = ").param(tenantId)
          .append(" AND group_id = ").param(groupId);
      OptionalLong total = OptionalLong.empty();
      if (!(page instanceof PageRequest.Keyset)) {
        try (PreparedStatement select = prepare(connection, new Sql().append("SELECT COUNT(*)").append(members));
            ResultSet row = select.executeQuery()) {
          row.next();
          total = OptionalLong.of(row.getLong(1));
        }
        if (page instanceof PageRequest.CountOnly || ((PageRequest.Offset) page).count() == 0) {
          lease.close();
          return ResultPage.of(List.of(), total, Optional.empty());
        }
      }
      Sql sql = new Sql().append("SELECT member_id").append(members);
      int limit;
      if (page instanceof PageRequest.Offset offset) {
        limit = offset.count();
        sql.append(" ORDER BY member_id OFFSET ").param(offset.offset())
            .append(" ROWS FETCH NEXT ").param(offset.count()).append(" ROWS ONLY");
      } else {
        limit = ((PageRequest.Keyset) page).count();
        if (after != null) {
          sql.append(" AND member_id > ").param(after);
        }
        sql.append(" ORDER BY member_id FETCH FIRST ").param((long) limit + 1).append(" ROWS ONLY");
      }
      PreparedStatement statement = prepare(connection, sql);
      statement.setFetchSize(provider.fetchSize());
      return new StreamingPage<>(lease, statement,
          cursor -> {
            String memberId = cursor.rows.getString(1);
            cursor.advance();
            return new StreamingPage.Item<>(memberId, memberId);
          },
          limit, total,
          page instanceof PageRequest.Keyset
              ? position -> PageTokens.encode(List.of("m1", groupId, position == null ? "^" : ">" + position))
              : null,
          after, provider.rowsReadCounter());
    });
  }

  /** The member id a keyset token of the group's member pages starts after, or null for the first page. */
  private static String memberAfter(String token, String groupId) throws BadRequestException {
    List<String> fields = PageTokens.decode(token, "m1", 3);
    if (!fields.get(1).equals(groupId)) {
      throw PageTokens.invalid();
    }
    return fields.get(2).equals("^") ? null : fields.get(2).substring(1);
  }

  @Override
  public boolean isMember(String groupId, String memberId) throws ScimException {
    return transactions.read(connection -> {
      try (PreparedStatement select = prepare(connection, new Sql()
          .append("SELECT 1 FROM scim_member WHERE tenant_id = ").param(tenantId)
          .append(" AND group_id = ").param(groupId).append(" AND member_id = ").param(memberId));
          ResultSet row = select.executeQuery()) {
        return row.next();
      }
    });
  }

  @Override
  public Stream<String> groupsOf(String memberId) throws ScimException {
    Transactions.Lease lease = transactions.lease();
    try {
      PreparedStatement select = prepare(lease.connection(), new Sql()
          .append("SELECT group_id FROM scim_member WHERE tenant_id = ").param(tenantId)
          .append(" AND member_id = ").param(memberId).append(" ORDER BY group_id"));
      select.setFetchSize(provider.fetchSize());
      ResultSet rows = select.executeQuery();
      Spliterator<String> spliterator = new Spliterators.AbstractSpliterator<String>(Long.MAX_VALUE, Spliterator.ORDERED) {
        @Override
        public boolean tryAdvance(Consumer<? super String> action) {
          try {
            if (!rows.next()) {
              return false;
            }
            action.accept(rows.getString(1));
            return true;
          } catch (SQLException e) {
            throw new IllegalStateException("Reading a user's groups failed", SqlErrors.unavailable(e));
          }
        }
      };
      return StreamSupport.stream(spliterator, false).onClose(() -> {
        try {
          select.close();
        } catch (SQLException ignored) {
          // The connection is released regardless.
        }
        lease.close();
      });
    } catch (SQLException e) {
      lease.close();
      throw SqlErrors.map(e);
    }
  }

  /** The groups of the members with their value rows: one member-index probe per member id. */
  Sql groupsOfMembersQuery(Set<String> memberIds) {
    return new Sql().append("SELECT m.member_id, r.id, r.version, r.created_ms, r.last_modified_ms, "
            + ValueRows.COLUMNS + " FROM ").idTable(List.copyOf(memberIds), "wanted")
        .append(" JOIN scim_member m ON m.tenant_id = ").param(tenantId).append(" AND m.member_id = wanted.id"
            + " JOIN scim_resource r ON r.tenant_id = m.tenant_id AND r.kind = m.group_kind AND r.id = m.group_id"
            + " LEFT JOIN scim_value v ON v.tenant_id = r.tenant_id AND v.kind = r.kind AND v.resource_id = r.id"
            + " ORDER BY m.member_id, r.id, v.attribute, v.ordinal, v.sub_attribute");
  }

  @Override
  public Map<String, List<ResourceRecord>> groupsOfMembers(Set<String> memberIds) throws ScimException {
    Objects.requireNonNull(memberIds, "memberIds");
    if (memberIds.isEmpty()) {
      return Map.of();
    }
    Sql sql = groupsOfMembersQuery(memberIds);
    return transactions.read(connection -> {
      Map<String, List<ResourceRecord>> result = new HashMap<>();
      try (PreparedStatement select = prepare(connection, sql); ResultSet rows = select.executeQuery()) {
        boolean onRow = rows.next();
        while (onRow) {
          String memberId = rows.getString(1);
          String groupId = rows.getString(2);
          long version = rows.getLong(3);
          Instant created = Instant.ofEpochMilli(rows.getLong(4));
          Instant modified = Instant.ofEpochMilli(rows.getLong(5));
          ValueRows.Collector values = new ValueRows.Collector();
          do {
            values.add(rows, 6);
            onRow = rows.next();
          } while (onRow && memberId.equals(rows.getString(1)) && groupId.equals(rows.getString(2)));
          result.computeIfAbsent(memberId, unused -> new ArrayList<>())
              .add(new ResourceRecord(groupId, version, created, modified, values.build()));
        }
      }
      return result;
    });
  }
}
