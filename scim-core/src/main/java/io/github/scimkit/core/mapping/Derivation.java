package io.github.scimkit.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Computes one derived value from the SCIM view of a record's mapped attributes. */
final class Derivation {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

  private final DerivedValue value;
  private final List<Path> paths = new ArrayList<>();

  Derivation(DerivedValue value) {
    this.value = value;
    for (DerivedValue.Source source : value.sources()) {
      try {
        paths.add(Path.fromString(source.path()));
      } catch (BadRequestException e) {
        throw new MappingException(value.name(),
            "source '" + source.path() + "' does not parse: " + e.getMessage());
      }
    }
  }

  DerivedValue value() {
    return value;
  }

  /** Returns the first text value a source yields, in source order. */
  Optional<String> derive(ObjectNode scimView) {
    for (int i = 0; i < paths.size(); i++) {
      boolean onlyEmail = value.sources().get(i).onlyEmail();
      try {
        for (JsonNode node : JsonUtils.findMatchingPaths(paths.get(i), scimView)) {
          for (JsonNode item : node.isArray() ? node : List.of(node)) {
            if (item.isTextual() && (!onlyEmail || EMAIL.matcher(item.textValue()).matches())) {
              return Optional.of(item.textValue());
            }
          }
        }
      } catch (ScimException e) {
        // A source that does not apply to this view yields nothing.
      }
    }
    return Optional.empty();
  }
}
