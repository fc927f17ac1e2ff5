package io.github.scimkit.example.boot;

import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.jersey.autoconfigure.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application that serves SCIM 2.0 through scimkit-spring-boot-starter. The starter
 * does the SCIM part over the H2 database of {@code application.properties}; this class only adds
 * the admin endpoint that creates a tenant and issues its API key.
 */
@SpringBootApplication
public class ScimExampleApplication {

  /**
   * Starts the application.
   *
   * @param args Spring Boot arguments, such as {@code --server.port=9090}
   */
  public static void main(String[] args) {
    SpringApplication.run(ScimExampleApplication.class, args);
  }

  /** Adds the admin endpoint; ScimKit needs no WADL, so Jersey does not look for JAXB at start. */
  @Bean
  ResourceConfigCustomizer adminEndpoint() {
    return config -> config.register(TenantAdminResource.class).property(ServerProperties.WADL_FEATURE_DISABLE, true);
  }
}
