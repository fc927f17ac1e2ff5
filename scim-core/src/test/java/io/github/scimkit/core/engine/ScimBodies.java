package io.github.scimkit.core.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Request bodies for engine tests, written with {@code '} for {@code "} to keep them readable. */
final class ScimBodies {

  private ScimBodies() {}

  /** Reads a body, each {@code '} standing for {@code "}. */
  static GenericScimResource json(String text) {
    try {
      return new GenericScimResource((ObjectNode) JsonUtils.getObjectReader().readTree(text.replace('\'', '"')));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
