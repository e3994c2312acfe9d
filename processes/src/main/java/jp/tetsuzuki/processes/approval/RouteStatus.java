package jp.tetsuzuki.processes.approval;

/** Where a route stands, with the Japanese word staff read. */
public enum RouteStatus {
  IN_PROGRESS("進行中"), SENT_BACK("起案者へ差戻し中"), APPROVED("決裁済"), REJECTED("否認"), WITHDRAWN("引戻し");

  private final String label;

  RouteStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isOpen() {
    return this == IN_PROGRESS || this == SENT_BACK;
  }
}
