package jp.tetsuzuki.workers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.tetsuzuki.bpmn.LegacyEntryVariables;
import jp.tetsuzuki.bpmn.NotificationVariables;
import jp.tetsuzuki.bpmn.Topics;
import jp.tetsuzuki.workers.notification.MailTemplates;
import org.junit.jupiter.api.Test;

/** The Modeler templates of the new topics name the topic and the variables the handlers read, and nothing else. */
class ElementTemplatesTest {

  private static JsonNode template(String topic) throws Exception {
    try (InputStream in = ElementTemplatesTest.class.getResourceAsStream("/element-templates/" + topic + ".json")) {
      assertThat(in).as("element template of " + topic).isNotNull();
      return new ObjectMapper().readTree(in).get(0);
    }
  }

  private static String bound(JsonNode template, String property) {
    for (JsonNode p : template.get("properties")) {
      if (property.equals(p.at("/binding/name").asText())) {
        return p.get("value").asText();
      }
    }
    return null;
  }

  private static List<String> inputs(JsonNode template) {
    List<String> names = new ArrayList<>();
    template.get("properties").forEach(p -> {
      if ("camunda:inputParameter".equals(p.at("/binding/type").asText())) {
        names.add(p.at("/binding/name").asText());
      }
    });
    return names;
  }

  private static List<String> constants(Class<?> contract) {
    return Arrays.stream(contract.getFields()).filter(f -> Modifier.isStatic(f.getModifiers()))
        .map(ElementTemplatesTest::value).toList();
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void legacyEntryTemplateSubscribesTheTopicAndMapsEveryInputTheBotNeeds() throws Exception {
    JsonNode template = template(Topics.LEGACY_SYSTEM_ENTRY);
    assertThat(bound(template, "camunda:type")).isEqualTo("external");
    assertThat(bound(template, "camunda:topic")).isEqualTo(Topics.LEGACY_SYSTEM_ENTRY);
    assertThat(inputs(template)).containsExactlyInAnyOrder(LegacyEntryVariables.CASE_NUMBER,
        LegacyEntryVariables.APPLICANT_NAME, LegacyEntryVariables.APPLICANT_NAME_KANA,
        LegacyEntryVariables.APPLICANT_BIRTH_DATE, LegacyEntryVariables.POSTAL_CODE, LegacyEntryVariables.ADDRESS,
        LegacyEntryVariables.DECISION_DATE, LegacyEntryVariables.AMOUNT);
  }

  @Test
  void notificationTemplateOffersExactlyTheEventsThatHaveAMailTemplate() throws Exception {
    JsonNode template = template(Topics.NOTIFY_APPLICANT);
    assertThat(bound(template, "camunda:topic")).isEqualTo(Topics.NOTIFY_APPLICANT);
    assertThat(inputs(template)).allMatch(constants(NotificationVariables.class)::contains);

    List<String> events = new ArrayList<>();
    template.get("properties").forEach(p -> p.path("choices").forEach(c -> events.add(c.get("value").asText())));
    assertThat(events).containsExactlyInAnyOrder(NotificationVariables.EVENT_APPLICATION_RECEIVED,
        NotificationVariables.EVENT_APPLICATION_APPROVED, NotificationVariables.EVENT_CORRECTION_REQUESTED);
    Map<String, String> values = Map.of("applicantName", "山田 花子", "procedureName", "保育所入所申請",
        "caseNumber", "R7-0042", "decisionDate", "2025-03-28", "correctionReason", "就労証明書の再提出",
        // what a correction request also needs (the template's description says so)
        "correctionDueDate", "2025-04-11", "contact", "デモ区 保育課",
        "correctionConsequence", "期限までに補正がない場合は、申請は取り下げられたものとして扱います。");
    String description = template.get("properties").findValuesAsText("description").toString();
    assertThat(values.keySet()).filteredOn(k -> k.startsWith("correction") || k.equals("contact"))
        .allSatisfy(variable -> assertThat(description).contains(variable));
    MailTemplates mail = new MailTemplates();
    assertThat(events).allSatisfy(event -> assertThat(mail.render(event, values).subject()).contains("R7-0042"));
  }
}
