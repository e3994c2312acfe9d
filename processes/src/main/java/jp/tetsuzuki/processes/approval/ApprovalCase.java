package jp.tetsuzuki.processes.approval;

import java.time.Instant;

/** The document on its way through a route (one approval-route instance). */
public record ApprovalCase(String processInstanceId, String tenantId, String subject, String kind, long amount,
    String department, String procedureCode, String originator, RouteStatus status, int currentPosition,
    Instant createdAt, Instant endedAt) {

  public ApprovalCase at(int position, RouteStatus newStatus) {
    return new ApprovalCase(processInstanceId, tenantId, subject, kind, amount, department, procedureCode, originator,
        newStatus, position, createdAt, endedAt);
  }

  public ApprovalCase ended(RouteStatus newStatus, Instant when) {
    return new ApprovalCase(processInstanceId, tenantId, subject, kind, amount, department, procedureCode, originator,
        newStatus, currentPosition, createdAt, when);
  }
}
