package io.github.scimkit.spring.boot;

import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.engine.ScimEngine;
import io.github.scimkit.core.event.AuditSink;
import io.github.scimkit.core.event.LifecycleListener;
import io.github.scimkit.core.event.WriteHook;
import io.github.scimkit.core.mapping.ScimMapping;
import io.github.scimkit.core.profile.IdpProfiles;
import io.github.scimkit.core.store.StoreProvider;
import io.github.scimkit.core.tenant.ApiKeyStore;
import io.github.scimkit.jersey.ScimFeature;
import io.github.scimkit.jersey.auth.ApiKeyAuthenticator;
import io.github.scimkit.jersey.auth.BearerAuthenticator;
import io.github.scimkit.jersey.metrics.RequestMetrics;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jersey.autoconfigure.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Serves ScimKit's SCIM endpoints on Spring Boot's Jersey support: registers {@link ScimFeature}
 * on the application's {@link ResourceConfig} (creating one when the application has none) under
 * {@code scimkit.base-path}, below {@code spring.jersey.application-path}.
 *
 * <p>Every piece is a bean the application may define instead: {@link StoreProvider} and {@link
 * ApiKeyStore} (see {@link ScimKitStoreConfiguration}), {@link ScimMapping}, {@link EngineConfig},
 * {@link BearerAuthenticator}, {@link ScimEngine} and {@link ScimFeature}. The engine takes the
 * application's {@link WriteHook}, {@link AuditSink} and {@link IdpProfiles} beans when there are
 * any, and every {@link LifecycleListener} bean in order. ScimKit reads and writes SCIM JSON with
 * its own mapper; Spring Boot's Jackson configuration is neither used nor changed.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    beforeName = "org.springframework.boot.jersey.autoconfigure.JerseyAutoConfiguration")
@ConditionalOnClass({ScimFeature.class, ResourceConfig.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "scimkit", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(ScimKitProperties.class)
@Import(ScimKitStoreConfiguration.class)
public class ScimKitAutoConfiguration {

  /** Creates the auto-configuration; Spring Boot calls it. */
  public ScimKitAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean
  ScimMapping scimMapping() {
    return ScimMapping.defaults();
  }

  @Bean
  @ConditionalOnMissingBean
  EngineConfig scimEngineConfig(ScimKitProperties properties) {
    return properties.engine().toEngineConfig();
  }

  @Bean
  @ConditionalOnMissingBean
  BearerAuthenticator scimAuthenticator(ApiKeyStore keys) {
    return new ApiKeyAuthenticator(keys);
  }

  @Bean
  @ConditionalOnMissingBean
  ScimEngine scimEngine(StoreProvider stores, ScimMapping mapping, EngineConfig config,
      ObjectProvider<WriteHook> writeHook, ObjectProvider<LifecycleListener> listeners,
      ObjectProvider<AuditSink> auditSink, ObjectProvider<IdpProfiles> profiles) {
    ScimEngine.Builder builder = ScimEngine.builder().stores(stores).mapping(mapping).config(config);
    writeHook.ifAvailable(builder::writeHook);
    auditSink.ifAvailable(builder::auditSink);
    profiles.ifAvailable(builder::profiles);
    listeners.orderedStream().forEach(builder::listener);
    return builder.build();
  }

  @Bean
  @ConditionalOnMissingBean
  ScimFeature scimFeature(ScimEngine engine, BearerAuthenticator authenticator, ScimKitProperties properties,
      ObjectProvider<RequestMetrics> metrics) {
    ScimKitProperties.Http http = properties.http();
    ScimFeature.Builder builder = ScimFeature.builder(engine, authenticator)
        .basePath(properties.basePath())
        .maxBodyBytes(http.maxBodySize().toBytes())
        .maxJsonDepth(http.maxJsonDepth())
        .rateLimit(http.rateLimitPerSecond(), http.rateLimitBurst())
        .metrics(metrics.getIfAvailable(() -> RequestMetrics.NONE));
    if (http.documentationUri() != null) {
      builder.documentationUri(http.documentationUri());
    }
    return builder.build();
  }

  @Bean
  ResourceConfigCustomizer scimResourceConfigCustomizer(ScimFeature feature) {
    return config -> config.register(feature);
  }

  /** The application's Jersey application when it defines none, so that Jersey starts at all. */
  @Bean
  @ConditionalOnMissingBean
  ResourceConfig scimResourceConfig() {
    return new ResourceConfig();
  }
}
