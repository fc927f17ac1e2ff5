package io.github.scimkit.core.internal.engine;

import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.mapping.ScimMapping;
import io.github.scimkit.core.profile.IdpProfile;
import io.github.scimkit.core.profile.IdpProfiles;
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
   * @return the supports
   * @throws IllegalArgumentException when a profile changes the published schemas
   */
  public static ProfileSupports of(ScimMapping mapping, IdpProfiles profiles) {
    Kinds base = Kinds.of(mapping);
    Map<IdpProfile, Kinds> map = new HashMap<>();
    for (IdpProfile profile : profiles.all()) {
      ScimMapping derived = profile.mapping(mapping);
      map.put(profile, derived == mapping ? base : Kinds.of(derived));
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
   * The support of both kinds under one mapping.
   *
   * @param mapping the mapping they were built from
   * @param users the user support
   * @param groups the group support
   */
  public record Kinds(ScimMapping mapping, ResourceSupport users, ResourceSupport groups) {

    /**
     * Builds the support of both kinds.
     *
     * @param mapping the mapping
     * @return the supports
     */
    public static Kinds of(ScimMapping mapping) {
      return new Kinds(mapping,
          new ResourceSupport(ResourceKind.USER, mapping.users()),
          new ResourceSupport(ResourceKind.GROUP, mapping.groups()));
    }

    /**
     * Returns the support of a kind.
     *
     * @param kind users or groups
     * @return the support
     */
    public ResourceSupport support(ResourceKind kind) {
      return Objects.requireNonNull(kind, "kind") == ResourceKind.USER ? users : groups;
    }
  }
}
