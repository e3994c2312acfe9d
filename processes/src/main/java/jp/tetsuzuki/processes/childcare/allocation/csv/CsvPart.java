package jp.tetsuzuki.processes.childcare.allocation.csv;

/** Which file a problem is in: its name in the API (the multipart part) and in Japanese. */
public enum CsvPart {
  APPLICANTS("applicants", "申請者ファイル"),
  FACILITIES("facilities", "保育所ファイル"),
  RESULT("result", "結果ファイル");

  public final String name;
  public final String ja;

  CsvPart(String name, String ja) {
    this.name = name;
    this.ja = ja;
  }
}
