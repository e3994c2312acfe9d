package jp.tetsuzuki.processes.approval;

import java.time.Clock;
import java.time.LocalDate;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps substitutes' access in step with their periods: a registration that starts later makes its substitute a
 * candidate of the principal's open tasks on its first day, and one that ended takes that back (links and task
 * authorizations). Runs on every node; each registration is claimed in the database first, so it is done once.
 */
@Component
class SubstituteLinks {

  private static final Logger LOG = LoggerFactory.getLogger(SubstituteLinks.class);

  private final SubstituteRegistry registry;
  private final ApprovalEngineCommands engine;
  private final Clock clock;

  SubstituteLinks(SubstituteRegistry registry, ApprovalEngineCommands engine) {
    this.registry = registry;
    this.engine = engine;
    this.clock = Clock.systemUTC();
  }

  /** Every 10 minutes (configurable), so a period that starts or ends at midnight JST takes effect soon after. */
  @Scheduled(initialDelayString = "${tetsuzuki.approval.substitute-sync-ms:600000}",
      fixedDelayString = "${tetsuzuki.approval.substitute-sync-ms:600000}")
  void synchronize() {
    LocalDate today = LocalDate.now(clock.withZone(JapanTime.ZONE));
    for (Substitute s : registry.dueForLinking(today)) {
      if (registry.claimLinking(s.id(), clock.instant())) {
        engine.linkSubstitute(s);
        LOG.info("substitute registration {} began: substitute linked to the principal's open tasks", s.id());
      }
    }
    for (Substitute s : registry.dueForUnlinking(today)) {
      if (registry.claimUnlinking(s.id(), clock.instant())) {
        engine.unlinkSubstitute(s);
        LOG.info("substitute registration {} ended: links and task authorizations taken back", s.id());
      }
    }
  }
}
