package jp.tetsuzuki.processes.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The one bundle of case texts: every key the glue uses exists, and arguments land where they belong. */
class EventTextsTest {

  private static final Pattern USE = Pattern.compile("EventTexts\\.text\\(\\s*\"([a-z0-9.-]+)\"");

  @Test
  void everyKeyTheGlueUsesIsInTheBundle() throws IOException {
    List<String> missing = new ArrayList<>();
    int uses = 0;
    try (Stream<Path> sources = Files.list(Path.of("src/main/java/jp/tetsuzuki/processes/procedure"))) {
      for (Path source : sources.toList()) {
        Matcher use = USE.matcher(Files.readString(source));
        while (use.find()) {
          uses++;
          if (!EventTexts.has(use.group(1))) {
            missing.add(source.getFileName() + ": " + use.group(1));
          }
        }
      }
    }
    assertThat(uses).isGreaterThan(40);
    assertThat(missing).isEmpty();
  }

  @Test
  void textsAreJapaneseWithTheirArgumentsFilledIn() {
    assertThat(EventTexts.text("correction.requested", "2026-12-01", "工程表が添付されていません。"))
        .isEqualTo("補正を求めました（補正期限 2026-12-01）。補正があるまで標準処理期間は停止します。\n工程表が添付されていません。");
    assertThat(EventTexts.text("granted", EventTexts.inParentheses("適当"))).isEqualTo("許可することに決定しました。（適当）");
    assertThat(EventTexts.text("granted", EventTexts.inParentheses(null))).isEqualTo("許可することに決定しました。");
    assertThatThrownBy(() -> EventTexts.text("no.such.key")).hasMessageContaining("no.such.key");
  }
}
