package jp.tetsuzuki.processes.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Model lint for designers (DESIGN.md, beyond the anchors), run at build time over every packaged model: history
 * time to live set, every user task bound to an existing form, every external topic served by a worker, every worker
 * topic offered to designers as a Modeler element template, no generated ids on flow nodes.
 */
class ModelLintTest {

  private static final Pattern GENERATED_ID = Pattern.compile("^(Activity|Gateway|Event|Task|Flow)_[0-9a-z]{7}$");
  private static final List<BpmnModelInstance> MODELS = new ArrayList<>();
  private static final Set<String> FORM_IDS = new HashSet<>();
  private static final Set<String> WORKER_TOPICS = new HashSet<>();

  @BeforeAll
  static void load() throws IOException {
    var resolver = new PathMatchingResourcePatternResolver();
    for (Resource resource : resolver.getResources("classpath*:bpmn/**/*.bpmn")) {
      try (InputStream in = resource.getInputStream()) {
        MODELS.add(Bpmn.readModelFromStream(in));
      }
    }
    ObjectMapper json = new ObjectMapper();
    for (Resource resource : resolver.getResources("classpath*:forms/**/*.form")) {
      try (InputStream in = resource.getInputStream()) {
        JsonNode form = json.readTree(in);
        assertThat(form.path("id").asText()).as(resource.getFilename() + " has an id").isNotBlank();
        FORM_IDS.add(form.get("id").asText());
      }
    }
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ExternalTaskSubscription.class));
    for (var candidate : scanner.findCandidateComponents("jp.tetsuzuki.workers")) {
      try {
        WORKER_TOPICS.add(Class.forName(candidate.getBeanClassName())
            .getAnnotation(ExternalTaskSubscription.class).topicName());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    assertThat(MODELS).isNotEmpty();
  }

  @Test
  void everyProcessHasAHistoryTimeToLive() {
    for (BpmnModelInstance model : MODELS) {
      for (Process process : model.getModelElementsByType(Process.class)) {
        assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId()).isNotBlank();
      }
    }
  }

  @Test
  void everyUserTaskIsBoundToAnExistingForm() {
    for (BpmnModelInstance model : MODELS) {
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        assertThat(task.getCamundaFormRef()).as("formRef of " + task.getId()).isNotBlank();
        assertThat(FORM_IDS).as("form of " + task.getId()).contains(task.getCamundaFormRef());
      }
    }
  }

  @Test
  void everyExternalTopicHasAWorker() {
    for (BpmnModelInstance model : MODELS) {
      List<BaseElement> external = new ArrayList<>();
      model.getModelElementsByType(ServiceTask.class).stream()
          .filter(t -> "external".equals(t.getCamundaType())).forEach(external::add);
      model.getModelElementsByType(SendTask.class).stream()
          .filter(t -> "external".equals(t.getCamundaType())).forEach(external::add);
      for (BaseElement element : external) {
        String topic = element instanceof ServiceTask s ? s.getCamundaTopic() : ((SendTask) element).getCamundaTopic();
        assertThat(WORKER_TOPICS).as("worker for topic " + topic + " of " + element.getId()).contains(topic);
      }
    }
  }

  @Test
  void everyWorkerTopicHasAModelerElementTemplate() throws IOException {
    var resolver = new PathMatchingResourcePatternResolver();
    ObjectMapper json = new ObjectMapper();
    Set<String> templated = new HashSet<>();
    for (Resource resource : resolver.getResources("classpath*:element-templates/*.json")) {
      try (InputStream in = resource.getInputStream()) {
        for (JsonNode template : json.readTree(in)) {
          for (JsonNode property : template.get("properties")) {
            if ("camunda:topic".equals(property.path("binding").path("name").asText())) {
              templated.add(property.get("value").asText());
            }
          }
        }
      }
    }
    assertThat(templated).containsAll(WORKER_TOPICS);
  }

  @Test
  void flowNodesHaveReadableIds() {
    for (BpmnModelInstance model : MODELS) {
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        assertThat(node.getId()).as("generated id").doesNotMatch(GENERATED_ID);
      }
    }
  }
}
