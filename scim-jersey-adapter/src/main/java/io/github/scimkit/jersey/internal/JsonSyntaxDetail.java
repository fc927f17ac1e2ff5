package io.github.scimkit.jersey.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Says in plain words why a request body is not one JSON value, with where the parser stopped:
 * never the parser's own message, which names its classes and features.
 */
final class JsonSyntaxDetail {

  private JsonSyntaxDetail() {}

  /**
   * Describes a parse failure.
   *
   * @param e the parser's exception
   * @return the detail for a 400 invalidSyntax
   */
  static String of(JsonProcessingException e) {
    String problem;
    if (e instanceof JsonEOFException) {
      problem = "The JSON body ends before its value is complete";
    } else if (String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")) {
      problem = "The body names the same member twice in one object";
    } else if (e instanceof MismatchedInputException && String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
      problem = "The body has more after its JSON value";
    } else {
      problem = "The body is not valid JSON";
    }
    JsonLocation at = e.getLocation();
    return at == null || at.getLineNr() < 1 ? problem
        : problem + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }
}
