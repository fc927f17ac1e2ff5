package io.github.scimkit.core.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.github.scimkit.core.store.Attributes;
import io.github.scimkit.core.store.ResourceRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Test helpers: SCIM bodies from JSON text, records from attributes. */
final class Scim {

  private Scim() {}

  static GenericScimResource body(String json) {
    try {
      return new GenericScimResource((ObjectNode) JsonUtils.getObjectReader().readTree(json.replace('\'', '"')));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String json(GenericScimResource resource) {
    try {
      return JsonUtils.getObjectWriter().writeValueAsString(resource.getObjectNode());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ResourceRecord record(Attributes attributes) {
    Instant now = Instant.parse("2024-05-01T12:00:00Z");
    return new ResourceRecord("u-1", 1, now, now, attributes);
  }

  static Filter filter(String text) {
    try {
      return Filter.fromString(text.replace('\'', '"'));
    } catch (BadRequestException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
