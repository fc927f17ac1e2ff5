/**
 * The load drivers behind {@code docs/performance.md}: {@link
 * io.github.scimkit.benchmarks.StoreBenchmark} (userName lookups, first pages of 100, member adds
 * and a full listing with its heap, on the in-memory store, H2 and PostgreSQL, through the
 * engine) and {@link io.github.scimkit.benchmarks.HttpBenchmark} (ScimKit over HTTP next to a
 * bare Jersey endpoint, the server in a child JVM on 127.0.0.1). Built only with the {@code
 * benchmarks} Maven profile, never by {@code mvn verify}; neither driver asserts anything.
 */
package io.github.scimkit.benchmarks;
