-- ScimKit JDBC store, schema version 2 (PostgreSQL).
-- Per-tenant, per-kind record counts, kept in the same transaction as each create and delete,
-- so an unfiltered list reads its total from at most 8 rows instead of counting the tenant.
-- The count is split over 8 shards (chosen by the record id's hash) so that concurrent creates
-- in one tenant rarely wait for the same row. A tenant without count rows is counted with COUNT(*).
CREATE TABLE scim_count (
  tenant_id     VARCHAR(255) COLLATE "C" NOT NULL,
  kind          VARCHAR(8) COLLATE "C" NOT NULL,
  shard         INTEGER NOT NULL,
  record_count  BIGINT NOT NULL,
  CONSTRAINT scim_count_pk PRIMARY KEY (tenant_id, kind, shard),
  CONSTRAINT scim_count_tenant_fk FOREIGN KEY (tenant_id)
    REFERENCES scim_tenant (tenant_id) ON DELETE CASCADE
);

INSERT INTO scim_count (tenant_id, kind, shard, record_count)
SELECT t.tenant_id, k.kind, s.shard,
  CASE WHEN s.shard = 0
    THEN (SELECT COUNT(*) FROM scim_resource r WHERE r.tenant_id = t.tenant_id AND r.kind = k.kind)
    ELSE 0 END
FROM scim_tenant t
CROSS JOIN (VALUES ('User'), ('Group')) AS k(kind)
CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7)) AS s(shard);
