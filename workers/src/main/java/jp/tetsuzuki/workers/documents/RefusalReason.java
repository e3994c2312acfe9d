package jp.tetsuzuki.workers.documents;

/**
 * Why a document is refused: an English machine code (stable, for models, logs and metrics) and a Japanese message
 * that tells the applicant what to do. Messages with {@code %s} are completed by {@link DocumentRefusedException}.
 */
public enum RefusalReason {
  EMPTY("ファイルが空です。内容のあるファイルを選び直して提出してください。"),
  TOO_LARGE("ファイルが大きすぎます（上限 %s）。解像度を下げるか、ページを分けて提出してください。"),
  TOO_MANY_PAGES("ページ数が多すぎます（上限 %s ページ）。必要なページだけにして提出してください。"),
  TYPE_NOT_ALLOWED("この書類として受け付けられないファイル形式です（%s）。%s のいずれかで提出してください。"),
  ENCRYPTED("パスワードや暗号化で保護されたファイルは開けません。保護を解除してから提出してください。"),
  MACRO("マクロやスクリプトを含むファイルは受け付けられません。PDF などマクロを含まない形式で保存し直して提出してください。"),
  ARCHIVE("圧縮ファイル（ZIP など）や添付ファイルを含むファイルは受け付けられません。中のファイルを取り出し、1件ずつ提出してください。"),
  DECOMPRESSION_BOMB("ファイルの内容が展開すると異常に大きくなります。壊れているか不正なファイルの可能性があります。元のアプリケーションから保存し直して提出してください。"),
  POLYGLOT("ファイルの中に別の形式のデータが含まれています。元のアプリケーションから PDF または画像として保存し直して提出してください。"),
  UNSAFE_XML("DTD（DOCTYPE 宣言）を含む XML は受け付けられません。電子インボイス（JP PINT）の形式で出力し直して提出してください。"),
  PARSE_TIMEOUT("ファイルの読み取りに時間がかかりすぎました。壊れているか複雑すぎる可能性があります。保存し直すか、スキャンした画像で提出してください。"),
  CORRUPT("ファイルが壊れているため読み取れません。元のアプリケーションから保存し直して提出してください。");

  private final String template;

  RefusalReason(String template) {
    this.template = template;
  }

  /** The machine code, e.g. {@code ENCRYPTED}. */
  public String code() {
    return name();
  }

  String template() {
    return template;
  }
}
