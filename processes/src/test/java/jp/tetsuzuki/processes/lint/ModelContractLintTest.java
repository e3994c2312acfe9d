package jp.tetsuzuki.processes.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Model contracts enforced (issue 9): the Java contract of each model ({@code jp.tetsuzuki.bpmn.*}, the class whose
 * {@code ID} is the process id) says only what the model does, and the model, its forms and the workers say nothing
 * the contract does not:
 * <ul>
 *   <li>every worker topic ({@code @ExternalTaskSubscription} in {@code workers}) is used by some packaged model,
 *       unless {@link #NOT_YET_USED} names the issue and process that will use it; a topic listed there that a model
 *       does use fails too, so the list only shrinks;</li>
 *   <li>every element id, form, message, error code, topic and decision a contract names exists in its model (a form
 *       packaged in {@code forms}, or one of the {@link #GENERATED_FORMS});</li>
 *   <li>every form of {@code forms/<process-id>/} has an id the contract names, and every field key of it is a
 *       constant of that contract.</li>
 * </ul>
 */
class ModelContractLintTest {

  /**
   * Worker topics no packaged model uses yet, each with the issue and process that will: remove an entry as soon as
   * a model uses its topic (the lint fails until then), never add one for a topic a model could use today.
   */
  static final Map<String, String> NOT_YET_USED = Map.of();

  /**
   * Forms the platform generates and deploys itself instead of packaging them (their fields come from data, e.g. the
   * procedure catalog), with the class that makes them; their ids must still be contract constants.
   */
  static final Map<String, String> GENERATED_FORMS = Map.of(
      "administrative-procedure-start", "processes/procedure PaperApplicationForm (paper registration, from the catalog)");

  private static final String CONTRACTS = "jp.tetsuzuki.bpmn";
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern ELEMENT_ID =
      Pattern.compile("^(Task|Event|Gateway|SubProcess|Call|Flow|Boundary|Activity|Lane)_[A-Za-z0-9]+$");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Process id → the model that defines it. */
  private static final Map<String, BpmnModelInstance> MODELS = new TreeMap<>();
  /** Form id → the process folder it lives in ({@code forms/<process-id>/<task-id>.form}) and its field keys. */
  private static final Map<String, PackagedForm> FORMS = new TreeMap<>();
  private static final Set<String> DECISIONS = new TreeSet<>();
  private static final Set<String> WORKER_TOPICS = new TreeSet<>();
  /** Process id → its contract class. */
  private static final Map<String, Class<?>> CONTRACT_OF = new TreeMap<>();

  record PackagedForm(String id, String folder, String file, Set<String> keys) {}

  @BeforeAll
  static void load() throws Exception {
    var resolver = new PathMatchingResourcePatternResolver();
    for (Resource resource : resolver.getResources("classpath*:bpmn/**/*.bpmn")) {
      try (InputStream in = resource.getInputStream()) {
        BpmnModelInstance model = Bpmn.readModelFromStream(in);
        for (Process process : model.getModelElementsByType(Process.class)) {
          MODELS.put(process.getId(), model);
        }
      }
    }
    for (Resource resource : resolver.getResources("classpath*:dmn/**/*.dmn")) {
      try (InputStream in = resource.getInputStream()) {
        Dmn.readModelFromStream(in).getModelElementsByType(Decision.class).forEach(d -> DECISIONS.add(d.getId()));
      }
    }
    for (Resource resource : resolver.getResources("classpath*:forms/**/*.form")) {
      String path = resource.getURL().getPath();
      String folder = path.replaceAll(".*/forms/([^/]+)/[^/]+$", "$1");
      try (InputStream in = resource.getInputStream()) {
        JsonNode form = JSON.readTree(in);
        Set<String> keys = new TreeSet<>();
        collectKeys(form, keys);
        FORMS.put(form.path("id").asText(), new PackagedForm(form.path("id").asText(), folder,
            resource.getFilename(), keys));
      }
    }
    var workers = new ClassPathScanningCandidateComponentProvider(false);
    workers.addIncludeFilter(new AnnotationTypeFilter(ExternalTaskSubscription.class));
    for (var candidate : workers.findCandidateComponents("jp.tetsuzuki.workers")) {
      ExternalTaskSubscription subscription = ClassUtils.forName(candidate.getBeanClassName(), null)
          .getAnnotation(ExternalTaskSubscription.class);
      String topic = given(subscription.topicName()) ? subscription.topicName() : subscription.value();
      if (given(topic)) {
        WORKER_TOPICS.add(topic);
      }
    }
    var contracts = new ClassPathScanningCandidateComponentProvider(false);
    contracts.addIncludeFilter((reader, factory) -> true);
    for (var candidate : contracts.findCandidateComponents(CONTRACTS)) {
      Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), null);
      if (type.getName().endsWith("Test") || !type.getPackageName().equals(CONTRACTS)) {
        continue;
      }
      Object id = constants(type).get("ID");
      if (id instanceof String processId && MODELS.containsKey(processId)) {
        CONTRACT_OF.put(processId, type);
      }
    }
    assertThat(MODELS).isNotEmpty();
    assertThat(FORMS).isNotEmpty();
    assertThat(WORKER_TOPICS).isNotEmpty();
  }

  @Test
  void everyModelHasAContract() {
    assertThat(CONTRACT_OF.keySet()).as("processes with a contract class in " + CONTRACTS)
        .containsExactlyInAnyOrderElementsOf(MODELS.keySet());
  }

  @Test
  void everyWorkerTopicIsUsedBySomeModelOrExcusedByTheIssueThatWillUseIt() {
    Map<String, String> usedBy = new LinkedHashMap<>();
    MODELS.forEach((processId, model) -> topicsOf(model).forEach(topic -> usedBy.putIfAbsent(topic, processId)));
    List<String> problems = new ArrayList<>();
    for (String topic : WORKER_TOPICS) {
      if (usedBy.containsKey(topic) && NOT_YET_USED.containsKey(topic)) {
        problems.add(topic + " is used by " + usedBy.get(topic) + ": remove it from NOT_YET_USED");
      } else if (!usedBy.containsKey(topic) && !NOT_YET_USED.containsKey(topic)) {
        problems.add(topic + " is served by a worker but no model uses it");
      }
    }
    for (String excused : NOT_YET_USED.keySet()) {
      if (!WORKER_TOPICS.contains(excused)) {
        problems.add(excused + " is excused in NOT_YET_USED but no worker serves it: remove it");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyIdOfAContractExistsInItsModel() throws IllegalAccessException {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Class<?>> entry : CONTRACT_OF.entrySet()) {
      BpmnModelInstance model = MODELS.get(entry.getKey());
      String contract = entry.getValue().getSimpleName();
      Set<String> formRefs = attributes(model, "formRef");
      Set<String> messages = new HashSet<>();
      model.getModelElementsByType(Message.class).forEach(m -> messages.add(m.getName()));
      Set<String> errorCodes = new HashSet<>();
      model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Error.class)
          .forEach(e -> errorCodes.add(e.getErrorCode()));
      Set<String> decisionRefs = new HashSet<>();
      model.getModelElementsByType(BusinessRuleTask.class).forEach(t -> decisionRefs.add(t.getCamundaDecisionRef()));
      for (Map.Entry<String, Object> constant : constants(entry.getValue()).entrySet()) {
        String name = constant.getKey();
        if (!(constant.getValue() instanceof String value)) {
          continue;
        }
        String where = contract + "." + name + " = \"" + value + "\"";
        if (ELEMENT_ID.matcher(value).matches() && model.getModelElementById(value) == null) {
          problems.add(where + ": no element with this id in " + entry.getKey());
        } else if (name.startsWith("FORM_") && !formRefs.contains(value)) {
          problems.add(where + ": no camunda:formRef to it in " + entry.getKey());
        } else if (name.startsWith("FORM_") && !FORMS.containsKey(value) && !GENERATED_FORMS.containsKey(value)) {
          problems.add(where + ": no packaged form with this id (nor one the platform generates)");
        } else if (name.startsWith("MSG_") && !messages.contains(value)) {
          problems.add(where + ": no bpmn:message with this name in " + entry.getKey());
        } else if (name.startsWith("ERROR_") && !errorCodes.contains(value)) {
          problems.add(where + ": no bpmn:error with this code in " + entry.getKey());
        } else if (name.startsWith("TOPIC_") && !topicsOf(model).contains(value)) {
          problems.add(where + ": no external task with this topic in " + entry.getKey());
        } else if (name.startsWith("DECISION_") && value.contains("-")
            && !(decisionRefs.contains(value) && DECISIONS.contains(value))) {
          // decision ids are kebab-case; DECISION_APPROVE = "approve" and the like are values of a variable
          problems.add(where + ": " + (DECISIONS.contains(value) ? "no business rule task refers to it"
              : "no packaged decision with this id"));
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyFormBelongsToAContractAndItsFieldKeysAreContractConstants() throws IllegalAccessException {
    List<String> problems = new ArrayList<>();
    for (PackagedForm form : FORMS.values()) {
      String where = "forms/" + form.folder() + "/" + form.file() + " (" + form.id() + ")";
      Class<?> contract = CONTRACT_OF.get(form.folder());
      if (contract == null) {
        problems.add(where + ": folder " + form.folder() + " is not the id of a packaged process with a contract");
        continue;
      }
      Map<String, Object> constants = constants(contract);
      boolean named = constants.entrySet().stream()
          .anyMatch(c -> c.getKey().startsWith("FORM_") && form.id().equals(c.getValue()));
      if (!named) {
        problems.add(where + ": " + contract.getSimpleName() + " has no FORM_ constant for this form id");
      }
      for (String key : form.keys()) {
        if (!constants.containsValue(key)) {
          problems.add(where + ": field key '" + key + "' is no constant of " + contract.getSimpleName());
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** The public static final fields of a contract by name. */
  private static Map<String, Object> constants(Class<?> type) throws IllegalAccessException {
    Map<String, Object> constants = new TreeMap<>();
    for (Field field : type.getFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)) {
        constants.put(field.getName(), field.get(null));
      }
    }
    return constants;
  }

  /** Topics of external service, send and business-rule tasks and of message events implemented externally. */
  private static Set<String> topicsOf(BpmnModelInstance model) {
    return attributes(model, "topic");
  }

  private static Set<String> attributes(BpmnModelInstance model, String camundaAttribute) {
    Set<String> values = new TreeSet<>();
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      String value = element.getAttributeValueNs(CAMUNDA_NS, camundaAttribute);
      if (value != null && !value.isBlank()) {
        values.add(value);
      }
    }
    return values;
  }

  /** Field keys of a form-js schema, groups included. */
  private static void collectKeys(JsonNode node, Set<String> keys) {
    for (JsonNode component : node.path("components")) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      collectKeys(component, keys);
    }
  }

  private static boolean given(String value) {
    return value != null && !value.isEmpty() && !ExternalTaskSubscription.STRING_NULL_VALUE.equals(value);
  }
}
