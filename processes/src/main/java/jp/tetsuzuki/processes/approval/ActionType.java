package jp.tetsuzuki.processes.approval;

/** What happened on a route, with the Japanese word staff read in the history. */
public enum ActionType {
  SUBMITTED("起案"),
  APPROVED("承認"),
  REJECTED("否認"),
  SENT_BACK("差戻し"),
  RESUBMITTED("再提出"),
  WITHDRAWN("引戻し"),
  APPROVER_ADDED("承認者追加"),
  CONSULTATION_AGREED("合議（同意）"),
  CONSULTATION_DISAGREED("合議（異議）"),
  RETURNED_BY_CONSULTATION("合議の異議により差戻し"),
  CIRCULATED("回覧送付"),
  READ("回覧（閲覧済）"),
  REMINDED("督促"),
  ESCALATED("期限超過によるエスカレーション");

  private final String label;

  ActionType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
