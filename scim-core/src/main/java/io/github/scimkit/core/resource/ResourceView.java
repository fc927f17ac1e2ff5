package io.github.scimkit.core.resource;

import com.fasterxml.jackson.core.JsonGenerator;
import com.unboundid.scim2.common.GenericScimResource;
import io.github.scimkit.core.store.ResourceRecord;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * A resource as the engine returns it: the stored record and how it looks in SCIM.
 *
 * <p>The SCIM form carries {@code schemas}, {@code id}, the mapped attributes and {@code meta}
 * ({@code resourceType}, {@code created}, {@code lastModified}, {@code version}), but not a group's
 * {@code members}, which {@link io.github.scimkit.core.engine.ScimEngine#members} streams. It is
 * rendered only when asked for: {@link #resource()} builds a tree, {@link #writeFields} writes
 * straight to a generator.
 *
 * @param kind users or groups
 * @param record the stored record
 * @param form how the record looks in SCIM
 */
public record ResourceView(ResourceKind kind, ResourceRecord record, ResourceForm form) {

  /** Checks the fields. */
  public ResourceView {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(form, "form");
  }

  /**
   * Returns the resource id.
   *
   * @return the id
   */
  public String id() {
    return record.id();
  }

  /**
   * Returns the record version, from which the ETag is made.
   *
   * @return the version
   */
  public long version() {
    return record.version();
  }

  /**
   * Renders the SCIM form as a tree, without {@code meta.location}, which needs the HTTP base
   * address. Each call renders a new copy, which the caller may change.
   *
   * @return a new resource
   */
  public GenericScimResource resource() {
    return form.render(record);
  }

  /**
   * Writes the SCIM form's fields, {@code meta.location} included, into the object the generator
   * has open, without building a tree. {@code schemas} ends with {@code moreSchemas}, whose
   * objects the caller writes after these fields.
   *
   * @param location the resource's absolute address
   * @param moreSchemas URNs of extensions the caller writes, often none
   * @param generator where to write
   * @throws IOException when writing fails
   */
  public void writeFields(String location, List<String> moreSchemas, JsonGenerator generator) throws IOException {
    form.writeFields(record, location, moreSchemas, generator);
  }
}
