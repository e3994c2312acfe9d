package jp.tetsuzuki.processes.childcare.nursery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import jp.tetsuzuki.processes.api.ApiException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The nursery outbox for administrators (no rule of the edge names it: administrators only; messages span all
 * tenants): the failed messages, and a requeue after the cause was fixed, which also resolves the message's incident
 * on its case. The message keeps its Idempotency-Key, so a system that had received it answers a replay.
 */
@RestController
@RequestMapping("/api/v1/childcare/nursery-outbox")
@Tag(name = "childcare nursery outbox", description = "Offers and enrollments to nursery systems (administrators)")
class NurseryOutboxController {

  private static final Logger LOG = LoggerFactory.getLogger(NurseryOutboxController.class);
  private static final Set<String> STATUSES = Set.of("pending", "sending", "delivered", "failed");

  record RequeuedView(String id, String status) {}

  private final NurseryOutboxWriter outbox;
  private final RuntimeService runtime;

  NurseryOutboxController(NurseryOutboxWriter outbox, RuntimeService runtime) {
    this.outbox = outbox;
    this.runtime = runtime;
  }

  @GetMapping
  @Operation(summary = "Messages of the nursery outbox in a status (default failed), newest first")
  List<NurseryOutboxWriter.Message> messages(@RequestParam(defaultValue = "failed") String status,
      @RequestParam(defaultValue = "50") String limit) {
    if (!STATUSES.contains(status)) {
      throw ApiException.invalid("status", "status: pending, sending, delivered or failed",
          "status は pending、sending、delivered、failed のいずれかです。");
    }
    return outbox.inStatus(status, limit(limit));
  }

  /** A whole number 1..500; anything else is refused naming {@code limit} (not clamped). */
  private static int limit(String limit) {
    if (limit.matches("[0-9]{1,4}")) {
      int value = Integer.parseInt(limit);
      if (value >= 1 && value <= NurseryOutboxWriter.MAX_LIST) {
        return value;
      }
    }
    throw ApiException.invalid("limit", "limit must be a whole number from 1 to " + NurseryOutboxWriter.MAX_LIST,
        "limit は1から" + NurseryOutboxWriter.MAX_LIST + "までの整数で指定してください。");
  }

  @PostMapping("/{id}/requeue")
  @Operation(summary = "Send a failed message again (same Idempotency-Key); resolves its incident")
  RequeuedView requeue(@PathVariable String id, Principal caller) {
    String status = outbox.status(id);
    if (status == null) {
      throw ApiException.notFound("no nursery outbox message " + id, "指定された送信が見つかりません。");
    }
    if (!outbox.requeue(id, Clock.systemUTC().instant())) {
      throw ApiException.conflict("message " + id + " is " + status + ", not failed",
          "この送信は失敗の状態ではないため、再送できません（状態: " + status + "）。");
    }
    runtime.createIncidentQuery().incidentType(NurseryIncidents.INCIDENT_TYPE).configuration(id).listPage(0, 100)
        .forEach(incident -> runtime.resolveIncident(incident.getId()));
    LOG.warn("nursery outbox message {} requeued by {}", id, caller.getName());
    return new RequeuedView(id, "pending");
  }
}
