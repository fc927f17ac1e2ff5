package io.github.scimkit.core.engine;

import io.github.scimkit.core.config.PatchResponse;
import io.github.scimkit.core.mapping.ResourceMapping;
import io.github.scimkit.core.resource.ResourceKind;
import java.util.Objects;

/**
 * What the HTTP layer needs to know about one resource kind, as the engine's home of that kind
 * says it: its endpoint and mapping, what a successful PATCH answers, and which read-only lists
 * its resources show. Ask {@link ScimEngine#resourceType} instead of testing the kind.
 *
 * @param kind the kind
 * @param mapping the host's mapping rules of the kind, as {@code /Schemas} publishes them
 * @param patchResponse what a successful PATCH answers unless the client asks for attributes
 * @param showsGroups whether a resource shows the read-only {@code groups} it belongs to (users)
 * @param hasMembers whether a resource has {@code members}, streamed from the store (groups)
 */
public record ResourceType(
    ResourceKind kind, ResourceMapping mapping, PatchResponse patchResponse, boolean showsGroups, boolean hasMembers) {

  /**
   * Checks the parts.
   *
   * @param kind the kind
   * @param mapping the mapping
   * @param patchResponse the PATCH response policy
   * @param showsGroups whether {@code groups} are shown
   * @param hasMembers whether {@code members} are shown
   */
  public ResourceType {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(mapping, "mapping");
    Objects.requireNonNull(patchResponse, "patchResponse");
  }

  /**
   * Returns the endpoint's name relative to the SCIM base, without the slash.
   *
   * @return {@code Users} or {@code Groups}
   */
  public String endpoint() {
    String endpoint = mapping.endpoint();
    return endpoint.startsWith("/") ? endpoint.substring(1) : endpoint;
  }
}
