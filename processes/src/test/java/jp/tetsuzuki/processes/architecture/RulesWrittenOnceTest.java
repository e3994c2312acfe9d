package jp.tetsuzuki.processes.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules that exist once in the source of every module (STYLE.md, "rules used by several features live once"): what
 * bytecode rules cannot see, the source can. Scans {@code src/main/java} of bpmn, forms, workers, integrations and
 * processes.
 */
class RulesWrittenOnceTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final List<String> MODULES = List.of("bpmn", "forms", "workers", "integrations", "processes");
  private static final String RULES = "bpmn/src/main/java/jp/tetsuzuki/bpmn/rules/";

  /** The arithmetic of a check digit: Σ mod 9 (法人番号, 登録番号) or Σ mod 11 (マイナンバー). */
  private static final Pattern CHECK_DIGIT_ARITHMETIC = Pattern.compile("%\\s*(9|11)\\b");
  private static final Pattern ZONE_NAME = Pattern.compile("\"Asia/Tokyo\"");

  @Test
  void checkDigitsAreComputedOnlyInTheSharedRules() {
    assertThat(filesMatching(CHECK_DIGIT_ARITHMETIC))
        .as("check digits are jp.tetsuzuki.bpmn.rules.CheckDigits' (used by the OCR worker and the platform)")
        .containsExactly(RULES + "CheckDigits.java");
  }

  @Test
  void theZoneIsNamedOnlyInTheSharedRules() {
    assertThat(filesMatching(ZONE_NAME)).containsExactly(RULES + "JapanTime.java");
  }

  private static List<String> filesMatching(Pattern pattern) {
    return MODULES.stream().map(m -> ROOT.resolve(m).resolve("src/main/java")).filter(Files::isDirectory)
        .flatMap(RulesWrittenOnceTest::javaFiles)
        .filter(file -> pattern.matcher(read(file)).find())
        .map(file -> ROOT.relativize(file).toString().replace('\\', '/')).sorted().toList();
  }

  private static Stream<Path> javaFiles(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
