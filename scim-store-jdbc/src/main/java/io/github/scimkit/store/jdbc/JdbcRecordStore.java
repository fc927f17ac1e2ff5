package io.github.scimkit.store.jdbc;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.store.NewRecord;
import io.github.scimkit.core.store.RecordDeletion;
import io.github.scimkit.core.store.RecordStore;
import io.github.scimkit.core.store.RecordUpdate;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.ResultPage;
import io.github.scimkit.core.store.query.Condition;
import io.github.scimkit.core.store.query.PageRequest;
import io.github.scimkit.core.store.query.StoreQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** The record half of both stores: one tenant's records of one kind ({@code User} or {@code Group}). */
abstract class JdbcRecordStore implements RecordStore {

  final JdbcStoreProvider provider;
  final Transactions transactions;
  final String tenantId;
  final String kind;

  JdbcRecordStore(JdbcStoreProvider provider, String tenantId, String kind) {
    this.provider = provider;
    this.transactions = provider.transactions();
    this.tenantId = tenantId;
    this.kind = kind;
  }

  @Override
  public ResourceRecord create(NewRecord record) throws ScimException {
    Objects.requireNonNull(record, "record");
    Instant created = record.created();
    return transactions.write(connection -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO scim_resource "
          + "(tenant_id, kind, id, id_folded, version, created_ms, last_modified_ms) VALUES (?, ?, ?, ?, 1, ?, ?)")) {
        Sql.bindAll(insert, List.of(tenantId, kind, record.id(), ValueRows.fold(record.id()),
            created.toEpochMilli(), created.toEpochMilli()));
        insert.executeUpdate();
      }
      UniqueClaims.claim(connection, tenantId, kind, record.id(), record.attributes(), record.uniqueAttributes());
      ValueRows.insert(connection, tenantId, kind, record.id(), record.attributes());
      RecordCounts.adjust(connection, tenantId, kind, record.id(), 1);
      return new ResourceRecord(record.id(), 1, created, created, record.attributes());
    });
  }

  @Override
  public Optional<ResourceRecord> get(String id) throws ScimException {
    Objects.requireNonNull(id, "id");
    return transactions.read(connection -> load(connection, id));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Inside a unit of work this first locks the record's row ({@code SELECT ... FOR UPDATE}):
   * a concurrent writer of the same record waits until this unit ends, within the statement
   * budget, and then reads what it committed.
   */
  @Override
  public Optional<ResourceRecord> getForUpdate(String id) throws ScimException {
    Objects.requireNonNull(id, "id");
    return transactions.read(connection -> {
      if (!connection.getAutoCommit()) {
        try (PreparedStatement lock = prepare(connection,
            new Sql().append("SELECT version FROM scim_resource WHERE ").append(key(id)).append(" FOR UPDATE"));
            ResultSet row = lock.executeQuery()) {
          if (!row.next()) {
            return Optional.empty();
          }
        }
      }
      return load(connection, id);
    });
  }

  /** Loads one record with its values in one query. */
  Optional<ResourceRecord> load(Connection connection, String id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT r.id, r.version, r.created_ms, "
        + "r.last_modified_ms, " + ValueRows.COLUMNS + " FROM scim_resource r LEFT JOIN scim_value v "
        + "ON v.tenant_id = r.tenant_id AND v.kind = r.kind AND v.resource_id = r.id "
        + "WHERE r.tenant_id = ? AND r.kind = ? AND r.id = ? ORDER BY v.attribute, v.ordinal, v.sub_attribute")) {
      Sql.bindAll(select, List.of(tenantId, kind, id));
      try (ResultSet rows = select.executeQuery()) {
        StreamingPage.Cursor cursor = new StreamingPage.Cursor(rows);
        if (!cursor.onRow) {
          return Optional.empty();
        }
        return Optional.of(readRecord(cursor, null));
      }
    }
  }

  /**
   * Reads the record whose first row the cursor is on: id, version, created and modified in
   * columns 1 to 4, then the sort keys (when {@code sort} is given), then the value columns.
   */
  private static ResourceRecord readRecord(StreamingPage.Cursor cursor, SortSql sort) throws SQLException {
    ResultSet row = cursor.rows;
    String id = row.getString(1);
    long version = row.getLong(2);
    Instant created = Instant.ofEpochMilli(row.getLong(3));
    Instant modified = Instant.ofEpochMilli(row.getLong(4));
    int valuesAt = 5 + (sort == null ? 0 : sort.keyCount());
    ValueRows.Collector values = new ValueRows.Collector();
    do {
      values.add(row, valuesAt);
      cursor.advance();
    } while (cursor.onRow && id.equals(row.getString(1)));
    return new ResourceRecord(id, version, created, modified, values.build());
  }

  @Override
  public ResourceRecord replace(RecordUpdate update) throws ScimException {
    Objects.requireNonNull(update, "update");
    return transactions.write(connection -> {
      Sql sql = new Sql().append("UPDATE scim_resource SET version = version + 1, last_modified_ms = ")
          .param(update.lastModified().toEpochMilli()).append(" WHERE ").append(key(update.id()));
      if (update.expectedVersion().isPresent()) {
        sql.append(" AND version = ").param(update.expectedVersion().getAsLong());
      }
      if (execute(connection, sql) == 0) {
        throw missingOrStale(connection, update.id());
      }
      long version;
      Instant created;
      try (PreparedStatement select = prepare(connection,
          new Sql().append("SELECT version, created_ms FROM scim_resource WHERE ").append(key(update.id())));
          ResultSet row = select.executeQuery()) {
        row.next();
        version = row.getLong(1);
        created = Instant.ofEpochMilli(row.getLong(2));
      }
      UniqueClaims.release(connection, tenantId, kind, update.id());
      UniqueClaims.claim(connection, tenantId, kind, update.id(), update.attributes(), update.uniqueAttributes());
      execute(connection, new Sql().append("DELETE FROM scim_value WHERE tenant_id = ").param(tenantId)
          .append(" AND kind = ").param(kind).append(" AND resource_id = ").param(update.id()));
      ValueRows.insert(connection, tenantId, kind, update.id(), update.attributes());
      return new ResourceRecord(update.id(), version, created, update.lastModified(), update.attributes());
    });
  }

  @Override
  public void delete(RecordDeletion deletion) throws ScimException {
    Objects.requireNonNull(deletion, "deletion");
    transactions.write(connection -> {
      Sql sql = new Sql().append("DELETE FROM scim_resource WHERE ").append(key(deletion.id()));
      if (deletion.expectedVersion().isPresent()) {
        sql.append(" AND version = ").param(deletion.expectedVersion().getAsLong());
      }
      if (execute(connection, sql) == 0) {
        throw missingOrStale(connection, deletion.id());
      }
      afterDelete(connection, deletion.id());
      RecordCounts.adjust(connection, tenantId, kind, deletion.id(), -1);
      return null;
    });
  }

  /** Cleans up after a record is deleted; its values, unique claims and (for groups) members cascade. */
  void afterDelete(Connection connection, String id) throws SQLException {}

  @Override
  public ResultPage<ResourceRecord> search(StoreQuery query) throws ScimException {
    Objects.requireNonNull(query, "query");
    SortSql sort = new SortSql(query.sort());
    PageRequest page = query.page();
    String fingerprint = Integer.toHexString(Objects.hash(query.condition(), query.sort()));
    SortSql.Position after = page instanceof PageRequest.Keyset keyset && keyset.token() != null
        ? decode(keyset.token(), fingerprint) : null;
    FilterSql.Query where = FilterSql.query(query.condition(), tenantId, kind);
    return transactions.streamed(lease -> {
      Connection connection = lease.connection();
      OptionalLong total = OptionalLong.empty();
      if (!(page instanceof PageRequest.Keyset)) {
        total = query.condition() == Condition.all()
            ? RecordCounts.read(connection, tenantId, kind) : OptionalLong.empty();
        if (total.isEmpty()) {
          total = OptionalLong.of(count(connection, where));
        }
        if (page instanceof PageRequest.CountOnly || ((PageRequest.Offset) page).count() == 0) {
          lease.close();
          return ResultPage.of(List.of(), total, Optional.empty());
        }
      }
      Sql sql = pageQuery(sort, where, page, after, provider.isH2(connection));
      PreparedStatement statement = prepare(connection, sql);
      statement.setFetchSize(provider.fetchSize());
      int limit = page instanceof PageRequest.Offset offset ? offset.count() : ((PageRequest.Keyset) page).count();
      Object start = after;
      return new StreamingPage<>(lease, statement,
          cursor -> {
            SortSql.Position position = sort.position(cursor.rows, 5, cursor.rows.getString(1));
            return new StreamingPage.Item<>(readRecord(cursor, sort), position);
          },
          limit, total,
          page instanceof PageRequest.Keyset ? position -> encode(fingerprint, (SortSql.Position) position) : null,
          start);
    });
  }

  /** The count and page query of an offset search, as {@link #search} would run them; for tests. */
  List<Sql> offsetQueries(StoreQuery query) throws ScimException {
    FilterSql.Query where = FilterSql.query(query.condition(), tenantId, kind);
    boolean h2 = transactions.read(provider::isH2);
    return List.of(countQuery(where),
        pageQuery(new SortSql(query.sort()), where, query.page(), null, h2));
  }

  /**
   * Builds the page query: the page of matching records, joined with their value rows. On H2, an
   * unfiltered page in case-exact id order names the index {@code scim_resource_order}: offered
   * the tenant foreign key's index as well, H2 2.3 reads the primary key seeking on tenant_id
   * alone and steps over every record before the position.
   */
  Sql pageQuery(SortSql sort, FilterSql.Query where, PageRequest page, SortSql.Position after, boolean h2)
      throws BadRequestException {
    Sql from = where.from();
    if (h2 && sort.byExactId() && from.text().equals("scim_resource r")) {
      from = new Sql().append("scim_resource r USE INDEX (scim_resource_order)");
    }
    Sql inner = new Sql().append("SELECT r.id AS rid, r.version AS rversion, r.created_ms AS rcreated, "
        + "r.last_modified_ms AS rmodified" + sort.selectKeys() + " FROM ").append(from)
        .append(sort.join()).append(" WHERE ").append(where.where());
    if (after != null) {
      inner.append(" AND ").append(sort.after(after));
    }
    if (where.driven()) {
      // Sorted in a derived table of its own: given an ORDER BY next to the join, H2 reads
      // scim_resource in primary-key order and probes the value subquery for every record of the
      // tenant, instead of starting from the few ids the value index finds.
      inner = new Sql().append("SELECT p.* FROM (").append(inner).append(") p ORDER BY " + sort.orderBy(true));
    } else {
      inner.append(" ORDER BY " + sort.orderBy(false, true));
    }
    if (page instanceof PageRequest.Offset offset) {
      inner.append(" OFFSET ").param(offset.offset()).append(" ROWS FETCH NEXT ").param(offset.count()).append(" ROWS ONLY");
    } else {
      inner.append(" FETCH FIRST ").param((long) ((PageRequest.Keyset) page).count() + 1).append(" ROWS ONLY");
    }
    StringBuilder keys = new StringBuilder();
    for (int i = 0; i < sort.keyCount(); i++) {
      keys.append(", p.k").append(i);
    }
    return new Sql().append("SELECT p.rid, p.rversion, p.rcreated, p.rmodified" + keys + ", "
        + ValueRows.COLUMNS + " FROM (").append(inner).append(") p LEFT JOIN scim_value v ON v.tenant_id = ")
        .param(tenantId).append(" AND v.kind = ").param(kind)
        .append(" AND v.resource_id = p.rid ORDER BY " + sort.orderBy(true) + ", v.attribute, v.ordinal, v.sub_attribute");
  }

  private static Sql countQuery(FilterSql.Query where) {
    return new Sql().append("SELECT COUNT(*) FROM ").append(where.from()).append(" WHERE ").append(where.where());
  }

  private static long count(Connection connection, FilterSql.Query where) throws SQLException {
    try (PreparedStatement select = prepare(connection, countQuery(where));
        ResultSet row = select.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  private static String encode(String fingerprint, SortSql.Position position) {
    if (position == null) {
      return PageTokens.encode(List.of("r1", fingerprint, "^", "", ""));
    }
    return PageTokens.encode(List.of("r1", fingerprint, Integer.toString(position.rank()), position.value(), position.id()));
  }

  private static SortSql.Position decode(String token, String fingerprint) throws BadRequestException {
    List<String> fields = PageTokens.decode(token, "r1", 5);
    if (!fields.get(1).equals(fingerprint)) {
      throw PageTokens.invalid();
    }
    if (fields.get(2).equals("^")) {
      return null;
    }
    try {
      return new SortSql.Position(Integer.parseInt(fields.get(2)), fields.get(3), fields.get(4));
    } catch (NumberFormatException e) {
      throw PageTokens.invalid();
    }
  }

  /** {@code tenant_id = ? AND kind = ? AND id = ?} for this store. */
  Sql key(String id) {
    return new Sql().append("tenant_id = ").param(tenantId).append(" AND kind = ").param(kind)
        .append(" AND id = ").param(id);
  }

  /** Tells 404 from 412 after a versioned write touched no row. */
  ScimException missingOrStale(Connection connection, String id) throws SQLException {
    try (PreparedStatement select = prepare(connection, new Sql().append("SELECT version FROM scim_resource WHERE ").append(key(id)));
        ResultSet row = select.executeQuery()) {
      if (row.next()) {
        return new PreconditionFailedException("The " + kind + " " + id + " is at version " + row.getLong(1)
            + ", not the expected one");
      }
      return new ResourceNotFoundException("No " + kind + " with id " + id);
    }
  }

  static PreparedStatement prepare(Connection connection, Sql sql) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql.text());
    try {
      sql.bind(statement);
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  static int execute(Connection connection, Sql sql) throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql)) {
      return statement.executeUpdate();
    }
  }
}
