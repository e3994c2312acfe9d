package jp.tetsuzuki.processes.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Dependencies point one way (DESIGN.md, layout). */
@AnalyzeClasses(packages = "jp.tetsuzuki", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule workersDoNotDependOnThePlatform = noClasses()
      .that().resideInAPackage("jp.tetsuzuki.workers..")
      .should().dependOnClassesThat().resideInAPackage("jp.tetsuzuki.processes..");

  @ArchTest
  static final ArchRule integrationsDoNotDependOnThePlatform = noClasses()
      .that().resideInAPackage("jp.tetsuzuki.integrations..")
      .should().dependOnClassesThat().resideInAnyPackage("jp.tetsuzuki.processes..", "jp.tetsuzuki.workers..");

  @ArchTest
  static final ArchRule contractsStayPlain = noClasses()
      .that().resideInAPackage("jp.tetsuzuki.bpmn..")
      .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "org.apache.camel..",
          "org.springframework..", "jp.tetsuzuki.processes..");

  @ArchTest
  static final ArchRule businessRulesHaveNoFrameworkTypes = noClasses()
      .that().resideInAnyPackage("jp.tetsuzuki.processes.calendar..", "jp.tetsuzuki.processes.identifier..")
      .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "org.apache.camel..",
          "org.springframework..");
}
