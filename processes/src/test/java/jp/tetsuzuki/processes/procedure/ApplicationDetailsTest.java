package jp.tetsuzuki.processes.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The review form's view of the application: catalog type × submitted value → what the reviewer reads. */
class ApplicationDetailsTest {

  @ParameterizedTest(name = "{0} {1} → {2}")
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "date     | 2027-01-04                | 2027年1月4日",
      "date     | 2027/01/04                | 2027\\/01\\/04",
      "number   | 3200                      | 3,200",
      "number   | 12.5                      | 12.5",
      "boolean  | true                      | はい",
      "boolean  | false                     | いいえ",
      "text     | NULL                      | （記入なし）",
      "text     | '  '                      | （記入なし）",
      "text     | 区道1号                    | 区道1号",
      "text     | 100-0001                  | 100\\-0001",
      "text     | <img src=x onerror=alert(1)> | &lt;img src\\=x onerror\\=alert\\(1\\)&gt;",
      "text     | [ここ](javascript:alert(1)) | \\[ここ\\]\\(javascript\\:alert\\(1\\)\\)",
      // GFM autolinks (marked, form-js): scheme, dotless numeric host, www., mailto:, <…>, bare mail addresses
      "text     | https://2130706433/login?x=1 | https\\:\\/\\/2130706433\\/login\\?x\\=1",
      "text     | http://x                  | http\\:\\/\\/x",
      "text     | www.example.com           | www\\.example\\.com",
      "text     | mailto:a@b.example        | mailto\\:a\\@b\\.example",
      "text     | <http://x>                | &lt;http\\:\\/\\/x&gt;",
      "text     | a@b.example               | a\\@b\\.example",
      "text     | [a](http://x)             | \\[a\\]\\(http\\:\\/\\/x\\)",
      "text     | ![i](http://x/i.png)      | \\!\\[i\\]\\(http\\:\\/\\/x\\/i\\.png\\)",
      "text     | 'ftp://x; &copy;'         | ftp\\:\\/\\/x\\; &amp;copy\\;",
      "corporate-number | 5835678256246     | 5835678256246",
  })
  void eachTypeIsWrittenForPeopleAndApplicantTextStaysLiteral(String type, String value, String shown) {
    assertThat(ApplicationDetails.value(new Procedure.Field("f", "項目", type, false), value)).isEqualTo(shown);
  }

  @Test
  void theTableListsTheCatalogFieldsInOrderWithoutIndividualNumbersOnOneLineEach() {
    Procedure procedure = new Procedure("p", 1, "テスト手続", List.of("demo-ku"), null, null, List.of(),
        List.of(new Procedure.Field("name", "名称", "text", true),
            new Procedure.Field("myNumber", "個人番号", "individual-number", false),
            new Procedure.Field("from", "開始日", "date", true)), null, null, null, null, null, null);
    Map<String, Object> data = new HashMap<>();
    data.put("name", "一行目\n| 二行目 |");
    data.put("myNumber", "123456789018");
    data.put("from", "2027-01-04");
    assertThat(ApplicationDetails.markdown(procedure, data)).isEqualTo("#### 申請内容（テスト手続）\n\n"
        + "| 項目 | 申請者の記入 |\n|---|---|\n"
        + "| 名称 | 一行目 \\| 二行目 \\| |\n"
        + "| 開始日 | 2027年1月4日 |\n");
  }
}
