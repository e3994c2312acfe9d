package jp.tetsuzuki.processes.procedure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jp.tetsuzuki.processes.document.StoredFile;

/**
 * The business rules of procedures (catalog, deadlines, completeness, request checks, notices) stay plain Java, as
 * the calendar and identifier packages do; engine and Spring types live only in the glue, store and controllers.
 */
@AnalyzeClasses(packages = "jp.tetsuzuki.processes", importOptions = ImportOption.DoNotIncludeTests.class)
class ProcedureRulesArchitectureTest {

  @ArchTest
  static final ArchRule procedureRulesHaveNoFrameworkTypes = noClasses()
      .that().belongToAnyOf(Procedure.class, ProcedureCatalog.class, ProcedureDeadlines.class,
          CompletenessCheck.class, ApplicationRequests.class, PaperApplicationForm.class, Notices.class,
          ApplicationRecord.class, ApplicationLifecycle.class, EventTexts.class, WorkerResults.class,
          StoredFile.class, LegacyCorrections.class, ApplicationDetails.class)
      .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "org.apache.camel..",
          "org.springframework..");
}
