package io.github.scimkit.core.mapping;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The mappings of a SCIM service provider's two resource types, Users and Groups. Immutable and
 * thread-safe; build one at start-up with {@link #builder()}, {@link #defaults()} or {@link
 * ScimMappingLoader}, where a bad rule fails with a {@link MappingException}.
 */
public final class ScimMapping {

  private final ResourceMapping users;
  private final ResourceMapping groups;

  private ScimMapping(ResourceMapping users, ResourceMapping groups) {
    this.users = users;
    this.groups = groups;
  }

  /**
   * Returns the default mapping of an organization app; see {@link DefaultMappings}.
   *
   * @return the mapping
   */
  public static ScimMapping defaults() {
    return builder().build();
  }

  /**
   * Returns a builder whose resource types start from the defaults.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Loads a mapping from a JSON or YAML file; see {@link ScimMappingLoader}.
   *
   * @param file the file; {@code .yaml} and {@code .yml} files are read as YAML
   * @param passwordHandler what protects a mapped password, or {@code null} when none is mapped
   * @return the mapping
   * @throws IOException when the file cannot be read
   * @throws MappingException when the file or one of its rules is wrong
   */
  public static ScimMapping load(Path file, PasswordHandler passwordHandler) throws IOException {
    return ScimMappingLoader.load(file, passwordHandler);
  }

  /**
   * Returns the User mapping.
   *
   * @return the mapping
   */
  public ResourceMapping users() {
    return users;
  }

  /**
   * Returns the Group mapping.
   *
   * @return the mapping
   */
  public ResourceMapping groups() {
    return groups;
  }

  /** Collects the two resource mappings; either left unset is the default. */
  public static final class Builder {
    private ResourceMapping users;
    private ResourceMapping groups;

    private Builder() {}

    /**
     * Sets the User mapping.
     *
     * @param mapping a mapping built from {@link ResourceMapping#userBuilder()}
     * @return this builder
     */
    public Builder users(ResourceMapping mapping) {
      users = requireType(mapping, ScimUrns.USER);
      return this;
    }

    /**
     * Sets the Group mapping.
     *
     * @param mapping a mapping built from {@link ResourceMapping#groupBuilder()}
     * @return this builder
     */
    public Builder groups(ResourceMapping mapping) {
      groups = requireType(mapping, ScimUrns.GROUP);
      return this;
    }

    /**
     * Builds the mapping.
     *
     * @return the mapping
     */
    public ScimMapping build() {
      ResourceMapping builtGroups = groups != null ? groups : DefaultMappings.groups().build();
      ResourceMapping builtUsers = users != null ? users : DefaultMappings.users().build();
      String display = builtGroups.recordAttribute("displayName").orElse("displayName");
      if (!display.equals(builtUsers.groupDisplayAttribute())) {
        builtUsers = builtUsers.toBuilder().groupDisplayAttribute(display).build();
      }
      return new ScimMapping(builtUsers, builtGroups);
    }

    private static ResourceMapping requireType(ResourceMapping mapping, String coreUrn) {
      Objects.requireNonNull(mapping, "mapping");
      if (!mapping.coreSchemaUrn().equals(coreUrn)) {
        throw new MappingException(mapping.name(), "expected a mapping of " + coreUrn);
      }
      return mapping;
    }
  }
}
