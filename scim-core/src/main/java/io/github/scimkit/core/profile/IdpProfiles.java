package io.github.scimkit.core.profile;

import io.github.scimkit.core.dialect.Tolerance;
import io.github.scimkit.core.dialect.Tolerances;
import io.github.scimkit.core.request.RequestContext;
import io.github.scimkit.core.tenant.ScimMode;
import io.github.scimkit.core.tenant.TenantSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An immutable registry of {@link IdpProfile}s by name, always holding {@value
 * TenantSettings#GENERIC_PROFILE}. {@link #builtIns()} holds {@code generic}, {@code okta},
 * {@code entra}, {@code jumpcloud}, {@code onelogin} and {@code ping}; {@link #register} returns
 * a new registry.
 *
 * <p><b>Unknown names.</b> Tenant settings come from the host's store and are read on every
 * request, so the engine cannot refuse them when they are saved. {@link #resolve(String)} (what
 * the engine uses) answers an unknown name with {@code generic} and logs a warning once per name:
 * in lenient mode {@code generic} accepts every dialect, so a misspelt profile never rejects
 * requests the tenant's identity provider sends. Hosts that want an error when an administrator
 * saves the setting call {@link #require(String)} there.
 */
public final class IdpProfiles {

  private static final Logger LOG = LoggerFactory.getLogger(IdpProfiles.class);
  private static final IdpProfiles BUILT_INS = new IdpProfiles(BuiltInProfiles.all());

  private final Map<String, IdpProfile> byName;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  private IdpProfiles(List<IdpProfile> profiles) {
    Map<String, IdpProfile> map = new LinkedHashMap<>();
    profiles.forEach(profile -> map.put(profile.name(), profile));
    if (!map.containsKey(TenantSettings.GENERIC_PROFILE)) {
      throw new IllegalArgumentException("A registry needs a " + TenantSettings.GENERIC_PROFILE + " profile");
    }
    this.byName = Collections.unmodifiableMap(map);
  }

  /**
   * Returns the built-in profiles.
   *
   * @return the registry
   */
  public static IdpProfiles builtIns() {
    return BUILT_INS;
  }

  /**
   * Returns a registry with one more profile. A profile with the same name, built-in or not, is
   * replaced in place; a new name goes last.
   *
   * @param profile the profile
   * @return a new registry
   */
  public IdpProfiles register(IdpProfile profile) {
    Objects.requireNonNull(profile, "profile");
    Map<String, IdpProfile> map = new LinkedHashMap<>(byName);
    map.put(profile.name(), profile);
    return new IdpProfiles(new ArrayList<>(map.values()));
  }

  /**
   * Returns the profiles, in registration order.
   *
   * @return the profiles
   */
  public List<IdpProfile> all() {
    return List.copyOf(byName.values());
  }

  /**
   * Returns the {@code generic} profile.
   *
   * @return the profile
   */
  public IdpProfile generic() {
    return byName.get(TenantSettings.GENERIC_PROFILE);
  }

  /**
   * Looks a profile up by name, case-insensitively.
   *
   * @param name the name
   * @return the profile, or empty when there is none of that name
   */
  public Optional<IdpProfile> lookup(String name) {
    return Optional.ofNullable(byName.get(fold(Objects.requireNonNull(name, "name"))));
  }

  /**
   * Returns the profile of a name, or fails: for hosts that check the setting when it is saved.
   *
   * @param name the name
   * @return the profile
   * @throws IllegalArgumentException when there is no profile of that name
   */
  public IdpProfile require(String name) {
    return lookup(name).orElseThrow(() -> new IllegalArgumentException(
        "Unknown identity-provider profile '" + name + "'; known: " + byName.keySet()));
  }

  /**
   * Returns the profile of a name, or {@code generic} with a warning logged once per unknown name.
   *
   * @param name the name
   * @return the profile
   */
  public IdpProfile resolve(String name) {
    Optional<IdpProfile> found = lookup(name);
    if (found.isPresent()) {
      return found.get();
    }
    if (warned.add(fold(name))) {
      LOG.warn("Unknown identity-provider profile '{}'; using '{}'. Known profiles: {}",
          name, TenantSettings.GENERIC_PROFILE, byName.keySet());
    }
    return generic();
  }

  /**
   * Returns the first profile, in registration order, that recognises a request.
   *
   * @param context the request
   * @return the profile, or empty when none recognises it
   */
  public Optional<IdpProfile> recognize(RequestContext context) {
    Objects.requireNonNull(context, "context");
    return byName.values().stream().filter(profile -> profile.recognizes(context)).findFirst();
  }

  /**
   * Returns the tolerances for one request: none in strict mode; otherwise the preset of the
   * tenant's profile, widened (never narrowed) by the preset of a profile that recognises the
   * request. Only tolerances follow the request; the mapping follows the tenant's profile alone.
   *
   * @param settings the tenant's settings
   * @param context the request
   * @return the tolerances
   */
  public Tolerances tolerances(TenantSettings settings, RequestContext context) {
    if (settings.mode() == ScimMode.STRICT) {
      return Tolerances.forMode(ScimMode.STRICT);
    }
    Tolerances tolerances = resolve(settings.idpProfile()).tolerances(ScimMode.LENIENT);
    Optional<IdpProfile> recognized = recognize(context);
    if (recognized.isPresent()) {
      tolerances = tolerances.with(recognized.get().lenientTolerances().toArray(Tolerance[]::new));
    }
    return tolerances;
  }

  private static String fold(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
