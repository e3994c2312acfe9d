package jp.tetsuzuki.processes.childcare.points;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The points service is plain Java: the table is DMN data, the engine only evaluates it behind an interface. */
@AnalyzeClasses(packages = "jp.tetsuzuki.processes.childcare.points", importOptions = ImportOption.DoNotIncludeTests.class)
class PointsArchitectureTest {

  @ArchTest
  static final ArchRule pointsArePlain = noClasses()
      .that().resideInAPackage("jp.tetsuzuki.processes.childcare.points..")
      .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "org.apache.camel..",
          "org.springframework..", "java.sql..", "javax.sql..", "com.fasterxml..");
}
