/**
 * The engine's moving parts: not API, and free to change in any release.
 */
package io.github.scimkit.core.internal.engine;
