package jp.tetsuzuki.integrations.registry;

import java.time.LocalDate;

/**
 * One corporation as the 法人番号システム Web-API describes it (the latest record, {@code history=0}).
 *
 * @param corporateNumber 法人番号 (13 digits)
 * @param name 商号又は名称
 * @param address 本店又は主たる事務所の所在地 (prefecture, city and street joined; abroad: the foreign address)
 * @param postCode 郵便番号 (7 digits, may be empty)
 * @param kind 法人種別 code (101 国の機関 … 301 株式会社 … 499 その他の設立登記法人)
 * @param assignmentDate 法人番号指定年月日 (the day the number was designated: its registration date)
 * @param updateDate 更新年月日 of the record
 * @param changeDate 変更年月日 (date of the latest change), may be null
 * @param closeDate 登記記録の閉鎖等年月日 (closed, e.g. liquidated or merged), null while the corporation exists
 * @param closeCause 登記記録の閉鎖等の事由 code (01 清算の結了等, 11 合併による解散等, 21 登記官による閉鎖, 31 その他), may be empty
 * @param successorCorporateNumber 承継先法人番号 after a merger, may be empty
 */
public record CorporateRecord(String corporateNumber, String name, String address, String postCode, String kind,
    LocalDate assignmentDate, LocalDate updateDate, LocalDate changeDate, LocalDate closeDate, String closeCause,
    String successorCorporateNumber) {

  /** Whether the registry shows the corporation closed (登記記録の閉鎖) on or before {@code day}. */
  public boolean closedOn(LocalDate day) {
    return closeDate != null && !day.isBefore(closeDate);
  }
}
