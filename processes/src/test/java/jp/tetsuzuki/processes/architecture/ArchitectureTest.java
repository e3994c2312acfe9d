package jp.tetsuzuki.processes.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.LocalDate;
import java.time.ZoneId;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.processes.approval.Route;
import jp.tetsuzuki.processes.calendar.OfficeCalendar;

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

  /** The approval route's rules, and everything they use, are plain: no engine, Spring or JDBC (STYLE.md). */
  @ArchTest
  static final ArchRule approvalRouteRulesArePlain = noClasses()
      .that().belongToAnyOf(Route.class)
      .should().transitivelyDependOnClassesThat().resideInAnyPackage("org.camunda..", "org.apache.camel..",
          "org.springframework..", "java.sql..", "javax.sql..");

  // ---- rules written once (the shared ones live in jp.tetsuzuki.bpmn.rules, which every module sees)

  /** The zone is named once ({@link JapanTime#ZONE}); everything else uses that constant or UTC. */
  @ArchTest
  static final ArchRule theZoneIsNamedOnce = noClasses()
      .that().doNotBelongToAnyOf(JapanTime.class)
      .should().callMethod(ZoneId.class, "of", String.class)
      .because("dates are Tokyo dates through jp.tetsuzuki.bpmn.rules.JapanTime.ZONE, not a zone named again");

  /**
   * Counting open days is the office calendar's: outside {@code calendar}, code asks it for offsets and counts
   * ({@code addOpenDays}, {@code subtractOpenDays}, {@code openDaysBetween}, {@code closedDaysBetween}) instead of
   * walking the days with {@code isOpen} in a loop of its own.
   */
  @ArchTest
  static final ArchRule openDaysAreCountedByTheCalendar = noClasses()
      .that().resideOutsideOfPackage("jp.tetsuzuki.processes.calendar..")
      .should().callMethod(OfficeCalendar.class, "isOpen", LocalDate.class)
      .orShould().callMethod(OfficeCalendar.class, "isClosed", LocalDate.class);
}
