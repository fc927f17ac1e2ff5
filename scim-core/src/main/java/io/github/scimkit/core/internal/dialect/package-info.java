/**
 * Not API: the normalisers that turn what identity providers send into what the SCIM 2 SDK
 * accepts, under a tenant's {@link io.github.scimkit.core.dialect.Tolerances}. {@link
 * io.github.scimkit.core.internal.dialect.PatchRequestReader} reads PATCH bodies, {@link
 * io.github.scimkit.core.internal.dialect.ResourceBodyNormalizer} POST and PUT bodies, and {@link
 * io.github.scimkit.core.internal.dialect.FilterParser} filters, all against a {@link
 * io.github.scimkit.core.internal.dialect.ResourceSchema}. Errors are the SDK's {@link
 * com.unboundid.scim2.common.exceptions.BadRequestException}s with the RFC 7644 {@code scimType}.
 */
package io.github.scimkit.core.internal.dialect;
