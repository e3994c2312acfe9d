package jp.tetsuzuki.integrations.registry;

import java.time.LocalDate;

/**
 * One 適格請求書発行事業者 as the 公表システム Web-API describes it (the latest record, {@code latest=1}).
 *
 * @param registrationNumber 登録番号 ({@code registratedNumber}: "T" and 13 digits)
 * @param name 氏名又は名称 ({@code name}); empty for an individual who has not asked for publication of the name
 * @param address 本店又は主たる事務所の所在地 ({@code address}), may be empty (individuals)
 * @param kind 人格区分 ({@code kind}): 1 個人, 2 法人
 * @param process 事業者処理区分 ({@code process}): 01 新規, 02 変更, 03 失効, 04 取消, 99 削除
 * @param registrationDate 登録年月日 ({@code registrationDate})
 * @param updateDate 更新年月日 ({@code updateDate})
 * @param disposalDate 取消年月日 ({@code disposalDate}), null unless the registration was revoked
 * @param expireDate 失効年月日 ({@code expireDate}), null unless the registration lapsed
 */
public record InvoiceRegistration(String registrationNumber, String name, String address, String kind,
    String process, LocalDate registrationDate, LocalDate updateDate, LocalDate disposalDate, LocalDate expireDate) {

  /** A registration's standing on one day. */
  public enum Standing {
    /** registered and neither revoked nor lapsed on that day */
    VALID,
    /** the registration starts after that day */
    NOT_YET_REGISTERED,
    /** 取消: revoked on or before that day */
    REVOKED,
    /** 失効: lapsed on or before that day */
    EXPIRED
  }

  /**
   * The standing on {@code day} (e.g. the invoice's date): valid from the registration date up to the day before
   * revocation or lapse.
   */
  public Standing standingOn(LocalDate day) {
    if (disposalDate != null && !day.isBefore(disposalDate)) {
      return Standing.REVOKED;
    }
    if (expireDate != null && !day.isBefore(expireDate)) {
      return Standing.EXPIRED;
    }
    if (registrationDate == null || day.isBefore(registrationDate)) {
      return Standing.NOT_YET_REGISTERED;
    }
    return Standing.VALID;
  }

  /** Whether the registration was valid on {@code day}. */
  public boolean validOn(LocalDate day) {
    return standingOn(day) == Standing.VALID;
  }
}
