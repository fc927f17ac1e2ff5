package io.github.scimkit.core.mapping;

import java.util.List;
import java.util.Objects;

/**
 * A named value computed from what a request maps, stored under its own record attribute for
 * the host to use, and never published or rendered: for example "the email" a host invites a
 * user with. Each source is tried in order and the first that yields a value wins, so a profile
 * reorders the sources to change the choice.
 *
 * @param name the value's name, unique in its mapping
 * @param recordAttribute the record attribute that receives it
 * @param sources where to look, in order
 */
public record DerivedValue(String name, String recordAttribute, List<Source> sources) {

  /** Checks and copies the fields. */
  public DerivedValue {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(recordAttribute, "recordAttribute");
    sources = List.copyOf(sources);
    if (sources.isEmpty()) {
      throw new MappingException(name, "a derived value needs at least one source");
    }
  }

  /**
   * Returns "the email": the primary email, else the first work email, else the first email,
   * else {@code userName} when it is an email address. Stored under {@code email}.
   *
   * @return the derived value
   */
  public static DerivedValue email() {
    return new DerivedValue("email", "email", List.of(
        Source.of("emails[primary eq true].value"),
        Source.of("emails[type eq \"work\"].value"),
        Source.of("emails.value"),
        Source.emailIn("userName")));
  }

  /**
   * Returns a copy whose sources are tried in another order, or replaced.
   *
   * @param newSources the sources, in order
   * @return the derived value
   */
  public DerivedValue withSources(List<Source> newSources) {
    return new DerivedValue(name, recordAttribute, newSources);
  }

  /**
   * One place to look for a derived value: a SCIM path over the mapped attributes of a request.
   *
   * @param path the SCIM path, which may carry a value filter
   * @param onlyEmail whether only a value that looks like an email address counts
   */
  public record Source(String path, boolean onlyEmail) {

    /** Checks the fields. */
    public Source {
      Objects.requireNonNull(path, "path");
    }

    /**
     * Returns a source that takes any value.
     *
     * @param path the SCIM path
     * @return the source
     */
    public static Source of(String path) {
      return new Source(path, false);
    }

    /**
     * Returns a source that takes only email addresses.
     *
     * @param path the SCIM path
     * @return the source
     */
    public static Source emailIn(String path) {
      return new Source(path, true);
    }
  }
}
