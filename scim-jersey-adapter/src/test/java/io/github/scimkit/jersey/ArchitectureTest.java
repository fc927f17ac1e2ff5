package io.github.scimkit.jersey;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the adapter to the core's published API (its {@code internal} packages may change in any
 * release), and the adapter's packages free of cycles: the API packages ({@code jersey}, {@code
 * auth}, {@code metrics}) never depend back on {@code internal}'s users.
 */
@AnalyzeClasses(packages = "io.github.scimkit.jersey")
class ArchitectureTest {

  @ArchTest
  static final ArchRule uses_no_internal_package_of_the_core =
      noClasses().should().dependOnClassesThat().resideInAPackage("io.github.scimkit.core.internal..");

  @ArchTest
  static final ArchRule packages_are_free_of_cycles = slices().matching("io.github.scimkit.(**)").should().beFreeOfCycles();
}
