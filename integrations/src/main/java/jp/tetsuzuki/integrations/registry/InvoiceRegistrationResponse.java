package jp.tetsuzuki.integrations.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads the answer of the 適格請求書発行事業者公表システム Web-API (Ver.1, 「登録番号を指定して情報を取得する機能」
 * {@code /1/num}, {@code type=21}: JSON), as published by the 国税庁 in 「適格請求書発行事業者公表システムWeb-API機能の
 * リクエストの設定方法及び提供データの内容について」 and its リソース定義書 (https://www.invoice-kohyo.nta.go.jp/web-api):
 * an object with {@code lastUpdateDate}, {@code count}, {@code divideNumber}, {@code divideSize} (numbers as strings)
 * and {@code announcement}, one object per record with {@code sequenceNumber}, {@code registratedNumber} (sic),
 * {@code process} (01 新規登録, 02 変更, 03 失効, 04 取消, 99 削除), {@code correct}, {@code kind} (1 個人, 2 法人),
 * {@code country}, {@code latest} (1 = latest record), {@code registrationDate}, {@code updateDate},
 * {@code disposalDate} (取消年月日), {@code expireDate} (失効年月日), {@code address}, {@code name}, {@code kana},
 * {@code tradeName}, {@code popularName_previousName}, … Dates are {@code YYYY-MM-DD}, empty strings when not
 * applicable. An unknown number does not appear in {@code announcement}.
 */
public final class InvoiceRegistrationResponse {

  private static final ObjectMapper JSON = new ObjectMapper();

  private InvoiceRegistrationResponse() {}

  /**
   * @param json the body of a 200 answer
   * @param registrationNumber the 登録番号 asked for ("T" and 13 digits)
   * @throws RegistryAnswerException when the body is not the documented shape
   */
  public static InvoiceRegistrationResult parse(String json, String registrationNumber) {
    JsonNode root;
    try {
      root = JSON.readTree(json == null ? "" : json);
    } catch (JsonProcessingException e) {
      throw new RegistryAnswerException("invoice registry answered no readable JSON");
    }
    if (root == null || !root.isObject() || !root.path("count").isValueNode()
        || !(root.path("announcement").isArray() || root.path("announcement").isMissingNode())) {
      throw new RegistryAnswerException("invoice registry answered an unexpected JSON shape");
    }
    JsonNode latest = null;
    for (JsonNode record : root.path("announcement")) {
      if (!registrationNumber.equals(record.path("registratedNumber").asText())) {
        continue;
      }
      if (latest == null || "1".equals(record.path("latest").asText())) {
        latest = record;
      }
    }
    if (latest == null || "99".equals(latest.path("process").asText())) {
      return new InvoiceRegistrationResult.NotFound(registrationNumber);
    }
    return new InvoiceRegistrationResult.Found(new InvoiceRegistration(registrationNumber,
        latest.path("name").asText(""), latest.path("address").asText(""), latest.path("kind").asText(""),
        latest.path("process").asText(""), date(latest, "registrationDate"), date(latest, "updateDate"),
        date(latest, "disposalDate"), date(latest, "expireDate")));
  }

  private static LocalDate date(JsonNode record, String field) {
    String value = record.path(field).asText("").trim();
    if (value.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new RegistryAnswerException("invoice registry answered an unreadable " + field);
    }
  }
}
