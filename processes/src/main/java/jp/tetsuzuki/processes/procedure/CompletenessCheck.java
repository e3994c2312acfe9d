package jp.tetsuzuki.processes.procedure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.tetsuzuki.processes.identifier.IdentifierType;
import jp.tetsuzuki.processes.identifier.IdentifierValidator;
import jp.tetsuzuki.workers.documents.DocumentUse;

/**
 * 形式審査: the formal requirements of an application (行政手続法7条). Every required document of the catalog is
 * attached and of an accepted type, and every corporate or invoice registration number passes its check. Returns what
 * is wrong in Japanese, one line per item, for the correction request (補正). Plain Java.
 */
public final class CompletenessCheck {

  /** An attached document: its catalog kind and the media type detected from its content. */
  public record Attached(String documentId, String kind, String mediaType) {}

  /** What document-inspection found about an attached file. */
  public enum Outcome { UNINSPECTED, ACCEPTED, REFUSED, TRANSCRIBED }

  /**
   * The inspection of an attached document: a refused one carries the reason for the applicant in {@code note}; an
   * uninspected one has not been through document-inspection yet.
   */
  public record Inspection(String documentId, String kind, String fileName, Outcome outcome, String note) {}

  private CompletenessCheck() {}

  /**
   * The problems of an application whose attached documents' inspections are {@code inspections}. A refused document
   * does not count as attached: a kind that has only refused documents is named with each refused file and its
   * reason (the applicant must send it again), not as missing. A document not inspected yet is never complete, also
   * when the documents arrived on paper (every attached file is inspected before this check; one that was not is
   * named).
   */
  public static List<String> problems(Procedure procedure, List<Attached> documents, Map<String, Object> data,
      boolean paperDocumentsReceived, List<Inspection> inspections) {
    List<Inspection> refused = inspections.stream().filter(i -> i.outcome() == Outcome.REFUSED).toList();
    List<String> problems = new ArrayList<>();
    java.util.Set<String> refusedIds = new java.util.HashSet<>();
    refused.forEach(r -> refusedIds.add(r.documentId()));
    List<Attached> usable = documents.stream().filter(d -> !refusedIds.contains(d.documentId())).toList();
    if (!paperDocumentsReceived) {
      for (Procedure.DocumentKind kind : procedure.documents()) {
        List<Attached> ofKind = usable.stream().filter(d -> d.kind().equals(kind.kind())).toList();
        List<Inspection> refusedOfKind = refused.stream().filter(r -> r.kind().equals(kind.kind())).toList();
        if (ofKind.isEmpty() && !refusedOfKind.isEmpty()) {
          refusedOfKind.forEach(r -> problems.add(EventTexts.text("completeness.document-refused",
              r.fileName() == null ? r.documentId() : r.fileName(), kind.name(), r.note())));
        } else if (ofKind.isEmpty()) {
          problems.add(kind.name() + "が添付されていません。");
        } else if (ofKind.stream().noneMatch(d -> DocumentUse.APPLICATION_ATTACHMENT.allows(d.mediaType()))) {
          problems.add(kind.name() + "のファイル形式（" + ofKind.get(0).mediaType()
              + "）は受け付けられません。PDF または画像（PNG、JPEG、TIFF）で提出してください。");
        }
      }
    }
    for (Procedure.Field field : procedure.fields()) {
      Object value = data.get(field.key());
      if (value == null && field.required()) {
        problems.add(field.label() + "が記入されていません。");
      }
      if (value instanceof String text && (field.type().equals(IdentifierType.CORPORATE_NUMBER.code())
          || field.type().equals(IdentifierType.INVOICE_REGISTRATION_NUMBER.code()))) {
        var result = IdentifierValidator.validate(IdentifierType.fromCode(field.type()), text);
        if (!result.valid()) {
          problems.add(field.label() + "が正しくありません（桁数または検査用数字が誤っています）。");
        }
      }
    }
    inspections.stream().filter(i -> i.outcome() == Outcome.UNINSPECTED)
        .forEach(i -> problems.add(EventTexts.text("completeness.uninspected",
            i.fileName() == null ? i.documentId() : i.fileName(), i.kind())));
    return problems;
  }
}
