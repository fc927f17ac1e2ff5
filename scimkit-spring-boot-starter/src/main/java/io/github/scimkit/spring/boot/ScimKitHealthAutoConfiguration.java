package io.github.scimkit.spring.boot;

import io.github.scimkit.core.engine.ScimEngine;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Adds the {@code scimkit} component to Actuator's health endpoint when the application has
 * Actuator; {@code management.health.scimkit.enabled=false} leaves it out.
 */
@AutoConfiguration(after = ScimKitAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(ScimEngine.class)
@ConditionalOnEnabledHealthIndicator("scimkit")
public class ScimKitHealthAutoConfiguration {

  /** Creates the auto-configuration; Spring Boot calls it. */
  public ScimKitHealthAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean(name = "scimkitHealthIndicator")
  HealthIndicator scimkitHealthIndicator(ScimEngine engine) {
    return new ScimHealthIndicator(engine);
  }
}
