package jp.tetsuzuki.processes.access;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import jp.tetsuzuki.bpmn.WorkerOutput;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The topics the platform's workers serve, read from their {@code @ExternalTaskSubscription}s in {@code workers}
 * (also when this node runs no workers itself): a worker account fetches these and nothing else.
 */
final class WorkerTopics {

  /**
   * The variables a worker may report: the contract constants of {@code jp.tetsuzuki.bpmn} marked
   * {@link WorkerOutput}, by topic. Everything else is an input the platform set (which document, which application,
   * which notice, whose case), and a worker that sends one would point the next step at another record, so the edge
   * refuses it.
   */
  static final Map<String, Set<String>> OUTPUTS_BY_TOPIC = outputsOfContracts("jp.tetsuzuki.bpmn");

  /** Every topic's outputs together: a report names no topic, so the edge checks against all of them. */
  static final Set<String> OUTPUTS = OUTPUTS_BY_TOPIC.values().stream().flatMap(Set::stream)
      .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private WorkerTopics() {}

  static Set<String> ofPlatformWorkers() {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ExternalTaskSubscription.class));
    Set<String> topics = new TreeSet<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents("jp.tetsuzuki.workers")) {
      Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), WorkerTopics.class.getClassLoader());
      ExternalTaskSubscription subscription = type.getAnnotation(ExternalTaskSubscription.class);
      String topic = given(subscription.topicName()) ? subscription.topicName() : subscription.value();
      if (given(topic)) {
        topics.add(topic);
      }
    }
    if (topics.isEmpty()) {
      throw new IllegalStateException("no @ExternalTaskSubscription found in jp.tetsuzuki.workers");
    }
    return Set.copyOf(topics);
  }

  /** The {@link WorkerOutput} constants of the contract classes in {@code basePackage}, by topic. */
  static Map<String, Set<String>> outputsOfContracts(String basePackage) {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter((reader, factory) -> true);
    Map<String, Set<String>> byTopic = new TreeMap<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
      Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), WorkerTopics.class.getClassLoader());
      for (Field field : type.getDeclaredFields()) {
        WorkerOutput output = field.getAnnotation(WorkerOutput.class);
        if (output == null) {
          continue;
        }
        if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
          throw new IllegalStateException("@WorkerOutput marks a static String constant, not " + field);
        }
        String name;
        try {
          name = (String) field.get(null);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("@WorkerOutput constant not readable: " + field, e);
        }
        for (String topic : output.value()) {
          byTopic.computeIfAbsent(topic, t -> new TreeSet<>()).add(name);
        }
      }
    }
    if (byTopic.isEmpty()) {
      throw new IllegalStateException("no @WorkerOutput constant found in " + basePackage);
    }
    Map<String, Set<String>> frozen = new TreeMap<>();
    byTopic.forEach((topic, names) -> frozen.put(topic, Set.copyOf(names)));
    return java.util.Collections.unmodifiableMap(frozen);
  }

  private static boolean given(String value) {
    return value != null && !value.isEmpty() && !ExternalTaskSubscription.STRING_NULL_VALUE.equals(value);
  }
}
