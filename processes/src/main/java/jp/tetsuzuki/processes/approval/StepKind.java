package jp.tetsuzuki.processes.approval;

import java.util.Locale;

/** What a step asks of its participants. */
public enum StepKind {
  /** 決裁: one approver approves, rejects or sends back. */
  APPROVAL("決裁"),
  /** 合議: consulted departments give their opinion in parallel; all must agree. */
  CONSULTATION("合議"),
  /** 回覧: shown for information; never blocks the route. */
  CIRCULATION("回覧");

  private final String label;

  StepKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static StepKind parse(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("stepKind is missing");
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("stepKind '" + value + "' is not one of approval, consultation, circulation");
    }
  }
}
