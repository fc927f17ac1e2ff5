package io.github.scimkit.example;

/** A request the example refuses, with the HTTP status to answer. */
public final class ExampleException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  /**
   * Creates the error.
   *
   * @param status the HTTP status
   * @param message what went wrong, shown to the caller
   */
  public ExampleException(int status, String message) {
    super(message);
    this.status = status;
  }

  /**
   * Returns the HTTP status.
   *
   * @return the status
   */
  public int status() {
    return status;
  }

  static ExampleException notFound(String message) {
    return new ExampleException(404, message);
  }

  static ExampleException conflict(String message) {
    return new ExampleException(409, message);
  }

  static ExampleException badRequest(String message) {
    return new ExampleException(400, message);
  }
}
