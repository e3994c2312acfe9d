package jp.tetsuzuki.workers.ocr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labels under which a form's fields are printed, per field, as the forms in use word them. Labels are written
 * with alternatives in braces ({@code {1か月|月間}の就労日数}) and compared in a canonical key form (see
 * {@link #key}): NFKC, no spacing or punctuation, no の, and the characters OCR confuses folded together, so
 * 「1ヶ月の就労日数」, 「1カ月 就労日数」 and 「１か月の就労日数」 are one label.
 *
 * <p>Labels of items we do not extract (代表者名, 性別, 振込先 …) are listed too, under keys starting with
 * {@code "-"}: they end the value of the label before them on the same line, and as longer matches they keep
 * 「代表者氏名」 from being read as 「氏名」.
 */
final class LabelVocabulary {

  private final Map<String, Set<String>> keysByField = new LinkedHashMap<>();
  private final Map<String, String> displayByField = new LinkedHashMap<>();

  LabelVocabulary field(String field, String... patterns) {
    Set<String> keys = keysByField.computeIfAbsent(field, f -> new LinkedHashSet<>());
    for (String pattern : patterns) {
      for (String label : expand(pattern)) {
        String key = key(label);
        if (!key.isEmpty()) {
          keys.add(key);
        }
      }
    }
    displayByField.putIfAbsent(field, expand(patterns[0]).get(0));
    return this;
  }

  Map<String, Set<String>> keysByField() {
    return keysByField;
  }

  /** A label as printed, for staff messages: 「証明日」. */
  String display(String field) {
    return displayByField.getOrDefault(field, field);
  }

  /** {@code {a|b}c{d|}} → acd, ac, bcd, bc. */
  static List<String> expand(String pattern) {
    Matcher m = Pattern.compile("\\{([^{}]*)}").matcher(pattern);
    if (!m.find()) {
      return List.of(pattern);
    }
    List<String> out = new ArrayList<>();
    for (String option : m.group(1).split("\\|", -1)) {
      out.addAll(expand(pattern.substring(0, m.start()) + option + pattern.substring(m.end())));
    }
    return out;
  }

  /** The canonical key of a label or of a line: see {@link #canon(char)}. */
  static String key(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : JapaneseText.nfkc(text).toCharArray()) {
      char k = canon(c);
      if (k != 0) {
        out.append(k);
      }
    }
    return out.toString();
  }

  /**
   * One character of a key, or 0 to leave it out. Left out: spacing, brackets, punctuation, %, の (「雇用の形態」 =
   * 「雇用形態」). Folded: what OCR and typists interchange (ヶ/ケ/カ/ヵ/力/箇 → か, 一/l/I → 1, 曰/目/昌 → 日, 祝 → 税,
   * 口 → ロ and the like), letters to upper case.
   */
  static char canon(char c) {
    if (Character.isWhitespace(c) || "()（）[]［］【】「」『』<>〈〉《》:：・･,，.．、。/／\\|｜%％~～〜-－―‐ー_'\"`※*＊#♯の"
        .indexOf(c) >= 0) {
      return 0;
    }
    return switch (c) {
      case 'ヶ', 'ケ', 'カ', 'ヵ', '力', '箇', 'ｹ' -> 'か';
      case '一', 'l', 'I', 'i', '!' -> '1';
      case '曰', '目', '昌' -> '日';
      case '祝', '悦' -> '税';
      case '口' -> 'ロ';
      case '工' -> 'エ';
      case '夕' -> 'タ';
      case '卜' -> 'ト';
      case '八' -> 'ハ';
      case '二' -> 'ニ';
      case '當' -> '当';
      case 'O', 'o' -> '0';
      default -> Character.toUpperCase(c);
    };
  }

  /** Employment certificate (就労証明書): the national standard form (2024 revision) and wordings seen on others. */
  static final LabelVocabulary CERTIFICATE = new LabelVocabulary()
      .field("certificationDate", "証明日", "証明年月日", "{記入|記載|作成|発行|交付|証明書作成|証明書発行|証明書交付}{日|年月日}",
          "証明書の日付")
      .field("employerName", "事業所名", "事業所{名称|の名称}", "{会社|法人|事業者|勤務先|就労先|就労先事業所|勤務先事業所}{名|名称}",
          "事業所名又は法人名", "名称")
      .field("employerAddress", "所在地", "{事業所|会社|法人|勤務先|就労先}{所在地|住所}", "所在地住所")
      .field("employerPhone", "電話番号", "{事業所|会社|勤務先|就労先|代表|連絡先}電話{番号|}", "電話", "TEL", "連絡先")
      .field("employeeName", "本人氏名", "氏名", "{就労者|従業員|被雇用者|労働者|保護者|申込者|本人|職員|社員}{氏名|名}",
          "{氏名|本人氏名}漢字")
      // not 「氏名フリガナ」: in a header row 「本人氏名 | フリガナ」 it would swallow the name's label
      .field("employeeNameKana", "フリガナ", "ふりがな", "本人{フリガナ|ふりがな}", "{氏名|本人氏名}カナ", "カナ氏名")
      .field("employeeBirthDate", "生年月日", "{本人|就労者}生年月日", "誕生日")
      .field("employmentType", "雇用の形態", "{雇用|勤務|就労|就業}{形態|区分|の種類|種別}", "雇用種別")
      // the 2024 form: 「雇用（予定）期間等」 (brackets fall out of the key: 雇用予定期間等)
      .field("employmentStart", "雇用期間", "雇用期間{等|開始|開始日|始期|から}", "雇用{予定|}期間{等|}", "雇用{予定|}期間{の始期|開始日}", "{雇用|就労|勤務|就業}開始{日|年月日}", "採用{日|年月日}",
          "入社{日|年月日}", "雇入れ{日|年月日}", "雇用年月日",
          // a date not yet reached is printed with 予定 or 見込み in the label: 「雇用開始（予定）日」 (brackets fall out)
          "{雇用|就労|勤務|就業}開始{予定|見込|見込み}{日|年月日}", "{採用|入社|雇入れ}{予定|見込|見込み}{日|年月日}",
          "{雇用|就労|勤務|就業}開始{日|年月日}{予定|見込|見込み}")
      .field("workDaysPerMonth", "就労日数", "{1か月|1か月あたり|1か月当たり|月間|月|1か月平均|月平均}{|合計|所定}{就労|勤務|労働|出勤}日数",
          "{就労|勤務|労働|出勤}日数{1か月|月|月間|1か月あたり|1か月当たり}", "{就労|勤務|出勤}日数月")
      .field("workHoursPerWeek", "{1週|1週間|週|週間|1週あたり|1週当たり|1週間あたり|1週間当たり|週あたり}{|所定|合計|の合計}"
              + "{就労|勤務|労働|就業}時間", "{就労|勤務|労働}時間{1週|1週間|週|週間|1週あたり|1週当たり}", "週{合計|}時間",
          "{1週|1週間|1週あたり|1週当たり}合計時間", "週所定労働時間")
      .field("workHoursPerMonth", "{1か月|1か月あたり|1か月当たり|月間|月|1か月平均|月平均}{|所定|合計|の合計}{就労|勤務|労働|就業}時間",
          "{就労|勤務|労働}時間{1か月|月|月間|1か月あたり|1か月当たり}", "{1か月|1か月あたり|1か月当たり|月間}合計時間")
      // generic rows that carry week and month in one value (1週 30時間 ／ 1か月 130時間)
      .field("-hoursAnyPeriod", "就労時間", "勤務時間", "労働時間", "合計時間", "就労時間合計", "{就労|勤務}時間{変則|固定}")
      .field("-other", "代表者名", "代表者{氏名|職氏名|役職氏名}", "{記入|記載|担当}者{名|氏名|}", "記入担当者{名|氏名|}", "{担当者|記入者}連絡先", "記入者{電話|電話番号}", "業種", "職種", "性別",
          "{本人|就労者|自宅}住所", "現住所", "FAX", "メール{アドレス|}", "所属{部署|}", "役職", "雇用期間終了{日|}", "終了{日|予定日}",
          "更新{の有無|有無}", "始業", "終業", "始業終業時刻", "休憩時間", "休憩", "就労実績", "{産前産後|育児|介護|その他}休業{期間|の取得|取得|}", "就労実績{直近3か月|}",
          "{育児|育児のための}短時間勤務{制度|}{利用有無|の利用|}", "本人就労先事業所", "{雇用|}契約更新{の有無|有無|}",
          "復職{予定|}{日|年月日}", "短時間勤務", "保育士{等|}{としての勤務|勤務}", "備考", "就労先事業所", "就労先{住所|}", "証明者",
          "{平日|土曜|日祝|日曜祝日}", "単身赴任",
          // the term of the contract beside the start date (「期間の定め　有（…まで）」): its date is no start date
          "{雇用|契約|}期間{の|}定め{の有無|有無|}");

  /** Qualified invoice (適格請求書): the wordings of common accounting packages and hand-made templates. */
  static final LabelVocabulary INVOICE = new LabelVocabulary()
      .field("registrationNumber", "登録番号", "{適格請求書|適格請求書発行事業者|インボイス|事業者|適格事業者}{登録番号|登録No|番号}",
          "登録No", "{インボイス|適格請求書}発行事業者登録番号")
      .field("issuerName", "発行者", "{発行|請求}{元|者|者名|事業者|事業者名}", "{事業者|販売者|会社}名")
      .field("issueDate", "請求日", "{請求|発行|請求書発行|作成}{日|年月日|日付}", "{請求書|}日付")
      .field("recipientName", "請求先", "{宛先|宛名|御請求先|ご請求先|お客様|請求先名|お客様名|取引先}")
      .field("subtotal10", "10%対象小計", "{10%対象|10%|税率10%|標準税率10%|10%課税}{小計|計|対象額|対象金額|課税対象額|税抜金額|税抜額|金額}",
          "{小計|課税対象額|対象金額|税抜金額}{10%|10%対象|10%分}", "10%対象", "10%対象計")
      .field("tax10", "10%対象消費税", "{10%対象|10%|税率10%|標準税率10%}{消費税|消費税額|消費税額等|税額|内消費税|うち消費税}",
          "{消費税|消費税額|消費税額等|税額|うち消費税|内消費税}{10%|10%対象|10%分}")
      .field("subtotal8", "8%対象小計", "{8%対象|8%|税率8%|軽減税率8%|8%軽減|8%軽減税率|軽減8%}{小計|計|対象額|対象金額|課税対象額|税抜金額|税抜額|金額}",
          "{小計|課税対象額|対象金額|税抜金額}{8%|8%対象|8%分|8%軽減|軽減8%}", "{8%対象|8%軽減税率対象|軽減税率8%対象|軽減税率対象}",
          "8%対象計")
      .field("tax8", "8%対象消費税", "{8%対象|8%|税率8%|軽減税率8%|8%軽減|8%軽減税率|軽減8%}{消費税|消費税額|消費税額等|税額|内消費税|うち消費税}",
          "{消費税|消費税額|消費税額等|税額|うち消費税|内消費税}{8%|8%対象|8%分|8%軽減|軽減8%}")
      .field("total", "合計金額", "{ご請求金額|御請求金額|請求金額|請求金額合計|ご請求金額合計|税込合計|合計税込|税込合計金額|総合計|合計|総額"
          + "|今回ご請求額|今回請求額|お支払金額|ご請求額|請求額|合計額|税込金額|お支払い金額}")
      .field("-taxTotal", "{うち消費税|内消費税|消費税額等|消費税合計|消費税額合計}")
      // the payment due date: not extracted, but it bounds the issue date (see InvoiceReader.checkDueDate)
      .field("-dueDate", "{支払|お支払|お支払い|振込}期限")
      .field("-other", "所在地", "住所", "電話{番号|}", "TEL", "FAX", "件名", "{お|}振込先", "銀行",
          "口座{番号|名義|}", "品名", "品目", "{内容|摘要|明細}", "数量", "単価", "金額", "備考", "税率", "税率区分", "小計", "消費税", "消費税額",
          "担当{者|}", "取引{日|年月日}", "納品日", "{請求書|}番号", "No", "{税抜|税込}金額", "区分");
}
