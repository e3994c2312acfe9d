package jp.tetsuzuki.processes.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import jp.tetsuzuki.processes.procedure.LegacyCorrections.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Staff's corrections of the register's refused values, as a table: field, value → what the bot enters or why not. */
class LegacyCorrectionsTest {

  static final Map<String, Object> GIVEN = Map.of("applicantNameKana", "デモケンセツ", "postalCode", "100-0001",
      "address", "東京都デモ区1-1", "amount", 3200L);
  static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

  @ParameterizedTest(name = "{0} = {1} → {2}")
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "applicantNameKana  | デモ　ケンセツー     | デモ　ケンセツー",
      "applicantNameKana  | でもけんせつ         | !氏名カナは全角カタカナで入力してください。",
      "applicantNameKana  | ﾃﾞﾓ                 | !氏名カナは全角カタカナで入力してください。",
      // the register takes ァ..ヶ, ー and the full-width space only
      "applicantNameKana  | デモ・ケンセツ       | !氏名カナは全角カタカナで入力してください。",
      "applicantNameKana  | ヴァヷ               | !氏名カナは全角カタカナで入力してください。",
      "applicantNameKana  | ヴァヶ               | ヴァヶ",
      "applicantBirthDate | 1979-01-31          | 1979-01-31",
      "applicantBirthDate | 1979/01/31          | !生年月日は「2025-04-01」の形式で入力してください。",
      "applicantBirthDate | 1979-02-30          | !生年月日は「2025-04-01」の形式で入力してください。",
      "applicantBirthDate | 1850-01-01          | !生年月日は 1900 年以降の日付を入力してください。",
      "applicantBirthDate | 2026-12-01          | 2026-12-01",
      "applicantBirthDate | 2026-12-02          | !生年月日に今日より後の日付は入力できません。",
      "postalCode         | 100-0005            | 100-0005",
      "postalCode         | 1000005             | !郵便番号は「123-4567」の形式で入力してください。",
      "address            | 東京都デモ区2-2      | 東京都デモ区2-2",
      "address            | '  '                | !住所を入力してください。",
      "address            | 東京都\u0007デモ区    | !住所は改行や制御文字を含めずに、1 行で入力してください。",
      "amount             | 4500                | 4500",
      "amount             | 4500.5              | !月額（円）は 0 から 9999999 までの整数で入力してください。",
      "amount             | -1                  | !月額（円）は 0 から 9999999 までの整数で入力してください。",
      "amount             | 9999999             | 9999999",
      "amount             | 10000000            | !月額（円）は 0 から 9999999 までの整数で入力してください。",
      "postalCode         | 100-0001            | !値が修正されていません。台帳の入力チェックで止まった値を直すか、手で登録してください。",
      "amount             | 3200                | !値が修正されていません。台帳の入力チェックで止まった値を直すか、手で登録してください。",
      "applicantBirthDate | NULL                | !値が修正されていません。台帳の入力チェックで止まった値を直すか、手で登録してください。",
  })
  void aCorrectionIsEnteredAsTheRegisterWantsItOrRefusedNamingTheField(String key, String value, String expected) {
    Map<String, Object> submitted = new HashMap<>(GIVEN);
    submitted.put(key, key.equals("amount") && value != null && value.matches("-?[0-9.]+")
        ? (value.contains(".") ? (Object) Double.valueOf(value) : (Object) Long.valueOf(value)) : value);
    Set<Field> all = EnumSet.allOf(Field.class);
    if (expected.startsWith("!")) {
      assertThatThrownBy(() -> LegacyCorrections.changes(GIVEN, submitted, all, TODAY))
          .isInstanceOf(LegacyCorrections.Refused.class).hasMessage(expected.substring(1));
    } else {
      Map<Field, Object> changes = LegacyCorrections.changes(GIVEN, submitted, all, TODAY);
      assertThat(changes).hasSize(1);
      assertThat(String.valueOf(changes.values().iterator().next())).isEqualTo(expected);
      assertThat(changes.keySet().iterator().next().key).isEqualTo(key);
    }
  }

  @Test
  void theRegistersMessagesNameTheFieldsItRefused() {
    assertThat(LegacyCorrections.refused("氏名カナは全角カタカナで入力してください。\n郵便番号は「123-4567」の形式で入力してください。"))
        .containsExactlyInAnyOrder(Field.APPLICANT_NAME_KANA, Field.POSTAL_CODE);
    assertThat(LegacyCorrections.refused("月額は7桁以内の半角数字で入力してください。\r\n住所を入力してください。"))
        .containsExactlyInAnyOrder(Field.AMOUNT, Field.ADDRESS);
    assertThat(LegacyCorrections.refused("郵便番号が住所と一致しません。")).containsExactly(Field.POSTAL_CODE);
    // 氏名 (not 氏名カナ), 受付番号 and 決定日 are none of staff's to correct here
    assertThat(LegacyCorrections.refused("氏名は20文字以内で入力してください。\n決定日は「YYYY/MM/DD」の形式で入力してください。"))
        .isEmpty();
    assertThat(LegacyCorrections.refused(null)).isEmpty();
  }

  @Test
  void onlyTheRefusedFieldsMayChangeTheApprovedAmountStays() {
    Map<String, Object> submitted = new HashMap<>(GIVEN);
    submitted.put("postalCode", "100-0005");
    submitted.put("amount", 1L);
    assertThatThrownBy(() -> LegacyCorrections.changes(GIVEN, submitted, EnumSet.of(Field.POSTAL_CODE), TODAY))
        .isInstanceOf(LegacyCorrections.Refused.class)
        .hasMessage("月額（円）は台帳の入力チェックで止まった値ではないため、ここでは直せません。直せるのは郵便番号です。");
    submitted.put("amount", 3200L);
    assertThat(LegacyCorrections.changes(GIVEN, submitted, EnumSet.of(Field.POSTAL_CODE), TODAY))
        .containsExactly(Map.entry(Field.POSTAL_CODE, "100-0005"));
    assertThatThrownBy(() -> LegacyCorrections.changes(GIVEN, submitted, EnumSet.noneOf(Field.class), TODAY))
        .isInstanceOf(LegacyCorrections.Refused.class).hasMessageContaining("台帳の画面で手で登録してください");
  }

  @Test
  void onlyTextAndForTheAmountNumbersAreAccepted() {
    Set<Field> all = EnumSet.allOf(Field.class);
    for (Object wrong : new Object[] {true, Map.of("a", 1), java.util.List.of("デモ"), 42L}) {
      Map<String, Object> submitted = new HashMap<>(GIVEN);
      submitted.put("address", wrong);
      assertThatThrownBy(() -> LegacyCorrections.changes(GIVEN, submitted, all, TODAY)).as(String.valueOf(wrong))
          .isInstanceOf(LegacyCorrections.Refused.class).hasMessage("住所は文字列で入力してください。");
    }
    Map<String, Object> submitted = new HashMap<>(GIVEN);
    submitted.put("amount", true);
    assertThatThrownBy(() -> LegacyCorrections.changes(GIVEN, submitted, all, TODAY))
        .isInstanceOf(LegacyCorrections.Refused.class).hasMessage("月額（円）は数値で入力してください。");
    submitted.put("amount", "4500");
    assertThat(LegacyCorrections.changes(GIVEN, submitted, all, TODAY)).containsExactly(Map.entry(Field.AMOUNT, 4500L));
  }
}
