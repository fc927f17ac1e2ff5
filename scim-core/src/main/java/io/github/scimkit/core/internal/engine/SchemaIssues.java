package io.github.scimkit.core.internal.engine;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.server.utils.SchemaChecker;
import java.util.List;

/**
 * Raises what the SDK's schema checker found as its own {@code throwSchemaExceptions} does, with
 * one correction: a body whose only faults are required attributes without a value is {@code
 * invalidValue}, as RFC 7644 §3.12 names a missing required value, not {@code invalidSyntax}.
 */
final class SchemaIssues {

  /** How the SDK 4.0.0 checker ends the issue it records for a required attribute with no value. */
  private static final String MISSING_REQUIRED = " is required and must have a value";

  private SchemaIssues() {}

  /**
   * Throws the first kind of issue found, if any.
   *
   * @param results the checker's findings
   * @throws BadRequestException {@code invalidValue} for missing required values only, else the
   *     SDK's choice
   */
  static void raise(SchemaChecker.Results results) throws BadRequestException {
    List<String> syntax = results.getSyntaxIssues();
    boolean onlyMissing = results.getMutabilityIssues().isEmpty() && results.getPathIssues().isEmpty()
        && results.getFilterIssues().isEmpty() && syntax.stream().allMatch(SchemaIssues::missingValue);
    if (!syntax.isEmpty() && onlyMissing) {
      throw BadRequestException.invalidValue(String.join("; ", syntax));
    }
    results.throwSchemaExceptions();
  }

  /**
   * Throws when a required attribute has no value, whatever else was found: for a replacement,
   * whose own check (the SDK's {@code checkReplace}) lets a required attribute go missing.
   *
   * @param results the findings of a create check of the same body
   * @throws BadRequestException {@code invalidValue} naming the missing attributes
   */
  static void requireValues(SchemaChecker.Results results) throws BadRequestException {
    List<String> missing = results.getSyntaxIssues().stream().filter(SchemaIssues::missingValue).toList();
    if (!missing.isEmpty()) {
      throw BadRequestException.invalidValue(String.join("; ", missing));
    }
  }

  private static boolean missingValue(String issue) {
    return issue.endsWith(MISSING_REQUIRED);
  }
}
