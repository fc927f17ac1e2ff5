package io.github.scimkit.core.projection;

import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import com.unboundid.scim2.server.utils.ScimResourceTrimmer;
import io.github.scimkit.core.mapping.ResourceMapping;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The attributes a response carries (RFC 7644 §3.9): {@code returned: always} attributes are
 * always there, {@code never} ones (a password) never, {@code request} ones only when asked for,
 * and the rest unless {@code attributes} leaves them out or {@code excludedAttributes} names
 * them.
 */
public final class Projection {

  private final ScimResourceTrimmer trimmer;
  /**
   * For a request without projection parameters, the attributes the default projection hides
   * ({@code returned: never} or {@code request}); a resource that holds none of them is returned
   * as it is, without running the trimmer. {@code null} when the request projects.
   */
  private final HiddenAttributes hidden;

  /**
   * Whether no resource of the type needs trimming: the request projects nothing and the mapping
   * renders no attribute the default hides.
   */
  private final boolean trimsNothing;

  private Projection(ScimResourceTrimmer trimmer, HiddenAttributes hidden, boolean trimsNothing) {
    this.trimmer = trimmer;
    this.hidden = hidden;
    this.trimsNothing = trimsNothing;
  }

  /**
   * Reads the projection parameters of a request.
   *
   * @param mapping the resource type's mapping, whose schemas say what each attribute returns
   * @param attributes the {@code attributes} parameter: comma-separated paths, if given
   * @param excludedAttributes the {@code excludedAttributes} parameter, if given
   * @return the projection
   * @throws BadRequestException {@code invalidPath} when a path does not parse
   */
  public static Projection of(ResourceMapping mapping, Optional<String> attributes, Optional<String> excludedAttributes)
      throws BadRequestException {
    Optional<Projection> asked = asked(mapping.resourceTypeDefinition(), attributes, excludedAttributes);
    return asked.isPresent() ? asked.get() : defaults(mapping);
  }

  /**
   * Reads the projection parameters of a request for a resource type that no mapping renders (the
   * GroupMember resource). Without parameters it hides what its schemas return never or on
   * request, and {@link #trimsNothing()} is {@code false}.
   *
   * @param type the resource type, whose schemas say what each attribute returns
   * @param attributes the {@code attributes} parameter: comma-separated paths, if given
   * @param excludedAttributes the {@code excludedAttributes} parameter, if given
   * @return the projection
   * @throws BadRequestException {@code invalidPath} when a path does not parse
   */
  public static Projection of(ResourceTypeDefinition type, Optional<String> attributes,
      Optional<String> excludedAttributes) throws BadRequestException {
    Optional<Projection> asked = asked(type, attributes, excludedAttributes);
    return asked.isPresent() ? asked.get()
        : new Projection(new ScimResourceTrimmer(type, Set.of(), Set.of(), true), HiddenAttributes.of(type), false);
  }

  /** The projection the parameters ask for, or empty when they ask for none. */
  private static Optional<Projection> asked(ResourceTypeDefinition type, Optional<String> attributes,
      Optional<String> excludedAttributes) throws BadRequestException {
    Set<Path> included = paths(attributes);
    if (!included.isEmpty()) {
      return Optional.of(new Projection(new ScimResourceTrimmer(type, Set.of(), included, false), null, false));
    }
    Set<Path> excluded = paths(excludedAttributes);
    if (excluded.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Projection(new ScimResourceTrimmer(type, Set.of(), excluded, true), null, false));
  }

  /**
   * Returns the projection of a request without projection parameters.
   *
   * @param mapping the resource type's mapping
   * @return the default projection
   */
  public static Projection defaults(ResourceMapping mapping) {
    HiddenAttributes hidden = HiddenAttributes.of(mapping.resourceTypeDefinition());
    return new Projection(new ScimResourceTrimmer(mapping.resourceTypeDefinition(), Set.of(), Set.of(), true),
        hidden, !hidden.renderableBy(mapping));
  }

  /**
   * Tells whether this projection leaves every resource of its type as rendered: the request
   * projects nothing and the mapping renders no {@code returned: never} or {@code request}
   * attribute. Such resources may be written straight from their record.
   *
   * @return {@code true} when {@link #apply} would never change a resource
   */
  public boolean trimsNothing() {
    return trimsNothing;
  }

  /**
   * Tells whether a top-level attribute appears in the response, so that an expensive one (a
   * group's members) need not be read at all when it does not.
   *
   * @param attribute the attribute name, such as {@code members}
   * @return {@code true} when it is returned
   */
  public boolean returns(String attribute) {
    return trimmer.shouldReturn(Path.root().attribute(attribute));
  }

  /**
   * Tells whether an attribute or sub-attribute appears in the response, such as the enterprise
   * {@code manager.displayName}, so that a value looked up per page need not be when it does not.
   *
   * @param path the path, with its schema URN for an extension attribute
   * @return {@code true} when it is returned
   */
  public boolean returns(Path path) {
    return trimmer.shouldReturn(path);
  }

  /**
   * Trims a resource in place. Without projection parameters, a resource that holds no attribute
   * the default hides is left untouched, which is what the trimmer would return.
   *
   * @param resource the rendered resource
   */
  public void apply(GenericScimResource resource) {
    if (hidden != null && !hidden.anyIn(resource.getObjectNode())) {
      return;
    }
    var trimmed = trimmer.trimObjectNode(resource.getObjectNode());
    resource.getObjectNode().removeAll();
    resource.getObjectNode().setAll(trimmed);
  }

  private static Set<Path> paths(Optional<String> parameter) throws BadRequestException {
    if (parameter.isEmpty() || parameter.get().isBlank()) {
      return Collections.emptySet();
    }
    Set<Path> paths = new LinkedHashSet<>();
    for (String text : parameter.get().split(",")) {
      if (text.isBlank()) {
        continue;
      }
      try {
        paths.add(Path.fromString(text.trim()));
      } catch (BadRequestException e) {
        throw BadRequestException.invalidPath("Not an attribute path: " + text.trim());
      }
    }
    return paths;
  }
}
