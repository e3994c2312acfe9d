package jp.tetsuzuki.processes.access;

import java.util.Set;
import jp.tetsuzuki.bpmn.ConnectivityCheck;
import jp.tetsuzuki.bpmn.DocumentVariables;
import jp.tetsuzuki.bpmn.LegacyEntryVariables;
import jp.tetsuzuki.bpmn.NotificationVariables;
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

  /**
   * The variables a worker may report: its outputs (the "Output" constants of the worker contracts). Everything else
   * is an input the platform set (which document, which application, which notice, whose case), and a worker that
   * sends one would point the next step at another record, so the edge refuses it.
   */
  static final Set<String> OUTPUTS = Set.of(
      DocumentVariables.DOCUMENT_MEDIA_TYPE, DocumentVariables.DOCUMENT_PAGES, DocumentVariables.DOCUMENT_TEXT_LENGTH,
      DocumentVariables.REFUSAL_CODE, DocumentVariables.REFUSAL_REASON, DocumentVariables.RECOGNITION,
      DocumentVariables.NEEDS_VERIFICATION, NotificationVariables.NOTIFICATION_MESSAGE_ID,
      LegacyEntryVariables.LEGACY_RECORD_NUMBER, LegacyEntryVariables.LEGACY_ENTRY_OUTCOME,
      LegacyEntryVariables.LEGACY_ENTRY_AUDIT, LegacyEntryVariables.LEGACY_VALIDATION_ERRORS, ConnectivityCheck.ECHO,
      ConnectivityCheck.ECHOED_BY);

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
