package jp.tetsuzuki.processes.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import jp.tetsuzuki.processes.procedure.LegacyCorrections.Field;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Staff's corrections of the register's refused values, as a table: field, value → what the bot enters or why not. */
class LegacyCorrectionsTest {

  static final Map<String, Object> GIVEN = Map.of("applicantNameKana", "デモケンセツ", "postalCode", "100-0001",
      "address", "東京都デモ区1-1", "amount", 3200L);

  @ParameterizedTest(name = "{0} = {1} → {2}")
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "applicantNameKana  | デモ　ケンセツー     | デモ　ケンセツー",
      "applicantNameKana  | でもけんせつ         | !氏名カナは全角カタカナで入力してください。",
      "applicantNameKana  | ﾃﾞﾓ                 | !氏名カナは全角カタカナで入力してください。",
      "applicantBirthDate | 1979-01-31          | 1979-01-31",
      "applicantBirthDate | 1979/01/31          | !生年月日は「2025-04-01」の形式で入力してください。",
      "applicantBirthDate | 1979-02-30          | !生年月日は「2025-04-01」の形式で入力してください。",
      "applicantBirthDate | 1850-01-01          | !生年月日は 1900 年以降の日付を入力してください。",
      "postalCode         | 100-0005            | 100-0005",
      "postalCode         | 1000005             | !郵便番号は「123-4567」の形式で入力してください。",
      "address            | 東京都デモ区2-2      | 東京都デモ区2-2",
      "address            | '  '                | !住所を入力してください。",
      "amount             | 4500                | 4500",
      "amount             | 4500.5              | !月額（円）は 0 から 999999999 までの整数で入力してください。",
      "amount             | -1                  | !月額（円）は 0 から 999999999 までの整数で入力してください。",
      "amount             | 1000000000          | !月額（円）は 0 から 999999999 までの整数で入力してください。",
      "postalCode         | 100-0001            | !値が修正されていません。台帳の入力チェックで止まった値を直すか、手で登録してください。",
      "amount             | 3200                | !値が修正されていません。台帳の入力チェックで止まった値を直すか、手で登録してください。",
      "applicantBirthDate | NULL                | !値が修正されていません。台帳の入力チェックで止まった値を直すか、手で登録してください。",
  })
  void aCorrectionIsEnteredAsTheRegisterWantsItOrRefusedNamingTheField(String key, String value, String expected) {
    Map<String, Object> submitted = new HashMap<>(GIVEN);
    submitted.put(key, key.equals("amount") && value != null && value.matches("-?[0-9.]+")
        ? (value.contains(".") ? (Object) Double.valueOf(value) : (Object) Long.valueOf(value)) : value);
    if (expected.startsWith("!")) {
      assertThatThrownBy(() -> LegacyCorrections.changes(GIVEN, submitted))
          .isInstanceOf(LegacyCorrections.Refused.class).hasMessage(expected.substring(1));
    } else {
      Map<Field, Object> changes = LegacyCorrections.changes(GIVEN, submitted);
      assertThat(changes).hasSize(1);
      assertThat(String.valueOf(changes.values().iterator().next())).isEqualTo(expected);
      assertThat(changes.keySet().iterator().next().key).isEqualTo(key);
    }
  }
}
