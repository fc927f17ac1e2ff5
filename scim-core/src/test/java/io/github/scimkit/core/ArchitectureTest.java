package io.github.scimkit.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps HTTP, and the SDK's HTTP-bound server parts, out of the core, stores away from SCIM JSON,
 * and the core's packages free of cycles.
 */
@AnalyzeClasses(packages = "io.github.scimkit.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule core_has_no_http =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "jakarta.ws.rs..",
              "javax.ws.rs..",
              "jakarta.servlet..",
              "javax.servlet..",
              "org.glassfish..",
              "org.eclipse.jetty..",
              "com.unboundid.scim2.server.providers..",
              "com.unboundid.scim2.server.resources..",
              "com.unboundid.scim2.client..")
          .because("scim-core is the provisioning engine without HTTP; the adapter does HTTP");

  @ArchTest
  static final ArchRule core_never_replaces_the_sdk_wide_mapper =
      noClasses()
          .should()
          .callMethod(
              com.unboundid.scim2.common.utils.JsonUtils.class,
              "setCustomMapperFactory",
              com.unboundid.scim2.common.utils.MapperFactory.class)
          .because("an embeddable library must not change process-wide state");

  @ArchTest
  static final ArchRule stores_see_no_scim_json =
      noClasses()
          .that()
          .resideInAnyPackage("io.github.scimkit.core.store..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.fasterxml.jackson..",
              "com.unboundid.scim2.common.messages..",
              "com.unboundid.scim2.common.filters..",
              "com.unboundid.scim2.common.types..")
          .because("stores see plain records and simple predicates, never SCIM JSON, PATCH or filters");

  @ArchTest
  static final ArchRule packages_are_free_of_cycles = slices().matching("io.github.scimkit.(**)").should().beFreeOfCycles();
}
