package io.github.scimkit.spring.boot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the starter to the published API of core, the adapter and the JDBC store (their {@code internal}
 * packages may change in any release), and its packages free of cycles.
 */
@AnalyzeClasses(packages = "io.github.scimkit.spring.boot")
class ArchitectureTest {

  @ArchTest
  static final ArchRule uses_no_internal_package_of_another_module = noClasses().should().dependOnClassesThat()
      .resideInAnyPackage("io.github.scimkit.core.internal..", "io.github.scimkit.jersey.internal..");

  @ArchTest
  static final ArchRule packages_are_free_of_cycles = slices().matching("io.github.scimkit.(**)").should().beFreeOfCycles();
}
