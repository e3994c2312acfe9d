package jp.tetsuzuki.processes.procedure;

import jp.tetsuzuki.bpmn.AdministrativeProcedure;

/** The Japanese notice of the outcome sent to the applicant (text of the notification event). Plain Java. */
final class Notices {

  private Notices() {}

  static String text(Procedure procedure, ApplicationRecord application) {
    String body = switch (String.valueOf(application.outcome())) {
      case AdministrativeProcedure.OUTCOME_GRANTED -> EventTexts.text("notice.granted");
      case AdministrativeProcedure.OUTCOME_REFUSED -> EventTexts.text("notice.refused", application.outcomeReason());
      case AdministrativeProcedure.OUTCOME_DEEMED_WITHDRAWN -> application.outcomeReason();
      case AdministrativeProcedure.OUTCOME_WITHDRAWN -> EventTexts.text("notice.withdrawn");
      default -> EventTexts.text("notice.closed");
    };
    return EventTexts.text("notice.text", procedure.name(), body, procedure.legalBasis().text(),
        channelName(procedure.notification().channel()));
  }

  static String channelName(String channel) {
    String key = "notice.channel." + channel;
    return EventTexts.has(key) ? EventTexts.text(key) : EventTexts.text("notice.channel.portal");
  }
}
