package jp.tetsuzuki.processes.api;

/**
 * A request the public API refuses, with the HTTP status, an English message written for the client's developer and
 * the request field at fault (null when it is not about one field). Refusals of an application's content also carry
 * the Japanese sentence that staff and applicants read ({@link #japanese()}): the API returns it beside the English
 * detail, the Tasklist's paper form and the file intake show the very same text.
 */
public class ApiException extends RuntimeException {

  /** The member of the API's problem answer with {@link #japanese()}. */
  public static final String MESSAGE_JA = "messageJa";

  private final int status;
  private final String field;
  private final String japanese;

  public ApiException(int status, String field, String message) {
    this(status, field, message, null);
  }

  public ApiException(int status, String field, String message, String japanese) {
    super(message);
    this.status = status;
    this.field = field;
    this.japanese = japanese;
  }

  /** A 400 naming the field, in English for the client's developer and in Japanese for the people who read it. */
  public static ApiException invalid(String field, String message, String japanese) {
    return new ApiException(400, field, message, japanese);
  }

  public static ApiException badRequest(String field, String message) {
    return new ApiException(400, field, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, null, message);
  }

  public static ApiException notFound(String message, String japanese) {
    return new ApiException(404, null, message, japanese);
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, null, message);
  }

  public static ApiException conflict(String message, String japanese) {
    return new ApiException(409, null, message, japanese);
  }

  /**
   * The Japanese sentence of a refusal that has no more specific one: every problem answer of the public API carries
   * {@code messageJa}, so that a client can always show its users a Japanese reason.
   */
  public static String japaneseFor(int status, String field) {
    String item = field == null || field.isBlank() ? "" : "（項目: " + field + "）";
    return switch (status) {
      case 400 -> "入力内容に誤りがあります" + item + "。";
      case 401 -> "ログインが必要です。";
      case 403 -> "この操作を行う権限がありません" + item + "。";
      case 404 -> "指定されたものが見つかりません（存在しないか、参照する権限がありません）" + item + "。";
      case 409 -> "案件の状態が変わったため、この操作はできません。状態を確かめてください。";
      case 413 -> "ファイルまたは要求が大きすぎます" + item + "。";
      case 415, 422 -> "この内容は受け付けられません" + item + "。";
      case 429 -> "要求が多すぎます。しばらくしてから再度お試しください。";
      default -> "要求を処理できませんでした。";
    };
  }

  public int status() {
    return status;
  }

  public String field() {
    return field;
  }

  /** The Japanese sentence for staff and applicants, or null when the refusal has none (a client's technical error). */
  public String japanese() {
    return japanese;
  }
}
