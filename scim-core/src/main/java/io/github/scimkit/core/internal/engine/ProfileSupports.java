package io.github.scimkit.core.internal.engine;

import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.mapping.ScimMapping;
import io.github.scimkit.core.profile.IdpProfile;
import io.github.scimkit.core.profile.IdpProfiles;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The user and group support of each profile, built once when the engine is: one derived mapping
 * per profile, and the host's own for profiles that change nothing. Immutable.
 */
public final class ProfileSupports {

  private final Kinds base;
  private final Map<IdpProfile, Kinds> byProfile;

  private ProfileSupports(Kinds base, Map<IdpProfile, Kinds> byProfile) {
    this.base = base;
    this.byProfile = Map.copyOf(byProfile);
  }

  /**
   * Builds the support of every profile of a registry.
   *
   * @param mapping the host's mapping
   * @param profiles the profiles
   * @param config the engine configuration
   * @return the supports
   * @throws IllegalArgumentException when a profile changes the published schemas
   */
  public static ProfileSupports of(ScimMapping mapping, IdpProfiles profiles, EngineConfig config) {
    Kinds base = Kinds.of(mapping, config);
    Map<IdpProfile, Kinds> map = new HashMap<>();
    for (IdpProfile profile : profiles.all()) {
      ScimMapping derived = profile.mapping(mapping);
      map.put(profile, derived == mapping ? base : Kinds.of(derived, config));
    }
    return new ProfileSupports(base, map);
  }

  /**
   * Returns the support built from the host's mapping.
   *
   * @return the supports
   */
  public Kinds base() {
    return base;
  }

  /**
   * Returns the support of a profile of the registry.
   *
   * @param profile the profile
   * @return the supports
   * @throws IllegalArgumentException when the profile is not one of the registry's
   */
  public Kinds of(IdpProfile profile) {
    Kinds kinds = byProfile.get(Objects.requireNonNull(profile, "profile"));
    if (kinds == null) {
      throw new IllegalArgumentException("Not a profile of this engine: " + profile.name());
    }
    return kinds;
  }

  /**
   * The home of every kind under one mapping.
   *
   * @param mapping the mapping they were built from
   * @param supports the home of every kind, in {@link ResourceKind} order
   */
  public record Kinds(ScimMapping mapping, Map<ResourceKind, ResourceSupport> supports) {

    /**
     * Copies the homes.
     *
     * @param mapping the mapping they were built from
     * @param supports the home of every kind
     */
    public Kinds {
      supports = Collections.unmodifiableMap(new EnumMap<>(supports));
    }

    /**
     * Builds the home of every kind.
     *
     * @param mapping the mapping
     * @param config the engine configuration
     * @return the homes
     */
    public static Kinds of(ScimMapping mapping, EngineConfig config) {
      Map<ResourceKind, ResourceSupport> supports = new EnumMap<>(ResourceKind.class);
      for (ResourceKind kind : ResourceKind.values()) {
        supports.put(kind, ResourceSupport.of(kind, mapping, config));
      }
      return new Kinds(mapping, supports);
    }

    /**
     * Returns the home of a kind.
     *
     * @param kind the kind
     * @return the home
     */
    public ResourceSupport support(ResourceKind kind) {
      return supports.get(Objects.requireNonNull(kind, "kind"));
    }
  }
}
