package jp.tetsuzuki.processes.contract;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The contract-payment rules (contract model, invoice reader and validation, deadlines, interest, accounting files and
 * acknowledgements) are plain Java (STYLE.md; DESIGN.md "Business rules … live in plain Java services"): no engine,
 * Camel or Spring types, no JDBC. Found by package, so a new rule class is covered without a list; only the JDBC
 * adapters ({@code Jdbc*}) talk to a database, and no rule depends on them.
 */
@AnalyzeClasses(packages = "jp.tetsuzuki.processes.contract", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractRulesArchitectureTest {

  @ArchTest
  static final ArchRule contractRulesArePlain = noClasses()
      .that().resideInAPackage("jp.tetsuzuki.processes.contract..").and().haveSimpleNameNotStartingWith("Jdbc")
      .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "org.apache.camel..",
          "org.springframework..", "java.sql..", "javax.sql..");

  @ArchTest
  static final ArchRule rulesDoNotReachForTheJdbcAdapters = noClasses()
      .that().resideInAPackage("jp.tetsuzuki.processes.contract..").and().haveSimpleNameNotStartingWith("Jdbc")
      .should().dependOnClassesThat().haveSimpleNameStartingWith("Jdbc");
}
