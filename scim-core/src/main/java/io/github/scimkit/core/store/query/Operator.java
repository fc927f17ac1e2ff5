package io.github.scimkit.core.store.query;

/** The comparison operators of SCIM filters (RFC 7644 §3.4.2.2), less {@code pr}. */
public enum Operator {
  /** Equal. */
  EQ,
  /** Not equal; also matches when the attribute is absent. */
  NE,
  /** Contains, for strings. */
  CO,
  /** Starts with, for strings. */
  SW,
  /** Ends with, for strings. */
  EW,
  /** Greater than. */
  GT,
  /** Greater than or equal. */
  GE,
  /** Less than. */
  LT,
  /** Less than or equal. */
  LE;

  /**
   * Tells whether this operator matches substrings ({@code co}, {@code sw}, {@code ew}).
   *
   * @return {@code true} for the substring operators
   */
  public boolean isSubstring() {
    return this == CO || this == SW || this == EW;
  }
}
