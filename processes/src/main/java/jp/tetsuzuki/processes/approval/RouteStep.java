package jp.tetsuzuki.processes.approval;

/**
 * One participant of one step of a route. A 合議 or 回覧 step has several participants at the same position.
 *
 * @param role the role the user was resolved from; null for an approver added on the way
 * @param department the department whose role it is
 * @param addedBy who added this approver on the way; null for steps from the route table
 * @param escalatedTo who received the step when it passed its deadline; may then act for the approver (代決)
 */
public record RouteStep(int position, int participant, StepKind kind, ApproverRole role, String department,
    String userId, int stepDays, Status status, String addedBy, String escalatedTo) {

  public enum Status { PENDING, ACTIVE, APPROVED, AGREED, DISAGREED, SENT, READ }

  public RouteStep withStatus(Status newStatus) {
    return new RouteStep(position, participant, kind, role, department, userId, stepDays, newStatus, addedBy,
        escalatedTo);
  }

  public RouteStep withPosition(int newPosition) {
    return new RouteStep(newPosition, participant, kind, role, department, userId, stepDays, status, addedBy,
        escalatedTo);
  }

  public RouteStep withEscalatedTo(String user) {
    return new RouteStep(position, participant, kind, role, department, userId, stepDays, status, addedBy, user);
  }
}
