package jp.tetsuzuki.integrations.casefile;

import jp.tetsuzuki.integrations.port.ProcessGateway;
import jp.tetsuzuki.integrations.port.ProcessGateway.StartResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts the case of a {@link CaseFile} as the route's service identity, if its model is on the allow-list and its
 * business key has not started a case of that tenant and model before. A file for {@code administrative-procedure}
 * is an application: its variables ({@code procedureCode}, {@code applicant}, {@code data}, {@code documents}) go to
 * the platform's application service, with the API's checks and idempotency.
 */
@Component
public class CaseFileStarter {

  private static final Logger LOG = LoggerFactory.getLogger(CaseFileStarter.class);

  private final ProcessGateway processes;
  private final CaseFileIntakeProperties properties;

  public CaseFileStarter(ProcessGateway processes, CaseFileIntakeProperties properties) {
    this.processes = processes;
    this.properties = properties;
  }

  /**
   * @return the case of the file, started now or before
   * @throws IllegalArgumentException (Japanese message, written to the file's reason) when the model may not be
   *     started from a file or the gateway refuses the tenant
   */
  public StartResult start(CaseFile file) {
    if (!properties.allows(file.processKey())) {
      LOG.warn("case-file-intake: process key '{}' is not on the allow-list {}, nothing started", file.processKey(),
          properties.processKeys());
      throw new IllegalArgumentException("処理キー「" + file.processKey() + "」はファイル取込で開始できません"
          + "（許可されている処理キー: " + String.join("、", properties.processKeys()) + "）");
    }
    // an application goes through the platform's application service, like one sent to the public API
    StartResult result = CaseFileIntakeProperties.APPLICATIONS.equals(file.processKey())
        ? processes.submitApplication(properties.serviceUser(), file.tenantId(), file.businessKey(), file.variables())
        : processes.startOnce(properties.serviceUser(), file.processKey(), file.tenantId(), file.businessKey(),
            file.variables());
    if (result.started()) {
      LOG.info("case-file-intake: started {} for {} ({}) as {}", file.processKey(), file.tenantId(),
          file.businessKey(), result.processInstanceId());
    } else {
      LOG.info("case-file-intake: case {} of {} in {} was started before as {}, nothing started",
          file.businessKey(), file.processKey(), file.tenantId(), result.processInstanceId());
    }
    return result;
  }
}
