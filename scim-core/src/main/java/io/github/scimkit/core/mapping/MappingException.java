package io.github.scimkit.core.mapping;

/**
 * A mapping rule or mapping file is wrong. Thrown while a mapping is built, so that a bad
 * configuration stops the host at start-up; the message names the rule and the problem.
 */
public final class MappingException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception about one rule.
   *
   * @param rule the rule's SCIM path, or another name for what is wrong
   * @param problem what is wrong with it
   */
  public MappingException(String rule, String problem) {
    super("Mapping rule '" + rule + "': " + problem);
  }

  /**
   * Creates an exception about a whole mapping or file.
   *
   * @param message what is wrong
   * @param cause the underlying error, or {@code null}
   */
  public MappingException(String message, Throwable cause) {
    super(message, cause);
  }
}
