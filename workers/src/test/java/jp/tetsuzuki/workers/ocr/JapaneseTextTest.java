package jp.tetsuzuki.workers.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JapaneseTextTest {

  @ParameterizedTest
  @CsvSource({
      "令和7年4月1日, 2025-04-01",
      "令和７年４月１日, 2025-04-01",
      "R7.4.1, 2025-04-01",
      "Ｒ７．４．１, 2025-04-01",
      "令和元年5月1日, 2019-05-01",
      "平成31年4月30日, 2019-04-30",
      "平成元年1月8日, 1989-01-08",
      "H9.10.23, 1997-10-23",
      "昭和64年1月7日, 1989-01-07",
      "2025年4月1日, 2025-04-01",
      "2025/04/01, 2025-04-01",
      "証明日 令和 6 年 12 月 3 日, 2024-12-03"})
  void readsJapaneseAndWesternDates(String text, String iso) {
    assertThat(JapaneseText.date(text)).contains(LocalDate.parse(iso));
  }

  @ParameterizedTest
  @CsvSource(value = {"令和7年2月30日", "日付なし", "R7.13.1"})
  void rejectsImpossibleDates(String text) {
    assertThat(JapaneseText.date(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {"¥1,234;1234", "1,234円;1234", "￥１，２３４;1234", "\\302,600;302600",
      "合計 ３００,８００円;300800", "12000円;12000"})
  void readsYenAmounts(String text, long yen) {
    assertThat(JapaneseText.yen(text)).hasValue(yen);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {"9時00分;540", "９時３０分;570", "18:15;1095"})
  void readsTimes(String text, int minutes) {
    assertThat(JapaneseText.minutesOfDay(text)).contains(minutes);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {"T1180301018771;true", "T5010001008846;true", "T7010401045660;true",
      "T7000012050002;true", "T1180301018772;false", "T2180301018771;false"})
  void checksTheRegistrationNumberCheckDigit(String number, boolean valid) {
    assertThat(RegistrationNumber.isValid(number)).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {"Ｔ１１８０３０１０１８７７１;T1180301018771", "t 1180 3010 1877 1;T1180301018771",
      "T11803O1018771;T1180301018771"})
  void normalisesRegistrationNumbersAsOcrReadsThem(String text, String number) {
    assertThat(RegistrationNumber.normalize(text)).isEqualTo(number);
  }
}
