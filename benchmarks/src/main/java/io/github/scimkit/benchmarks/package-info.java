/**
 * The load driver behind {@code docs/performance.md}: userName lookups, member adds and a full
 * listing with its heap, on H2 and PostgreSQL, through the engine. Built only with the {@code
 * benchmarks} Maven profile, never by {@code mvn verify}.
 */
package io.github.scimkit.benchmarks;
