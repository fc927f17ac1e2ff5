package io.github.scimkit.core.internal.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.types.SchemaResource;
import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.config.PatchResponse;
import io.github.scimkit.core.event.LifecycleEvent;
import io.github.scimkit.core.internal.dialect.ResourceSchema;
import io.github.scimkit.core.mapping.ResourceMapping;
import io.github.scimkit.core.mapping.ScimMapping;
import io.github.scimkit.core.resource.EntityTags;
import io.github.scimkit.core.resource.ResourceForm;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.resource.ResourceView;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.RecordStore;
import io.github.scimkit.core.store.ResourceRecord;
import io.github.scimkit.core.store.TenantStores;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The home of one resource kind: its mapping, schema lookup, store, lifecycle events, PATCH
 * response policy, and what sets it apart from the other kinds. {@link #of} is the one place a
 * kind finds its home; every other part of the engine asks the home instead of testing the kind.
 */
public abstract sealed class ResourceSupport permits UserSupport, GroupSupport {

  private final ResourceKind kind;
  private final ResourceMapping mapping;
  private final ResourceSchema schema;
  private final PatchResponse patchResponse;
  private final ResourceForm form = new Form();

  /**
   * Creates the home of one kind.
   *
   * @param kind the kind
   * @param mapping the kind's mapping rules
   * @param patchResponse what a successful PATCH of the kind answers
   */
  ResourceSupport(ResourceKind kind, ResourceMapping mapping, PatchResponse patchResponse) {
    this.kind = kind;
    this.mapping = mapping;
    this.patchResponse = patchResponse;
    List<SchemaResource> schemas = mapping.schemas();
    this.schema = ResourceSchema.of(schemas.get(0), schemas.subList(1, schemas.size()).toArray(SchemaResource[]::new));
  }

  /**
   * Returns the home of a kind under a mapping.
   *
   * @param kind the kind
   * @param mapping the mapping rules of every kind
   * @param config the engine configuration, for the PATCH response policy
   * @return the home
   */
  public static ResourceSupport of(ResourceKind kind, ScimMapping mapping, EngineConfig config) {
    return switch (kind) {
      case USER -> new UserSupport(mapping.users(), config.userPatchResponse());
      case GROUP -> new GroupSupport(mapping.groups(), config.groupPatchResponse());
    };
  }

  /**
   * Returns the kind.
   *
   * @return the kind
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
   * Returns what a successful PATCH of this kind answers.
   *
   * @return the resource or no content
   */
  public PatchResponse patchResponse() {
    return patchResponse;
  }

  /**
   * Returns the kind's store among a tenant's stores.
   *
   * @param stores the tenant's stores
   * @return the store
   */
  public abstract RecordStore store(TenantStores stores);

  /**
   * Tells whether the kind has {@code members} that requests change as membership deltas.
   *
   * @return {@code true} for groups
   */
  public boolean hasMembers() {
    return false;
  }

  /**
   * Tells whether the kind's resources show the read-only {@code groups} they belong to.
   *
   * @return {@code true} for users
   */
  public boolean showsGroups() {
    return false;
  }

  /**
   * Completes a PUT body with what the kind keeps when a client leaves it out.
   *
   * @param current the record as stored
   * @param desired the normalised body, changed in place
   */
  void keepOmitted(ResourceRecord current, ObjectNode desired) {}

  /**
   * Removes what depends on a resource about to be deleted, in the unit of work.
   *
   * @param stores the tenant's stores, in the unit of work
   * @param id the resource
   * @param now the time of the change
   * @param events where the changes are recorded
   * @throws ScimException when the store fails
   */
  void beforeDelete(TenantStores stores, String id, Instant now, ChangeEvents events) throws ScimException {}

  /**
   * Returns the event of a creation.
   *
   * @param stamp the tenant, correlation and time
   * @param record the new record
   * @return the event
   */
  abstract LifecycleEvent created(ChangeEvents.Stamp stamp, ResourceRecord record);

  /**
   * Returns the events of an attribute change.
   *
   * @param stamp the tenant, correlation and time
   * @param before the record before
   * @param after the record after
   * @return the events, in order
   */
  abstract List<LifecycleEvent> updated(ChangeEvents.Stamp stamp, ResourceRecord before, ResourceRecord after);

  /**
   * Returns the event of a deletion.
   *
   * @param stamp the tenant, correlation and time
   * @param id the deleted resource
   * @return the event
   */
  abstract LifecycleEvent deleted(ChangeEvents.Stamp stamp, String id);

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
   * Merges freshly read mapped attributes with the host-owned attributes of the current record.
   *
   * @param current the record as stored
   * @param mapped the attributes read from the request
   * @return the complete new attributes
   */
  public Attributes merge(ResourceRecord current, Attributes mapped) {
    Set<String> owned = mapping.ownedRecordAttributes();
    Attributes.Builder merged = Attributes.builder();
    current.attributes().asMap().forEach((name, value) -> {
      if (!owned.contains(name)) {
        merged.set(name, value);
      }
    });
    mapped.asMap().forEach(merged::set);
    return merged.build();
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
    public void writeFields(ResourceRecord record, String location, List<String> moreSchemas,
        JsonGenerator generator) throws IOException {
      mapping.write(record, moreSchemas, generator);
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
