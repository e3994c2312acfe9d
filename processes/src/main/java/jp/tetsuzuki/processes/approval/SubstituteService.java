package jp.tetsuzuki.processes.approval;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import jp.tetsuzuki.bpmn.rules.JapanTime;

/**
 * Registration of substitutes (代理). Staff register their own substitute; a tenant's supervisors may register one
 * for anyone of the tenant. A substitute acts for the principal only: they cannot appoint a substitute for the
 * principal, and their own substitutes never see the principal's tasks (substitution is not transitive).
 */
public class SubstituteService {

  /** A registration request as it arrives (dates as ISO text, so that a malformed one names its field). */
  public record Request(String tenantId, String principal, String substitute, String validFrom, String validTo) {}

  private static final int MAX_PERIOD_DAYS = 366;

  private final SubstituteRegistry registry;
  private final TenantMembers members;
  private final Clock clock;

  public SubstituteService(SubstituteRegistry registry, TenantMembers members, Clock clock) {
    this.registry = registry;
    this.members = members;
    this.clock = clock;
  }

  public Substitute register(String caller, Request request) {
    String tenantId = required("tenantId", request.tenantId());
    if (!members.isMember(tenantId, caller)) {
      throw ApprovalException.invalid("tenantId", "you are not a member of tenant '" + tenantId + "'");
    }
    String principal = request.principal() == null || request.principal().isBlank() ? caller
        : request.principal().trim();
    String substitute = required("substitute", request.substitute());
    LocalDate from = date("validFrom", request.validFrom());
    LocalDate to = date("validTo", request.validTo());
    if (to.isBefore(from)) {
      throw ApprovalException.invalid("validTo", "must not be before validFrom");
    }
    if (to.isBefore(today())) {
      throw ApprovalException.invalid("validTo", "the period has already ended");
    }
    if (from.plusDays(MAX_PERIOD_DAYS).isBefore(to)) {
      throw ApprovalException.invalid("validTo", "a period is at most " + MAX_PERIOD_DAYS + " days");
    }
    if (!members.isMember(tenantId, principal)) {
      throw ApprovalException.invalid("principal", "「" + principal + "」はこの自治体（" + tenantId
          + "）の職員ではありません。", "'" + principal + "' is not a member of tenant '" + tenantId + "'");
    }
    if (!members.isMember(tenantId, substitute) || !members.isPerson(substitute)) {
      throw ApprovalException.invalid("substitute", "「" + substitute + "」はこの自治体（" + tenantId
          + "）の職員ではありません。", "'" + substitute + "' is not a member of tenant '" + tenantId + "'");
    }
    if (substitute.equals(principal)) {
      throw ApprovalException.invalid("substitute", "本人を自分の代理者にはできません。",
          "must differ from the principal");
    }
    if (!caller.equals(principal)) {
      if (registry.isActiveSubstitute(tenantId, principal, caller, today())) {
        throw ApprovalException.forbidden("代理者は、さらに代理者を指定できません（「" + principal + "」の代理）。",
            "a substitute cannot appoint a substitute for '" + principal + "'");
      }
      if (!members.isManager(tenantId, caller)) {
        throw ApprovalException.forbidden("「" + principal + "」の代理者を登録できるのは、本人または管理職だけです。",
            "only '" + principal + "' or a supervisor may register their substitute");
      }
      if (caller.equals(substitute)) {
        // a supervisor may arrange a substitute for someone, but not make themselves one
        throw ApprovalException.forbidden("管理職は自分自身を「" + principal + "」の代理者に登録できません。",
            "a supervisor cannot register themselves as substitute for '" + principal + "'");
      }
    }
    Substitute registered = new Substitute(UUID.randomUUID().toString(), tenantId, principal, substitute, from, to,
        caller, clock.instant());
    registry.insert(registered);
    return registered;
  }

  /** Registrations that concern the caller, or the user named (supervisors only for others). */
  public List<Substitute> list(String caller, String tenantId, String user) {
    String tenant = required("tenantId", tenantId);
    if (!members.isMember(tenant, caller)) {
      throw ApprovalException.invalid("tenantId", "この自治体（" + tenant + "）に所属していません。",
          "you are not a member of tenant '" + tenant + "'");
    }
    String subject = user == null || user.isBlank() ? caller : user.trim();
    if (!subject.equals(caller) && !members.isManager(tenant, caller)) {
      throw ApprovalException.forbidden("ほかの職員の代理者の登録を見られるのは管理職だけです。",
          "only supervisors may list the substitutes of others");
    }
    return registry.concerning(tenant, subject, today());
  }

  /** Removes a registration; allowed to the principal, its creator and the tenant's supervisors. */
  public Substitute delete(String caller, String id) {
    Substitute s = registry.find(id).filter(r -> members.isMember(r.tenantId(), caller))
        .orElseThrow(() -> ApprovalException.notFound("代理者の登録が見つかりません。",
            "no substitute registration '" + id + "'"));
    if (!caller.equals(s.principal()) && !caller.equals(s.createdBy()) && !members.isManager(s.tenantId(), caller)) {
      throw ApprovalException.forbidden("この登録を取り消せるのは、本人、登録した人または管理職だけです。",
          "only the principal or a supervisor may remove this registration");
    }
    registry.delete(id);
    return s;
  }

  private LocalDate today() {
    return clock.instant().atZone(JapanTime.ZONE).toLocalDate();
  }

  private static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ApprovalException.invalid(field, "is required");
    }
    return value.trim();
  }

  private static LocalDate date(String field, String value) {
    try {
      return LocalDate.parse(required(field, value));
    } catch (DateTimeParseException e) {
      throw ApprovalException.invalid(field, "must be a date like 2025-04-01");
    }
  }
}
