package io.github.scimkit.core.resource;

/** The two kinds of resource the engine provisions. */
public enum ResourceKind {
  /** A user: {@code /Users}. */
  USER,
  /** A group: {@code /Groups}. */
  GROUP
}
