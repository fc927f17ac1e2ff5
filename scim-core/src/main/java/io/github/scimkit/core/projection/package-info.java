/**
 * Which attributes a response carries: the {@code attributes} and {@code excludedAttributes}
 * parameters of RFC 7644 §3.9 with each attribute's {@code returned} rule.
 */
package io.github.scimkit.core.projection;
