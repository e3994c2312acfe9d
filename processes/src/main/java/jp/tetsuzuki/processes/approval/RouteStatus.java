package jp.tetsuzuki.processes.approval;

/** Where a route stands. */
public enum RouteStatus {
  IN_PROGRESS, SENT_BACK, APPROVED, REJECTED, WITHDRAWN;

  public boolean isOpen() {
    return this == IN_PROGRESS || this == SENT_BACK;
  }
}
