package io.github.scimkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.github.scimkit.core.config.EngineConfig;
import io.github.scimkit.core.engine.ScimEngine;
import io.github.scimkit.core.event.LifecycleEvent;
import io.github.scimkit.core.event.LifecycleListener;
import io.github.scimkit.core.event.WriteHook;
import io.github.scimkit.core.request.RequestContext;
import io.github.scimkit.core.resource.ResourceKind;
import io.github.scimkit.core.store.memory.InMemoryStoreProvider;
import io.github.scimkit.jersey.ScimFeature;
import io.github.scimkit.jersey.auth.AuthenticatedClient;
import io.github.scimkit.jersey.auth.BearerAuthenticator;
import io.github.scimkit.jersey.metrics.MicrometerRequestMetrics;
import io.github.scimkit.jersey.metrics.RequestMetrics;
import io.github.scimkit.store.jdbc.JdbcStoreProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.glassfish.jersey.server.ResourceConfig;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** Which beans the starter makes, and which of the application's it takes, without a server. */
class ScimKitAutoConfigurationTest {

  private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ScimKitMetricsAutoConfiguration.class,
          ScimKitAutoConfiguration.class, ScimKitHealthAutoConfiguration.class));

  private static GenericScimResource user(String userName) throws Exception {
    return new GenericScimResource((ObjectNode) JsonUtils.getObjectReader().readTree(
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName + "\"}"));
  }

  @Test
  void withoutADataSourceTheStoresAreInMemoryAndTheFeatureIsRegistered() {
    runner.run(context -> {
      assertThat(context).hasSingleBean(InMemoryStoreProvider.class).hasSingleBean(ScimFeature.class)
          .doesNotHaveBean(RequestMetrics.class);
      assertThat(context.getBean(ResourceConfig.class)).isNotNull();

      ScimTenants tenants = context.getBean(ScimTenants.class);
      tenants.create("acme");
      String key = tenants.issueKey("acme");
      assertThat(context.getBean(BearerAuthenticator.class).authenticate(key))
          .map(AuthenticatedClient::tenantId).hasValue("acme");
      assertThat(context.getBean(BearerAuthenticator.class).authenticate(key + "x")).isEmpty();
      assertThatThrownBy(() -> tenants.create("acme")).isInstanceOf(ResourceConflictException.class);
      assertThat(context.getBean("scimkitHealthIndicator", HealthIndicator.class).health(false).getStatus())
          .isEqualTo(Status.UP);
    });
  }

  @Test
  void overTheApplicationsDataSourceTheJdbcStoreIsMigratedAndUsed() {
    runner.withBean(DataSource.class, () -> {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:starter-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
      return h2;
    }).run(context -> {
      assertThat(context).hasSingleBean(JdbcStoreProvider.class).doesNotHaveBean(InMemoryStoreProvider.class);
      ScimTenants tenants = context.getBean(ScimTenants.class);
      tenants.create("acme");
      String key = tenants.issueKey("acme");
      assertThat(context.getBean(BearerAuthenticator.class).authenticate(key))
          .map(AuthenticatedClient::tenantId).hasValue("acme");
      assertThatThrownBy(() -> tenants.create("acme")).isInstanceOf(ResourceConflictException.class);
      assertThat(context.getBean(JdbcStoreProvider.class).tenant("acme")).isPresent();
    });
  }

  @Test
  void theEngineCallsTheApplicationsHookAndEveryListener() {
    AtomicInteger hookCalls = new AtomicInteger();
    List<String> heard = new CopyOnWriteArrayList<>();
    runner.withBean(WriteHook.class, () -> write -> {
      hookCalls.incrementAndGet();
      return WriteHook.NONE.beforeWrite(write);
    })
        .withBean("first", LifecycleListener.class, () -> (LifecycleEvent event) -> heard.add("first"))
        .withBean("second", LifecycleListener.class, () -> (LifecycleEvent event) -> heard.add("second"))
        .run(context -> {
          context.getBean(InMemoryStoreProvider.class).createTenant("acme");
          context.getBean(ScimEngine.class).create(RequestContext.of("acme", "test"), ResourceKind.USER,
              user("ada@example.com"));
          assertThat(hookCalls).hasValue(1);
          assertThat(heard).containsExactlyInAnyOrder("first", "second");
        });
  }

  @Test
  void theDocsOnboardingSnippetIssuesAWorkingKey() {
    runner.withBean(Onboarding.class).run(context -> {
      String key = context.getBean(Onboarding.class).enableScim("acme");
      assertThat(context.getBean(BearerAuthenticator.class).authenticate(key))
          .map(AuthenticatedClient::tenantId).hasValue("acme");
    });
  }

  @Test
  void theApplicationsAuthenticatorReplacesTheApiKeyOne() {
    BearerAuthenticator own = token -> Optional.of(new AuthenticatedClient("sso", "acme", Optional.empty()));
    runner.withBean(BearerAuthenticator.class, () -> own)
        .run(context -> assertThat(context.getBean(BearerAuthenticator.class)).isSameAs(own));
  }

  @Test
  void aMeterRegistryReceivesTheRequestMetrics() {
    runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .run(context -> assertThat(context.getBean(RequestMetrics.class)).isInstanceOf(MicrometerRequestMetrics.class));
  }

  @Test
  void propertiesReachTheEngine() {
    runner.withPropertyValues("scimkit.engine.max-filter-length=128", "scimkit.engine.max-page-size=50",
            "scimkit.engine.default-page-size=10")
        .run(context -> {
          EngineConfig config = context.getBean(EngineConfig.class);
          assertThat(config.maxFilterLength()).isEqualTo(128);
          assertThat(config.maxPageSize()).isEqualTo(50);
          assertThat(config.maxPatchOperations()).isEqualTo(EngineConfig.defaults().maxPatchOperations());
        });
  }

  @Test
  void turnedOffItServesNothing() {
    runner.withPropertyValues("scimkit.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(ScimFeature.class).doesNotHaveBean(ScimEngine.class));
  }
}
