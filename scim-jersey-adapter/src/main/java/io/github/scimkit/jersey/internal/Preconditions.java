package io.github.scimkit.jersey.internal;

import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.github.scimkit.core.resource.EntityTags;
import io.github.scimkit.core.resource.ResourceKind;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Evaluates {@code If-Match} and {@code If-None-Match} on a write (RFC 7232 §3, §6) down to the
 * one version the engine checks atomically with its write. A single tag goes to the engine as it
 * is; a list, {@code *} together with {@code If-None-Match}, or {@code If-None-Match} alone needs
 * the current version, read first: a listed version that is current goes to the engine, so that a
 * change in between still fails with 412.
 */
final class Preconditions {

  /** The version no record has, for a list that names none ScimKit issued. */
  private static final long NO_VERSION = -1;

  private Preconditions() {}

  /**
   * Returns the version the engine must find for a write to go ahead.
   *
   * @param request the request
   * @param kind the resource's kind
   * @param id the resource's id
   * @return the version, or empty for any
   * @throws ScimException 400 for a malformed header, 404 for no such resource, 412 when a
   *     condition fails
   */
  static OptionalLong expectedVersion(ScimRequest request, ResourceKind kind, String id) throws ScimException {
    Optional<EntityTagList> match = request.ifMatch();
    Optional<EntityTagList> noneMatch = request.ifNoneMatch();
    if (noneMatch.isEmpty() && (match.isEmpty() || match.get().any())) {
      return OptionalLong.empty();
    }
    if (noneMatch.isEmpty() && match.get().versions().size() <= 1) {
      return OptionalLong.of(match.get().versions().stream().findFirst().orElse(NO_VERSION));
    }
    long current = request.runtime().engine().get(request.context(), kind, id).version();
    if (noneMatch.isPresent() && noneMatch.get().matches(current)) {
      throw new PreconditionFailedException("If-None-Match names the current version " + EntityTags.of(current));
    }
    if (match.isPresent() && !match.get().matches(current)) {
      throw new PreconditionFailedException("The resource has changed: its version is " + EntityTags.of(current));
    }
    return match.isPresent() ? OptionalLong.of(current) : OptionalLong.empty();
  }
}
