package jp.tetsuzuki.processes.procedure;

import java.util.List;

/**
 * The attached documents of a case as staff read them at review and 決裁: the catalog's name of each document kind,
 * the file name as submitted, and what document-inspection found, instead of bare document ids. The file name is
 * applicant text: escaped in the Markdown table (no links or markup), bounded in the plain list. Plain Java.
 */
public final class AttachmentList {

  static final String NONE = "（添付なし）";
  static final int MAX_FILE_NAME = 200;

  private AttachmentList() {}

  /** For the review form's text component: a Markdown table. */
  public static String markdown(Procedure procedure, List<ApplicationStore.Inspected> documents) {
    if (documents.isEmpty()) {
      return "#### 添付書類\n\n" + NONE + "\n";
    }
    StringBuilder out = new StringBuilder("#### 添付書類\n\n| 書類 | ファイル名 | 検査 | 文書ID |\n|---|---|---|---|\n");
    for (ApplicationStore.Inspected d : documents) {
      out.append("| ").append(ApplicationDetails.escape(kindName(procedure, d.kind()))).append(" | ")
          .append(ApplicationDetails.escape(fileName(d))).append(" | ").append(inspection(d)).append(" | ")
          .append(ApplicationDetails.escape(d.documentId())).append(" |\n");
    }
    return out.toString();
  }

  /** For the 決裁 form's read-only text area: one line per document. */
  public static String plain(Procedure procedure, List<ApplicationStore.Inspected> documents) {
    if (documents.isEmpty()) {
      return NONE;
    }
    StringBuilder out = new StringBuilder();
    for (ApplicationStore.Inspected d : documents) {
      if (!out.isEmpty()) {
        out.append('\n');
      }
      out.append("・").append(kindName(procedure, d.kind())).append(": ").append(fileName(d)).append("（")
          .append(inspection(d)).append("、文書ID ").append(d.documentId()).append("）");
    }
    return out.toString();
  }

  static String kindName(Procedure procedure, String kind) {
    return procedure.documents().stream().filter(k -> k.kind().equals(kind)).map(Procedure.DocumentKind::name)
        .findFirst().orElse(kind == null ? "その他" : kind);
  }

  private static String fileName(ApplicationStore.Inspected d) {
    String name = d.fileName() == null || d.fileName().isBlank() ? "（ファイル名なし）"
        : d.fileName().replaceAll("[\\p{Cntrl}]+", " ").strip();
    return name.length() > MAX_FILE_NAME ? name.substring(0, MAX_FILE_NAME) + "…" : name;
  }

  private static String inspection(ApplicationStore.Inspected d) {
    if (d.inspection() == null) {
      return "未検査";
    }
    return switch (d.inspection()) {
      case ApplicationStore.INSPECTION_ACCEPTED -> "検査済み";
      case ApplicationStore.INSPECTION_REFUSED -> "受け付けられない";
      case ApplicationStore.INSPECTION_TRANSCRIBED -> "職員が転記";
      default -> d.inspection();
    };
  }
}
