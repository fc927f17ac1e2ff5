/** The adapter's moving parts: not API, and free to change in any release. */
package io.github.scimkit.jersey.internal;
