package jp.tetsuzuki.processes.document;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Addresses of the staff document view ({@link StaffDocumentController}): a verification form shows the scan its task
 * names from there, with the staff member's webapp session. The addresses are relative (no host), so the scan loads
 * from whatever address staff opened the Tasklist at ({@code localhost}, {@code 127.0.0.1}, a proxy's name): the
 * session cookie belongs to that host. form-js image components take absolute sources only, so the forms show the
 * page as a Markdown image in a text component ({@link #markdownImage}).
 */
public final class StaffDocumentLinks {

  /** Path of the view, below the webapps' API (Camunda's session and CSRF filters apply there). */
  public static final String PATH = "/camunda/api/tetsuzuki/tasks";

  private StaffDocumentLinks() {}

  /** The file as it was sent (PDF, PNG, JPEG), shown inline. */
  public static String content(String taskId, String documentId) {
    return PATH + "/" + encode(taskId) + "/documents/" + encode(documentId);
  }

  /** One page as a PNG image (a PDF page is rendered). */
  public static String preview(String taskId, String documentId, int page) {
    return content(taskId, documentId) + "/pages/" + page + ".png";
  }

  /** A Markdown image of one page, for a form's text component (which keeps relative image sources). */
  public static String markdownImage(String alt, String taskId, String documentId, int page) {
    return "![" + alt + "](" + preview(taskId, documentId, page) + ")";
  }

  /** A Markdown line linking the scan, for a form's text component. */
  public static String markdownLink(String taskId, String documentId) {
    return "[原本を別の画面で開く（全ページ）](" + content(taskId, documentId) + ")";
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8);
  }
}
