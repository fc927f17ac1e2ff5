package io.github.scimkit.core.internal.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.types.SchemaResource;
import io.github.scimkit.core.resource.EntityTags;
import io.github.scimkit.core.resource.ResourceForm;
import io.github.scimkit.core.resource.ResourceView;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.internal.dialect.ResourceSchema;
import io.github.scimkit.core.mapping.ResourceMapping;
import io.github.scimkit.core.store.RecordStore;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.TenantStores;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * What the engine knows about one resource kind: its mapping, its schema lookup, its store, and
 * how its records look in SCIM.
 */
public final class ResourceSupport {

  private final ResourceKind kind;
  private final ResourceMapping mapping;
  private final ResourceSchema schema;
  private final ResourceForm form = new Form();

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
   * Reads a record of this kind. An id that breaks the input rule names no record, and no store
   * sees it.
   *
   * @param stores the tenant's stores
   * @param id the id
   * @return the record, or empty
   * @throws ScimException when the store fails
   */
  public Optional<ResourceRecord> find(TenantStores stores, String id) throws ScimException {
    return InputRule.storable(id) ? store(stores).get(id) : Optional.empty();
  }

  /**
   * Reads a record of this kind to change it in the running unit of work ({@link
   * RecordStore#getForUpdate}). An id that breaks the input rule names no record.
   *
   * @param stores the tenant's stores, in the unit of work
   * @param id the id
   * @return the record, or empty
   * @throws ScimException when the store fails
   */
  public Optional<ResourceRecord> findForUpdate(TenantStores stores, String id) throws ScimException {
    return InputRule.storable(id) ? store(stores).getForUpdate(id) : Optional.empty();
  }

  /**
   * Returns a record's SCIM form, with {@code meta} but without members; rendered when the caller
   * asks for it.
   *
   * @param record the record
   * @return the view
   */
  public ResourceView view(ResourceRecord record) {
    return new ResourceView(kind, record, form);
  }

  /** The kind's SCIM form: the mapping's attributes, then {@code meta}. */
  private final class Form implements ResourceForm {

    @Override
    public GenericScimResource render(ResourceRecord record) {
      GenericScimResource resource = mapping.render(record);
      ObjectNode meta = resource.getObjectNode().putObject("meta");
      meta.put("resourceType", mapping.name());
      meta.put("created", record.created().toString());
      meta.put("lastModified", record.lastModified().toString());
      meta.put("version", EntityTags.of(record.version()));
      return resource;
    }

    @Override
    public void writeFields(ResourceRecord record, String location, JsonGenerator generator) throws IOException {
      mapping.write(record, generator);
      generator.writeObjectFieldStart("meta");
      generator.writeStringField("resourceType", mapping.name());
      generator.writeStringField("created", record.created().toString());
      generator.writeStringField("lastModified", record.lastModified().toString());
      generator.writeStringField("version", EntityTags.of(record.version()));
      generator.writeStringField("location", location);
      generator.writeEndObject();
    }
  }
}
