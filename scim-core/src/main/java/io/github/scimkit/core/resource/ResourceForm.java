package io.github.scimkit.core.resource;

import com.fasterxml.jackson.core.JsonGenerator;
import com.unboundid.scim2.common.GenericScimResource;
import io.github.scimkit.core.store.ResourceRecord;
import java.io.IOException;
import java.util.List;

/**
 * How the records of one resource type look in SCIM, supplied by the engine: as a tree to change,
 * or written straight to a generator without building one. Both carry {@code schemas}, {@code id},
 * the mapped attributes and {@code meta}, in the same order and with the same values.
 */
public interface ResourceForm {

  /**
   * Renders a record as a new tree, with {@code meta} but without {@code meta.location}.
   *
   * @param record the record
   * @return a new resource the caller may change
   */
  GenericScimResource render(ResourceRecord record);

  /**
   * Writes a record's fields into the object the generator has open, {@code meta.location}
   * included; the caller writes the object's start and end, and the objects of {@code
   * moreSchemas}, which {@code schemas} lists after the form's own.
   *
   * @param record the record
   * @param location the resource's absolute address
   * @param moreSchemas URNs of extensions the caller writes after these fields
   * @param generator where to write
   * @throws IOException when writing fails
   */
  void writeFields(ResourceRecord record, String location, List<String> moreSchemas, JsonGenerator generator)
      throws IOException;
}
