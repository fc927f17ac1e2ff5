package io.github.scimkit.core.internal.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.types.SchemaResource;
import io.github.scimkit.core.engine.EntityTags;
import io.github.scimkit.core.engine.ResourceView;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.internal.dialect.ResourceSchema;
import io.github.scimkit.core.mapping.ResourceMapping;
import io.github.scimkit.core.store.RecordStore;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.TenantStores;
import java.util.List;

/**
 * What the engine knows about one resource kind: its mapping, its schema lookup, its store, and
 * how its records look in SCIM.
 */
public final class ResourceSupport {

  private final ResourceKind kind;
  private final ResourceMapping mapping;
  private final ResourceSchema schema;

  /**
   * Creates the support for one kind.
   *
   * @param kind users or groups
   * @param mapping the kind's mapping rules
   */
  public ResourceSupport(ResourceKind kind, ResourceMapping mapping) {
    this.kind = kind;
    this.mapping = mapping;
    List<SchemaResource> schemas = mapping.schemas();
    this.schema = ResourceSchema.of(schemas.get(0), schemas.subList(1, schemas.size()).toArray(SchemaResource[]::new));
  }

  /**
   * Returns the kind.
   *
   * @return users or groups
   */
  public ResourceKind kind() {
    return kind;
  }

  /**
   * Returns the mapping rules.
   *
   * @return the mapping
   */
  public ResourceMapping mapping() {
    return mapping;
  }

  /**
   * Returns the schema lookup the normalisers use.
   *
   * @return the schema
   */
  public ResourceSchema schema() {
    return schema;
  }

  /**
   * Returns the kind's store among a tenant's stores.
   *
   * @param stores the tenant's stores
   * @return the user or group store
   */
  public RecordStore store(TenantStores stores) {
    return kind == ResourceKind.USER ? stores.users() : stores.groups();
  }

  /**
   * Returns a record's SCIM form, with {@code meta} but without location and members.
   *
   * @param record the record
   * @return the view
   */
  public ResourceView view(ResourceRecord record) {
    GenericScimResource resource = mapping.render(record);
    ObjectNode meta = resource.getObjectNode().putObject("meta");
    meta.put("resourceType", mapping.name());
    meta.put("created", record.created().toString());
    meta.put("lastModified", record.lastModified().toString());
    meta.put("version", EntityTags.of(record.version()));
    return new ResourceView(kind, record, resource);
  }
}
