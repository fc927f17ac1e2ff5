/**
 * Where the adapter reports what it served: the {@link
 * io.github.scimkit.jersey.metrics.RequestMetrics} SPI and {@link
 * io.github.scimkit.jersey.metrics.MicrometerRequestMetrics}, which records to a Micrometer
 * registry. Nothing here reads requests; the adapter calls it once per answer.
 */
package io.github.scimkit.jersey.metrics;
