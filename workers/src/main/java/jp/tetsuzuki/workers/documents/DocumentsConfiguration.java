package jp.tetsuzuki.workers.documents;

import jp.tetsuzuki.workers.WorkersSettings;
import org.camunda.bpm.client.spring.boot.starter.ClientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The workers read documents from the platform's worker endpoint, as the account and with the worker id of their
 * external-task client ({@code camunda.bpm.client.*}), in the worker application and in the platform's JVM alike.
 */
@Configuration(proxyBeanMethods = false)
class DocumentsConfiguration {

  @Bean
  DocumentSource platformDocuments(WorkersSettings settings, ClientProperties client) {
    if (client.getWorkerId() == null || client.getWorkerId().isBlank()) {
      throw new IllegalStateException("camunda.bpm.client.worker-id must be set: the platform hands a worker only "
          + "the documents of tasks locked under its worker id");
    }
    if (client.getBasicAuth() == null || client.getBasicAuth().getUsername() == null) {
      throw new IllegalStateException("camunda.bpm.client.basic-auth must name the workers' account");
    }
    // the bound properties hold the one worker id the client fetches with (a ${random.uuid} resolves only once here)
    return new PlatformDocumentClient(settings.platform(), client.getBasicAuth().getUsername(),
        client.getBasicAuth().getPassword(), client::getWorkerId, settings.maxDocumentSize().toBytes(),
        settings.requestTimeout());
  }
}
