package jp.tetsuzuki.processes.childcare.allocation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The allocation engine and its CSV reader are plain Java: the round process and the API only call them. */
@AnalyzeClasses(packages = "jp.tetsuzuki.processes.childcare.allocation",
    importOptions = ImportOption.DoNotIncludeTests.class)
class AllocationArchitectureTest {

  @ArchTest
  static final ArchRule allocationIsPlain = noClasses()
      .that().resideInAPackage("jp.tetsuzuki.processes.childcare.allocation..")
      .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "org.apache.camel..",
          "org.springframework..", "java.sql..", "javax.sql..", "com.fasterxml..", "jp.tetsuzuki.processes.api..");
}
