/**
 * The dialects ScimKit understands: {@link io.github.scimkit.core.dialect.Tolerance} lists every
 * departure from the SCIM RFCs that real identity providers need, and {@link
 * io.github.scimkit.core.dialect.Tolerances} is the set a tenant enables, by default all in
 * lenient mode and none in strict mode. Identity-provider profiles are presets of it.
 */
package io.github.scimkit.core.dialect;
