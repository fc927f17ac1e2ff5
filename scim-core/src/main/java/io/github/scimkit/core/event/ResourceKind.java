package io.github.scimkit.core.event;

/** The two kinds of resource the engine provisions. */
public enum ResourceKind {
  /** A user: {@code /Users}. */
  USER,
  /** A group: {@code /Groups}. */
  GROUP
}
