package jp.tetsuzuki.processes.document;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Addresses of the staff document view ({@link StaffDocumentController}): a verification form shows the scan its task
 * names from there, with the staff member's webapp session. form-js takes only absolute {@code http(s)} image
 * sources, so the links start with the address staff open the webapps at ({@code tetsuzuki.webapp-url}).
 */
public final class StaffDocumentLinks {

  /** Path of the view, below the webapps' API (Camunda's session and CSRF filters apply there). */
  public static final String PATH = "/camunda/api/tetsuzuki/tasks";

  private StaffDocumentLinks() {}

  /** The file as it was sent (PDF, PNG, JPEG), shown inline. */
  public static String content(String webappUrl, String taskId, String documentId) {
    return webappUrl + PATH + "/" + encode(taskId) + "/documents/" + encode(documentId);
  }

  /** One page as a PNG image (what a form-js image component can show; a PDF page is rendered). */
  public static String preview(String webappUrl, String taskId, String documentId, int page) {
    return content(webappUrl, taskId, documentId) + "/pages/" + page + ".png";
  }

  /** A Markdown line linking the scan, for a form's text component. */
  public static String markdownLink(String webappUrl, String taskId, String documentId) {
    return "[原本を別の画面で開く（全ページ）](" + content(webappUrl, taskId, documentId) + ")";
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8);
  }
}
