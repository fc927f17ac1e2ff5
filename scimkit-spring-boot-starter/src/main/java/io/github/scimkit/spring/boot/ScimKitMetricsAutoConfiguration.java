package io.github.scimkit.spring.boot;

import io.github.scimkit.jersey.metrics.MicrometerRequestMetrics;
import io.github.scimkit.jersey.metrics.RequestMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Records ScimKit's request and store-failure metrics (see {@link MicrometerRequestMetrics}) to
 * the application's {@link MeterRegistry} when it has one, as with Actuator. Without a registry
 * nothing is recorded.
 */
@AutoConfiguration(
    afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"},
    before = ScimKitAutoConfiguration.class)
@ConditionalOnClass({MeterRegistry.class, RequestMetrics.class})
@ConditionalOnBean(MeterRegistry.class)
public class ScimKitMetricsAutoConfiguration {

  /** Creates the auto-configuration; Spring Boot calls it. */
  public ScimKitMetricsAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean
  RequestMetrics scimRequestMetrics(MeterRegistry registry) {
    return new MicrometerRequestMetrics(registry);
  }
}
