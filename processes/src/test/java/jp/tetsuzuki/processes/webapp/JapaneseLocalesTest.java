package jp.tetsuzuki.processes.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our ja.json of each 7.24 webapp covers every key of the shipped en.json, keeps its placeholders and markup, and
 * is actually Japanese (issue 2).
 */
class JapaneseLocalesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TOKENS = Pattern.compile(
      "\\{\\{[^}]*}}|\\{[A-Za-z0-9_.]+}|%[sd]|</?[a-z][a-z0-9]*(\\s[^>]*)?/?>|https?://[^\\s\"<]+");
  private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyShippedKeyHasAJapaneseTranslationWithTheSamePlaceholders(String app) throws IOException {
    JsonNode english = read("META-INF/resources/webjars/camunda/app/" + app + "/locales/en.json").get("labels");
    JsonNode japanese = read("META-INF/resources/webjars/camunda/app/" + app + "/locales/ja.json").get("labels");

    assertThat(fieldNames(japanese)).containsExactlyInAnyOrderElementsOf(fieldNames(english));
    int prose = 0;
    int translated = 0;
    Map<String, String> broken = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = english.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String en = entry.getValue().asText();
      String ja = japanese.get(entry.getKey()).asText();
      if (!tokens(en).equals(tokens(ja))) {
        broken.put(entry.getKey(), en + " -> " + ja);
      }
      // a sentence or phrase (two or more words of letters) is prose a person reads
      if (en.replaceAll("<[^>]*>|\\{\\{[^}]*}}", "").matches(".*[A-Za-z]{2,}\\s+[A-Za-z]{2,}.*")) {
        prose++;
        if (JAPANESE.matcher(ja).find()) {
          translated++;
        }
      }
    }
    assertThat(broken).as("placeholders or markup changed").isEmpty();
    assertThat(translated).as("prose strings in Japanese").isGreaterThanOrEqualTo((int) (prose * 0.98));
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void datesFollowJapaneseConventions(String app) throws IOException {
    JsonNode dates = read("META-INF/resources/webjars/camunda/app/" + app + "/locales/ja.json").get("dateLocales");
    assertThat(dates.get("longDateFormat").get("LL").asText()).isEqualTo("YYYY年M月D日");
    assertThat(dates.get("weekdays").get(0).asText()).isEqualTo("日曜日");
    assertThat(dates.get("months").get(3).asText()).isEqualTo("4月");
  }

  private static List<String> tokens(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = TOKENS.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    found.sort(null);
    return found;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode read(String resource) throws IOException {
    try (InputStream in = JapaneseLocalesTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return JSON.readTree(in);
    }
  }
}
