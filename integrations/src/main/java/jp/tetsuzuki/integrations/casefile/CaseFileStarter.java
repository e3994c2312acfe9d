package jp.tetsuzuki.integrations.casefile;

import jp.tetsuzuki.integrations.port.ProcessGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Starts the case of a {@link CaseFile}, unless a case with its business key already exists. */
@Component
public class CaseFileStarter {

  private static final Logger LOG = LoggerFactory.getLogger(CaseFileStarter.class);

  private final ProcessGateway processes;

  public CaseFileStarter(ProcessGateway processes) {
    this.processes = processes;
  }

  /** @return the started process instance id, or {@code null} when the case existed already */
  public String start(CaseFile file) {
    if (processes.existsWithBusinessKey(file.processKey(), file.businessKey())) {
      LOG.info("case-file-intake: case {} of {} exists already, nothing started", file.businessKey(),
          file.processKey());
      return null;
    }
    String id = processes.start(file.processKey(), file.tenantId(), file.businessKey(), file.variables());
    LOG.info("case-file-intake: started {} for {} ({}) as {}", file.processKey(), file.tenantId(),
        file.businessKey(), id);
    return id;
  }
}
