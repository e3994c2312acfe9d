package jp.tetsuzuki.processes.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tetsuzuki.bpmn.ConnectivityCheck;
import jp.tetsuzuki.bpmn.DocumentVariables;
import jp.tetsuzuki.bpmn.LegacyEntryVariables;
import jp.tetsuzuki.bpmn.NotificationVariables;
import jp.tetsuzuki.bpmn.WorkerOutput;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What a worker may report comes from one source, the {@link WorkerOutput} constants of the contracts in {@code bpmn}:
 * a new output is allowed by marking it there, an input never is, and every result an element template tells designers
 * about is an allowed output of its topic.
 */
class WorkerTopicsTest {

  @Test
  void theAllowListIsTheMarkedConstantsOfTheContractsAndNothingElse() {
    Map<String, Set<String>> fixture = WorkerTopics.outputsOfContracts("jp.tetsuzuki.processes.access.contractfixture");
    assertThat(fixture).containsOnlyKeys("fixture-topic");
    assertThat(fixture.get("fixture-topic")).containsExactly("fixtureResult");

    assertThat(WorkerTopics.OUTPUTS).contains(DocumentVariables.DOCUMENT_MEDIA_TYPE, DocumentVariables.RECOGNITION,
        NotificationVariables.NOTIFICATION_MESSAGE_ID, LegacyEntryVariables.LEGACY_VALIDATION_ERRORS,
        ConnectivityCheck.ECHOED_BY);
    // inputs the platform sets: a worker that reports one is refused at the edge
    assertThat(WorkerTopics.OUTPUTS).doesNotContain(DocumentVariables.DOCUMENT_ID, DocumentVariables.DOCUMENT_USE,
        NotificationVariables.APPLICANT_EMAIL, NotificationVariables.NOTIFICATION_EVENT,
        LegacyEntryVariables.CASE_NUMBER, ConnectivityCheck.MESSAGE, "applicationId", "tenantId");
  }

  @Test
  void everyTopicWithOutputsIsServedByAPlatformWorker() {
    assertThat(WorkerTopics.ofPlatformWorkers()).containsAll(WorkerTopics.OUTPUTS_BY_TOPIC.keySet());
  }

  @Test
  void everyOutputAnElementTemplateNamesIsAllowedForItsTopic() throws IOException {
    Set<String> contractNames = new HashSet<>();
    for (Class<?> contract : new Class<?>[] {DocumentVariables.class, NotificationVariables.class,
        LegacyEntryVariables.class, ConnectivityCheck.class}) {
      contractNames.addAll(constants(contract, false));
    }
    Resource[] templates = new PathMatchingResourcePatternResolver()
        .getResources("classpath*:element-templates/*.json");
    assertThat(templates).hasSizeGreaterThanOrEqualTo(6);
    // a variable name in the text; {name} is a mail template's placeholder, not a result
    Pattern word = Pattern.compile("(?<![{A-Za-z0-9])[A-Za-z][A-Za-z0-9]*");
    for (Resource file : templates) {
      for (JsonNode template : new ObjectMapper().readTree(file.getInputStream())) {
        String topic = null;
        Set<String> inputs = new HashSet<>();
        for (JsonNode property : template.path("properties")) {
          JsonNode binding = property.path("binding");
          if ("camunda:topic".equals(binding.path("name").asText())) {
            topic = property.path("value").asText();
          } else if ("camunda:inputParameter".equals(binding.path("type").asText())) {
            inputs.add(binding.path("name").asText());
          }
        }
        assertThat(topic).as(file.getFilename() + ": topic").isNotBlank();
        assertThat(WorkerTopics.OUTPUTS_BY_TOPIC).as(file.getFilename()).containsKey(topic);
        Set<String> named = new TreeSet<>();
        Matcher m = word.matcher(template.path("description").asText());
        while (m.find()) {
          if (contractNames.contains(m.group()) && !inputs.contains(m.group())) {
            named.add(m.group());
          }
        }
        assertThat(WorkerTopics.OUTPUTS_BY_TOPIC.get(topic)).as(file.getFilename() + " names " + named)
            .containsAll(named);
      }
    }
  }

  private static Set<String> constants(Class<?> contract, boolean markedOnly) {
    Set<String> names = new HashSet<>();
    for (Field field : contract.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
          && (!markedOnly || field.isAnnotationPresent(WorkerOutput.class))) {
        try {
          names.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return names;
  }
}
