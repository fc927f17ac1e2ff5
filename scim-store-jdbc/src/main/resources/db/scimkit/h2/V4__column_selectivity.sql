-- ScimKit JDBC store, schema version 4 (H2 only; PostgreSQL has no version 4).
-- Until H2 has analyzed a table, every column has the default selectivity (50), and with it
-- H2 2.3 runs an UPDATE or DELETE of one scim_resource row by its primary key through the tenant
-- foreign key's index, reading every resource of the tenant (a group's membership change cost
-- O(tenant size)). The leading columns of the keys hold few distinct values, which these
-- statements say; ANALYZE, manual or automatic, later replaces them with measured values.
ALTER TABLE scim_resource ALTER COLUMN tenant_id SELECTIVITY 1;
ALTER TABLE scim_resource ALTER COLUMN kind SELECTIVITY 1;
ALTER TABLE scim_value ALTER COLUMN tenant_id SELECTIVITY 1;
ALTER TABLE scim_value ALTER COLUMN kind SELECTIVITY 1;
ALTER TABLE scim_unique ALTER COLUMN tenant_id SELECTIVITY 1;
ALTER TABLE scim_unique ALTER COLUMN kind SELECTIVITY 1;
ALTER TABLE scim_member ALTER COLUMN tenant_id SELECTIVITY 1;
ALTER TABLE scim_member ALTER COLUMN group_kind SELECTIVITY 1;
