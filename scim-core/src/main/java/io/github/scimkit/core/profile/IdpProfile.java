package io.github.scimkit.core.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.github.scimkit.core.dialect.Tolerance;
import io.github.scimkit.core.dialect.Tolerances;
import io.github.scimkit.core.request.RequestContext;
import io.github.scimkit.core.mapping.DerivedValue;
import io.github.scimkit.core.mapping.ResourceMapping;
import io.github.scimkit.core.mapping.ScimMapping;
import io.github.scimkit.core.tenant.ScimMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A named preset for one identity provider: the {@link Tolerance}s its requests need, the
 * mapping choices it makes, when a request can be recognised as coming from it, and what its
 * lifecycle actions send. Immutable; build one with {@link #builder(String)}.
 *
 * <p><b>Tolerances.</b> In {@link ScimMode#LENIENT} a profile enables exactly its preset; in
 * {@link ScimMode#STRICT} every tolerance is off, whatever the profile, because strict means the
 * interop profile. A profile recognised from a request (see {@link #recognizes}) may widen a
 * tenant's tolerances for that request, never narrow them.
 *
 * <p><b>Mapping choices.</b> {@link #mapping(ScimMapping)} turns the host's mapping into the one
 * used for the profile's tenants, for example to reorder the sources of the derived email. A
 * choice may change only what is not published: the resulting mapping must publish the same
 * schemas, so that {@code /Schemas} and uniqueness do not depend on the profile. Mapping choices
 * follow the tenant's profile only, never a profile recognised from a request, so that stored
 * data does not depend on who calls.
 */
public final class IdpProfile {

  /** The name of the derived value a profile's email order applies to. */
  public static final String EMAIL = "email";

  private final String name;
  private final String description;
  private final Set<Tolerance> tolerances;
  private final Tolerances lenient;
  private final Optional<List<DerivedValue.Source>> emailSources;
  private final UnaryOperator<ScimMapping> customization;
  private final Optional<Predicate<RequestContext>> recognizer;
  private final String recognition;
  private final List<LifecycleAction> lifecycle;

  private IdpProfile(Builder builder) {
    this.name = builder.name;
    this.description = builder.description;
    EnumSet<Tolerance> set = EnumSet.noneOf(Tolerance.class);
    set.addAll(builder.tolerances);
    this.tolerances = Collections.unmodifiableSet(set);
    this.lenient = Tolerances.forMode(ScimMode.STRICT).with(set.toArray(Tolerance[]::new));
    this.emailSources = builder.emailSources;
    this.customization = builder.customization;
    this.recognizer = builder.recognizer;
    this.recognition = builder.recognition;
    this.lifecycle = List.copyOf(builder.lifecycle);
  }

  /**
   * Returns a builder for a profile.
   *
   * @param name the profile's name, matched case-insensitively; stored in lower case
   * @return the builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Returns a builder holding this profile's settings, to derive another profile from it.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder(name);
    builder.description = description;
    builder.tolerances.addAll(tolerances);
    builder.emailSources = emailSources;
    builder.customization = customization;
    builder.recognizer = recognizer;
    builder.recognition = recognition;
    builder.lifecycle.addAll(lifecycle);
    return builder;
  }

  /**
   * Returns the name, in lower case, as {@link io.github.scimkit.core.tenant.TenantSettings#idpProfile()}
   * names it.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns a one-paragraph description for people.
   *
   * @return the description
   */
  public String description() {
    return description;
  }

  /**
   * Returns the tolerances the profile enables in lenient mode.
   *
   * @return an unmodifiable set
   */
  public Set<Tolerance> lenientTolerances() {
    return tolerances;
  }

  /**
   * Returns the tolerances in force for a tenant with this profile: the preset in {@link
   * ScimMode#LENIENT}, none in {@link ScimMode#STRICT}.
   *
   * @param mode the tenant's mode
   * @return the tolerances
   */
  public Tolerances tolerances(ScimMode mode) {
    return Objects.requireNonNull(mode, "mode") == ScimMode.STRICT ? Tolerances.forMode(ScimMode.STRICT) : lenient;
  }

  /**
   * Returns the order in which the profile looks for "the email", when it chooses one.
   *
   * @return the sources of the derived value named {@code email}, or empty when the profile keeps
   *     the host's order
   */
  public Optional<List<DerivedValue.Source>> emailSources() {
    return emailSources;
  }

  /**
   * Returns the mapping the engine reads, renders and derives with for this profile's tenants.
   * The profile's email order replaces the sources of the host mapping's derived value named
   * {@code email} (a mapping without one is left as it is); then any further customization runs.
   *
   * @param base the host's mapping
   * @return the mapping for this profile: {@code base} itself when the profile changes nothing
   * @throws IllegalArgumentException when the result publishes other schemas than {@code base}
   */
  public ScimMapping mapping(ScimMapping base) {
    Objects.requireNonNull(base, "base");
    ScimMapping mapping = base;
    if (emailSources.isPresent()) {
      Optional<DerivedValue> email = base.users().derivedValues().stream()
          .filter(value -> value.name().equals(EMAIL))
          .findFirst();
      if (email.isPresent() && !email.get().sources().equals(emailSources.get())) {
        ResourceMapping users = base.users().toBuilder()
            .derive(email.get().withSources(emailSources.get()))
            .build();
        mapping = ScimMapping.builder().users(users).groups(base.groups()).build();
      }
    }
    mapping = Objects.requireNonNull(customization.apply(mapping), "customization result");
    if (mapping != base) {
      requireSamePublication(base, mapping);
    }
    return mapping;
  }

  /**
   * Tells whether a request reliably comes from this identity provider, so that its tolerances
   * may be added to the tenant's for that request.
   *
   * @param context the request
   * @return whether the profile recognises it; {@code false} for profiles without a recognizer
   */
  public boolean recognizes(RequestContext context) {
    return recognizer.isPresent() && recognizer.get().test(Objects.requireNonNull(context, "context"));
  }

  /**
   * Tells whether the profile can recognise requests at all.
   *
   * @return whether it has a recognizer
   */
  public boolean hasRecognizer() {
    return recognizer.isPresent();
  }

  /**
   * Returns, for people, how requests are recognised, or why they are not.
   *
   * @return the explanation
   */
  public String recognition() {
    return recognition;
  }

  /**
   * Returns the lifecycle table: what the identity provider's actions send and do.
   *
   * @return the rows, in order
   */
  public List<LifecycleAction> lifecycle() {
    return lifecycle;
  }

  @Override
  public String toString() {
    return "IdpProfile[" + name + "]";
  }

  private void requireSamePublication(ScimMapping base, ScimMapping mapping) {
    if (!published(base.users()).equals(published(mapping.users()))
        || !published(base.groups()).equals(published(mapping.groups()))) {
      throw new IllegalArgumentException("Profile " + name
          + " changes the published schemas; a profile may change only what is not published");
    }
  }

  private static JsonNode published(ResourceMapping mapping) {
    return JsonUtils.valueToNode(mapping.schemas());
  }

  /** Collects a profile's settings. */
  public static final class Builder {
    private final String name;
    private String description = "";
    private final EnumSet<Tolerance> tolerances = EnumSet.noneOf(Tolerance.class);
    private Optional<List<DerivedValue.Source>> emailSources = Optional.empty();
    private UnaryOperator<ScimMapping> customization = UnaryOperator.identity();
    private Optional<Predicate<RequestContext>> recognizer = Optional.empty();
    private String recognition = "Not recognised from requests.";
    private final List<LifecycleAction> lifecycle = new ArrayList<>();

    private Builder(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("A profile needs a name");
      }
      this.name = name.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Sets the description.
     *
     * @param value the description
     * @return this builder
     */
    public Builder description(String value) {
      this.description = Objects.requireNonNull(value, "description");
      return this;
    }

    /**
     * Adds tolerances to the lenient preset.
     *
     * @param values the tolerances
     * @return this builder
     */
    public Builder tolerate(Tolerance... values) {
      tolerances.addAll(Arrays.asList(values));
      return this;
    }

    /**
     * Sets the lenient preset to the given tolerances.
     *
     * @param values the tolerances
     * @return this builder
     */
    public Builder tolerances(Set<Tolerance> values) {
      tolerances.clear();
      tolerances.addAll(values);
      return this;
    }

    /**
     * Sets the order in which "the email" is looked for, replacing the sources of the host
     * mapping's derived value named {@code email}.
     *
     * @param sources the sources, in order
     * @return this builder
     */
    public Builder emailSources(List<DerivedValue.Source> sources) {
      List<DerivedValue.Source> copy = List.copyOf(sources);
      if (copy.isEmpty()) {
        throw new IllegalArgumentException("The email needs at least one source");
      }
      this.emailSources = Optional.of(copy);
      return this;
    }

    /**
     * Sets a further mapping change, applied after the email order. It must not change what the
     * mapping publishes.
     *
     * @param value the change
     * @return this builder
     */
    public Builder customizeMapping(UnaryOperator<ScimMapping> value) {
      this.customization = Objects.requireNonNull(value, "customizeMapping");
      return this;
    }

    /**
     * Sets when a request reliably comes from this identity provider.
     *
     * @param explanation how requests are recognised, for people
     * @param predicate the test
     * @return this builder
     */
    public Builder recognizedBy(String explanation, Predicate<RequestContext> predicate) {
      this.recognition = Objects.requireNonNull(explanation, "explanation");
      this.recognizer = Optional.of(predicate);
      return this;
    }

    /**
     * Says why requests from this identity provider cannot be recognised reliably; removes any
     * recognizer.
     *
     * @param explanation why not, for people
     * @return this builder
     */
    public Builder notRecognized(String explanation) {
      this.recognition = Objects.requireNonNull(explanation, "explanation");
      this.recognizer = Optional.empty();
      return this;
    }

    /**
     * Adds a row to the lifecycle table.
     *
     * @param idpAction what happens in the identity provider
     * @param scimRequests the SCIM requests it sends, in Markdown
     * @param effect what the engine does, in Markdown
     * @return this builder
     */
    public Builder lifecycle(String idpAction, String scimRequests, String effect) {
      lifecycle.add(new LifecycleAction(idpAction, scimRequests, effect));
      return this;
    }

    /**
     * Returns the profile.
     *
     * @return the profile
     */
    public IdpProfile build() {
      return new IdpProfile(this);
    }
  }
}
