package jp.tetsuzuki.processes.procedure;

import jp.tetsuzuki.bpmn.AdministrativeProcedure;

/** The Japanese notice of the outcome sent to the applicant (text of the notification event). Plain Java. */
final class Notices {

  private Notices() {}

  static String text(Procedure procedure, ApplicationRecord application) {
    String channel = switch (procedure.notification().channel()) {
      case "email" -> "電子メール";
      case "post" -> "郵送";
      default -> "申請ポータル";
    };
    String body = switch (String.valueOf(application.outcome())) {
      case AdministrativeProcedure.OUTCOME_GRANTED -> "申請のとおり許可します。";
      case AdministrativeProcedure.OUTCOME_REFUSED -> "申請を拒否します。理由: " + application.outcomeReason()
          + " この処分に不服がある場合は、処分があったことを知った日の翌日から起算して3か月以内に審査請求をすることができます。";
      case AdministrativeProcedure.OUTCOME_DEEMED_WITHDRAWN -> application.outcomeReason();
      case AdministrativeProcedure.OUTCOME_WITHDRAWN -> "申請の取下げを受理しました。";
      default -> "手続が終了しました。";
    };
    return "【" + procedure.name() + "】" + body + "（根拠: " + procedure.legalBasis().text() + "、通知方法: " + channel
        + "）";
  }
}
