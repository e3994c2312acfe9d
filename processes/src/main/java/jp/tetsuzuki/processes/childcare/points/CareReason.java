package jp.tetsuzuki.processes.childcare.points;

import java.util.Arrays;

/** Why a guardian cannot care for the child (保育を必要とする事由), as the points tables name it. */
public enum CareReason {
  /** 就労 (employment or self-employment outside the home): points by days and hours. */
  WORK("work", "就労"),
  /** 内職など在宅のその他の就労. */
  OTHER_WORK("other-work", "その他の就労"),
  /** 妊娠・出産. */
  PREGNANCY("pregnancy", "妊娠・出産"),
  /** The guardian does not exist (the other parent of a single-parent household). */
  ABSENT("absent", "保護者不存在"),
  /** No reason: the guardian can care for the child. */
  NONE("none", "事由なし");

  private final String code;
  private final String labelJa;

  CareReason(String code, String labelJa) {
    this.code = code;
    this.labelJa = labelJa;
  }

  public String code() {
    return code;
  }

  public String labelJa() {
    return labelJa;
  }

  /** The reason of a code ({@code work}, {@code other-work}, …); null when the code is unknown. */
  public static CareReason ofCode(String code) {
    return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst().orElse(null);
  }
}
