package io.github.scimkit.core.config;

/** What a successful PATCH answers with, chosen per resource type. */
public enum PatchResponse {
  /** 200 with the modified resource. */
  RESOURCE,
  /** 204 with no body, so that a member change never renders a large member list. */
  NO_CONTENT
}
