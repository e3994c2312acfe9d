package jp.tetsuzuki.processes.access;

import java.util.Set;
import java.util.TreeSet;
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

  private static boolean given(String value) {
    return value != null && !value.isEmpty() && !ExternalTaskSubscription.STRING_NULL_VALUE.equals(value);
  }
}
