package jp.tetsuzuki.processes.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Arrays;
import jp.tetsuzuki.workers.rpa.demo.LegacySystemSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Simulators of outside systems stay out of the production code path: production classes (everything outside a
 * {@code demo} package) never refer to a simulator, and what wires one is a configuration of the {@code demo} profile.
 * The rules run over every module's main classes, and are shown to catch a configuration that imports a simulator.
 */
class SimulatorArchitectureTest {

  /** A simulator: a class named {@code …Simulator}, kept in a {@code demo} package. */
  static final DescribedPredicate<JavaClass> SIMULATORS =
      DescribedPredicate.describe("simulators", c -> c.getSimpleName().endsWith("Simulator"));

  static final ArchRule productionNeverRefersToASimulator = noClasses()
      .that().resideOutsideOfPackage("..demo..")
      .should().dependOnClassesThat(SIMULATORS)
      .because("production configuration never imports a simulator; the demo profile and tests wire them");

  static final ArchRule simulatorsLiveInDemoPackages = classes().that(SIMULATORS).should().resideInAPackage("..demo..");

  static final ArchRule demoConfigurationIsForTheDemoProfileOnly = classes()
      .that().resideInAPackage("..demo..").and().areAnnotatedWith(Configuration.class)
      .should(new ArchCondition<>("be annotated @Profile(\"demo\")") {
        @Override
        public void check(JavaClass item, ConditionEvents events) {
          boolean demo = item.tryGetAnnotationOfType(Profile.class)
              .map(profile -> Arrays.asList(profile.value()).equals(java.util.List.of("demo"))).orElse(false);
          events.add(new SimpleConditionEvent(item, demo, item.getName() + (demo ? " is" : " is not")
              + " limited to the demo profile"));
        }
      });

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("jp.tetsuzuki");

  @Test
  void productionClassesNeverReferToASimulator() {
    productionNeverRefersToASimulator.check(MAIN);
  }

  @Test
  void simulatorsLiveInDemoPackagesAndAreWiredForTheDemoProfileOnly() {
    assertThat(MAIN.that(SIMULATORS)).isNotEmpty();
    simulatorsLiveInDemoPackages.check(MAIN);
    demoConfigurationIsForTheDemoProfileOnly.check(MAIN);
  }

  /** The shape the rpa wiring had before: a production configuration that starts the simulator itself. */
  @Configuration
  static class ProductionConfigurationThatImportsTheSimulator {
    @Bean
    LegacySystemSimulator simulator() throws java.io.IOException {
      return new LegacySystemSimulator("u", "p", 0);
    }
  }

  @Test
  void theRuleCatchesAProductionConfigurationThatImportsASimulator() {
    JavaClasses offending = new ClassFileImporter()
        .importClasses(ProductionConfigurationThatImportsTheSimulator.class, LegacySystemSimulator.class);
    assertThat(productionNeverRefersToASimulator.evaluate(offending).hasViolation()).isTrue();
  }
}
