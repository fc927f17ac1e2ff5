package io.github.scimkit.core.internal.engine;

/** Turns record versions into the weak entity tags SCIM shows in {@code meta.version}. */
public final class Versions {

  private Versions() {}

  /**
   * Returns the weak entity tag of a version: {@code W/"3"}.
   *
   * @param version the record version
   * @return the entity tag
   */
  public static String etag(long version) {
    return "W/\"" + version + "\"";
  }
}
