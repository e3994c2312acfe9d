package jp.tetsuzuki.workers.ocr;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Reads the main fields of an employment certificate (就労証明書, national standard form and the variants employers
 * print) with confidence. Labels come from {@link LabelVocabulary#CERTIFICATE}; values are checked by type and against
 * each other (dates not in the future, employment start after the 15th birthday and not after the certificate,
 * hours within days × 24, week and month hours agreeing). A value that fails a check is kept, below the verification
 * threshold, with the reason; a field not found is missing with the reason.
 */
public class EmploymentCertificateReader extends FormReader {

  /** The form's list of employment types (雇用形態); OCR output is snapped to the nearest one. */
  static final List<String> EMPLOYMENT_TYPES = List.of("正社員", "パート・アルバイト", "派遣社員", "契約社員",
      "会計年度任用職員", "非常勤・臨時職員", "役員", "自営業主", "自営業専従者", "家族従事者", "内職", "業務委託", "その他");

  private static final LabelVocabulary LABELS = LabelVocabulary.CERTIFICATE;
  private static final Pattern PREFECTURE = Pattern.compile("^(東京都|北海道|(?:京都|大阪)府|.{2,3}県)");
  private static final Pattern HOURS = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,2})?)\\s*時(?![\\d０-９])");
  /** A count of days, not the day of a date (4月1日). */
  private static final Pattern DAYS = Pattern.compile("(?<!\\d月)(?<![\\d年])(\\d{1,2})\\s*[日曰目]");
  private static final Pattern BARE_NUMBER = Pattern.compile("^(\\d{1,3}(?:\\.\\d{1,2})?)$");

  private final Clock clock;

  public EmploymentCertificateReader(OcrPipeline pipeline) {
    this(pipeline, Clock.system(JapanTime.ZONE));
  }

  /** @param clock today's date (in Tokyo) decides what is in the future */
  public EmploymentCertificateReader(OcrPipeline pipeline, Clock clock) {
    super(pipeline);
    this.clock = clock;
  }

  @Override
  public Recognition extract(List<OcrPage> pages) {
    LabelledLines rows = new LabelledLines(pages, LABELS);
    Map<String, Recognition.Field> fields = new LinkedHashMap<>();
    fields.put("certificationDate", first(rows, LABELS, "certificationDate", this::date));
    fields.put("employerName", bracketsChecked(kanaSmallKeChecked(first(rows, LABELS, "employerName",
        EmploymentCertificateReader::employer))));
    fields.put("employerAddress", first(rows, LABELS, "employerAddress", EmploymentCertificateReader::address));
    fields.put("employerPhone", first(rows, LABELS, "employerPhone",
        hit -> clerksContact(rows, hit) ? Optional.empty() : phone(hit)));
    fields.put("employeeName", bracketsChecked(first(rows, LABELS, "employeeName",
        EmploymentCertificateReader::personName)));
    fields.put("employeeNameKana", bracketedReading(rows,
        first(rows, LABELS, "employeeNameKana", EmploymentCertificateReader::kana)));
    fields.put("employeeBirthDate", first(rows, LABELS, "employeeBirthDate", this::date));
    fields.put("employmentType", markedChoice(rows, first(rows, LABELS, "employmentType",
        EmploymentCertificateReader::employmentType)));
    fields.put("employmentStart", first(rows, LABELS, "employmentStart", this::date));
    fields.put("workDaysPerMonth", days(rows));
    fields.put("workHoursPerWeek", hours(rows, "workHoursPerWeek", Period.WEEK, 1, 80));
    fields.put("workHoursPerMonth", hours(rows, "workHoursPerMonth", Period.MONTH, 1, 350));
    // a grid of periods (columns 月間合計 | 週平均, or rows 1か月 | 1週) gives what no label did
    PeriodGrid.read(rows.lines()).forEach((key, field) -> {
      if (fields.get(key).isMissing()) {
        fields.put(key, field);
      }
    });
    crossCheckDates(fields, LocalDate.now(clock.withZone(JapanTime.ZONE)));
    crossCheckHours(fields);
    Recognition recognition = new Recognition(fields);
    return pages.stream().allMatch(OcrPage::complete) ? recognition : recognition.unsure();
  }

  private Optional<Recognition.Field> date(LabelledLines.Hit hit) {
    return dateOrMisreadEra(hit, LocalDate.now(clock.withZone(JapanTime.ZONE)));
  }

  private static Optional<Recognition.Field> employer(LabelledLines.Hit hit) {
    String value = hit.value();
    if (value.length() < 2 || value.matches("[\\d\\-]+")) {
      return Optional.empty();
    }
    return Optional.of(new Recognition.Field(value, confidenceOf(hit)));
  }

  private static Optional<Recognition.Field> address(LabelledLines.Hit hit) {
    // 丁 read as 」 or 亅 before 目 is the commonest misread in addresses: 5」目 is 5丁目
    String value = hit.value().replaceFirst("^〒?\\d{3}-?\\d{4}", "").replaceAll("(\\d)[」亅J]目", "$1丁目");
    if (value.length() < 4) {
      return Optional.empty();
    }
    Recognition.Field field = new Recognition.Field(value, confidenceOf(hit));
    // an address starts with its prefecture and ends in a block number; anything else is a misread or a cut value
    // 丁目 always follows its number (measured: 東雲1丁目 read 東雲丁目, the 1 lost, at 0.90)
    boolean shaped = PREFECTURE.matcher(value).find() && value.matches(".*[\\d丁目番号地-]$")
        && !value.matches(".*[「」『』|｜_'\"`~^].*") && !value.matches(".*[^\\d一二三四五六七八九十]丁目.*");
    return Optional.of(shaped ? field : field.doubted(INCONSISTENT, "住所の形（都道府県から番地まで）になっていません"));
  }

  /** A person's label (記入者, 担当者) before a 連絡先 on a line: 「記入者　山田　連絡先　03-…」. */
  private static final Pattern PERSON_LABEL = Pattern.compile("記入|記載|担当");

  /**
   * A 連絡先 that follows a person's label on its line (「記入者　山本　彩　　連絡先　03-…」) is that person's number, not
   * the employer's (measured: the clerk's number taken where the 電話 row was misread).
   */
  static boolean clerksContact(LabelledLines rows, LabelledLines.Hit hit) {
    LabelledLines.Line line = rows.lines().get(hit.line());
    LabelledLines.Occurrence contact = null;
    for (LabelledLines.Occurrence o : line.labels) {
      if (o.field().equals("employerPhone") && LabelVocabulary.key(line.text.substring(o.start(), o.end()))
          .equals("連絡先")) {
        contact = o;
      }
    }
    // only the value after that 連絡先 (an employer's 電話 earlier on the line is the employer's)
    if (contact == null || line.text.indexOf(hit.value(), contact.end()) < 0) {
      return false;
    }
    for (LabelledLines.Occurrence o : line.labels) {
      if (o.start() < contact.start() && o.field().startsWith("-")
          && PERSON_LABEL.matcher(line.text.substring(o.start(), o.end())).find()) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Recognition.Field> phone(LabelledLines.Hit hit) {
    String digits = hit.value().replaceAll("[ー－―‐—]", "-").replaceAll("[()（）]", "-").replaceAll("[^0-9-]", "")
        .replaceAll("^-+|-+$", "").replaceAll("-{2,}", "-");
    if (digits.replace("-", "").length() < 9) {
      return Optional.empty();
    }
    Recognition.Field field = new Recognition.Field(digits, confidenceOf(hit));
    boolean shaped = digits.matches("0\\d{1,4}-\\d{1,4}-\\d{3,4}") && digits.replace("-", "").length() == 10;
    boolean mobile = digits.matches("0[789]0-\\d{4}-\\d{4}");
    if (shaped || mobile) {
      return Optional.of(field);
    }
    // every number starts with 0: a leading 9, 6 or 8 that alone breaks the shape is its 0 misread (03 → 93)
    String repaired = "0" + digits.substring(1);
    if (digits.matches("[689]\\d.*") && repaired.matches("0\\d{1,4}-\\d{1,4}-\\d{3,4}")
        && repaired.replace("-", "").length() == 10) {
      return Optional.of(new Recognition.Field(repaired, field.confidence()).doubted(INCONSISTENT,
          "電話番号の先頭の1桁を補正しました（読み取り" + digits.charAt(0) + "→0）"));
    }
    return Optional.of(field.doubted(INCONSISTENT, "電話番号の桁数・形が正しくありません"));
  }

  /**
   * A name with its reading in brackets after it: 「山田太郎（ヤマダタロウ）」, 「山田太郎【ヤマダタロウ】」 (NFKC: （ is
   * (, ［ is [); the closing bracket may be lost. Group 1 the name, group 2 the reading (katakana, two or more).
   */
  static final Pattern NAME_WITH_READING = Pattern.compile(
      "^(.+?)[(\\[【〔《]([\\p{InKatakana}ー・]{2,})[)\\]】〕》]?$");

  private static Optional<Recognition.Field> personName(LabelledLines.Hit hit) {
    Matcher reading = NAME_WITH_READING.matcher(hit.value());
    String value = (reading.matches() ? reading.group(1) : hit.value()).replaceAll("(様|殿)$", "");
    if (reading.matches() && value.length() >= 2) {
      // the confidence of the name, not of the reading after it
      Recognition.Field field = new Recognition.Field(value, hit.confidenceOf(0, reading.end(1)));
      boolean shaped = value.matches("[\\p{IsHan}\\p{InHiragana}\\p{InKatakana}々ヶ]{2,12}");
      return Optional.of(shaped ? field : field.doubted(INCONSISTENT, "氏名に使わない文字が含まれています"));
    }
    if (value.length() < 2) {
      return Optional.empty();
    }
    Recognition.Field field = new Recognition.Field(value, confidenceOf(hit));
    boolean shaped = value.matches("[\\p{IsHan}\\p{InHiragana}\\p{InKatakana}々ヶ]{2,12}");
    return Optional.of(shaped ? field : field.doubted(INCONSISTENT, "氏名に使わない文字が含まれています"));
  }

  private static Optional<Recognition.Field> kana(LabelledLines.Hit hit) {
    // a small ャュョ can only follow an イ-row kana (キョ, シュ): elsewhere OCR misjudged the size of ヤユヨ
    String value = smallKanaFixed(hit.value());
    if (value.length() < 2) {
      return Optional.empty();
    }
    Recognition.Field field = new Recognition.Field(value, confidenceOf(hit));
    boolean katakana = value.matches("[\\p{InKatakana}ー・]+");
    if (!katakana) {
      return Optional.of(field.doubted(INCONSISTENT, "フリガナにカタカナ以外の文字が含まれています"));
    }
    return Optional.of(misreadKana(field));
  }

  /**
   * The reading printed in brackets after the name (「山田太郎（ヤマダタロウ）」) when no フリガナ row gave one; when both
   * are there and differ, the row's reading is kept below the threshold.
   */
  static Recognition.Field bracketedReading(LabelledLines rows, Recognition.Field byLabel) {
    for (LabelledLines.Hit hit : rows.candidates("employeeName")) {
      Matcher m = NAME_WITH_READING.matcher(hit.value());
      if (!m.matches() || m.group(1).replaceAll("(様|殿)$", "").length() < 2) {
        continue;
      }
      String kana = smallKanaFixed(m.group(2));
      Recognition.Field read = misreadKana(new Recognition.Field(kana, hit.confidenceOf(m.start(2), m.end(2))));
      if (byLabel.isMissing()) {
        return read;
      }
      return byLabel.value().equals(kana) ? byLabel
          : byLabel.doubted(INCONSISTENT, "フリガナ欄と氏名の後の（）の読みが違います（" + kana + "）");
    }
    return byLabel;
  }

  /**
   * ユ read as コユ (measured three times: マユミ → マコユミ, unflagged at 0.82): コユ is rare in readings, so a reading
   * with it goes to staff.
   */
  static Recognition.Field misreadKana(Recognition.Field field) {
    return field.value() != null && field.value().contains("コユ")
        ? field.doubted(INCONSISTENT, "フリガナの「コユ」は「ユ」の読み違いのことがあります") : field;
  }

  static String smallKanaFixed(String kana) {
    StringBuilder out = new StringBuilder(kana);
    for (int i = 0; i < out.length(); i++) {
      int small = "ャュョ".indexOf(out.charAt(i));
      if (small >= 0 && (i == 0 || "キシチニヒミリギジビピ".indexOf(out.charAt(i - 1)) < 0)) {
        out.setCharAt(i, "ヤユヨ".charAt(small));
      }
    }
    return out.toString();
  }

  private static Optional<Recognition.Field> employmentType(LabelledLines.Hit hit) {
    String value = hit.value();
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String type : EMPLOYMENT_TYPES) {
      // the type may be followed by more text in the cell (正社員（フルタイム）): compare with the head of the value
      String head = value.length() > type.length() + 1 ? value.substring(0, type.length()) : value;
      int distance = LevenshteinDistance.getDefaultInstance().apply(head, type);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = type;
      }
    }
    double share = (double) bestDistance / Math.max(1, best.length());
    if (share > 0.5) {
      return Optional.of(new Recognition.Field(value, confidenceOf(hit) * 0.3, "雇用形態の選択肢に当てはまりません"));
    }
    return Optional.of(new Recognition.Field(best, confidenceOf(hit) * (1 - share)));
  }

  /**
   * Where the page prints the employment types as a list to mark (■ before one, □ before the others; or 該当に○),
   * the marked one (see {@link ChoiceList}), not the head of the list; an unreadable mark leaves the field below the
   * threshold with the reason.
   */
  static Recognition.Field markedChoice(LabelledLines rows, Recognition.Field byLabel) {
    List<LabelledLines.Line> lines = rows.lines();
    Optional<ChoiceList.Choice> read = ChoiceList.read(lines.stream().map(l -> l.text).toList(), EMPLOYMENT_TYPES);
    if (read.isEmpty()) {
      return byLabel;
    }
    ChoiceList.Choice choice = read.get();
    if (!choice.sure()) {
      // no printed mark read for sure: a ○ drawn around one option shows only in the image
      Optional<CircledChoice.Circle> circled = CircledChoice.read(lines, EMPLOYMENT_TYPES);
      if (circled.isPresent()) {
        return circled(circled.get(), choice, byLabel);
      }
    }
    if (choice.option() == null) {
      return byLabel.value() == null ? Recognition.Field.missing(choice.reason())
          : byLabel.doubted(INCONSISTENT, choice.reason());
    }
    LabelledLines.Line line = lines.get(choice.line());
    double sum = 0;
    for (double c : line.confidence) {
      sum += c;
    }
    double confidence = line.confidence.length == 0 ? 0 : sum / line.confidence.length / 100.0;
    Recognition.Field field = new Recognition.Field(choice.option(), confidence);
    return choice.sure() ? field : field.doubted(INCONSISTENT, choice.reason());
  }

  /**
   * The option with a ○ around it. Sure when the ring is clear and the text's own reading (if any) does not name
   * another option; a ring around two options, or one too faint to tell, chooses nothing (or keeps the text's choice
   * below the threshold), with the reason.
   */
  private static Recognition.Field circled(CircledChoice.Circle circle, ChoiceList.Choice byText,
      Recognition.Field byLabel) {
    if (circle.option() == null) {
      if (byText.option() != null) {
        return new Recognition.Field(byText.option(), INCONSISTENT, byText.reason() + "／" + circle.reason());
      }
      return byLabel.value() == null || !EMPLOYMENT_TYPES.contains(byLabel.value())
          ? Recognition.Field.missing(circle.reason()) : byLabel.doubted(INCONSISTENT, circle.reason());
    }
    double confidence = circle.confidence();
    Recognition.Field field = new Recognition.Field(circle.option(), confidence);
    if (byText.option() != null && !byText.option().equals(circle.option())) {
      return field.doubted(INCONSISTENT, "○で囲まれた選択肢（" + circle.option() + "）と印の読み取り（" + byText.option()
          + "）が違います");
    }
    return circle.sure() ? field : field.doubted(INCONSISTENT, circle.reason());
  }

  enum Period { WEEK, MONTH }

  /** Numbers of a unit in a value, each with the period written before it (1週 30時間 ／ 1か月 130時間). */
  private static List<Object[]> perPeriod(String value, Pattern unit) {
    List<Object[]> out = new ArrayList<>();
    String text = JapaneseText.nfkc(value);
    Matcher m = unit.matcher(text);
    int previous = 0;
    while (m.find()) {
      String before = text.substring(previous, m.start());
      Period period = before.contains("週") ? Period.WEEK
          : before.matches(".*[月].*") ? Period.MONTH : null;
      out.add(new Object[] {period, Double.parseDouble(m.group(1)), m.start(1), m.end(1)});
      previous = m.end();
    }
    return out;
  }

  private static Recognition.Field days(LabelledLines rows) {
    Recognition.Field read = first(rows, LABELS, "workDaysPerMonth", hit -> {
      for (Object[] found : perPeriod(hit.value(), DAYS)) {
        if (found[0] != Period.WEEK) {
          return Optional.of(count((double) found[1], part(hit, found), 1, 31, "1か月の就労日数"));
        }
      }
      // a cell with the number alone (the unit in the heading), or the unit misread (18昌): the number itself
      String rest = JapaneseText.compact(hit.value()).replaceFirst("^1?(か|ヶ|ケ|カ)?月(あたり|当たり|間)?", "");
      Matcher bare = Pattern.compile("^(\\d{1,2})(?!\\d)").matcher(rest);
      if (bare.find()) {
        double factor = BARE_NUMBER.matcher(rest).matches() ? 1 : 0.7;
        return Optional.of(count(Double.parseDouble(bare.group(1)), confidenceOf(hit) * factor, 1, 31,
            "1か月の就労日数"));
      }
      return Optional.empty();
    });
    return read;
  }

  private static Recognition.Field hours(LabelledLines rows, String field, Period period, int min, int max) {
    String name = period == Period.WEEK ? "1週の就労時間" : "1か月の就労時間";
    Recognition.Field specific = first(rows, LABELS, field, hit -> {
      List<Object[]> found = perPeriod(hit.value(), HOURS);
      for (Object[] f : found) {
        if (f[0] == period || f[0] == null) {
          return Optional.of(count((double) f[1], part(hit, f), min, max, name));
        }
      }
      Matcher bare = BARE_NUMBER.matcher(JapaneseText.compact(hit.value()));
      return bare.matches() ? Optional.of(count(Double.parseDouble(bare.group(1)), confidenceOf(hit), min, max, name))
          : Optional.empty();
    });
    if (!specific.isMissing()) {
      return specific;
    }
    // a row for both periods: 就労時間 1週 30時間 ／ 1か月 130時間 (labelled generally, or by the first period)
    List<LabelledLines.Hit> shared = new ArrayList<>(rows.candidates("-hoursAnyPeriod"));
    shared.addAll(rows.candidates(period == Period.WEEK ? "workHoursPerMonth" : "workHoursPerWeek"));
    for (LabelledLines.Hit hit : shared) {
      for (Object[] f : perPeriod(hit.value(), HOURS)) {
        if (f[0] == period) {
          return count((double) f[1], part(hit, f), min, max, name);
        }
      }
    }
    return specific;
  }

  /** The confidence of the number itself, not of its unit or the period before it. */
  private static double part(LabelledLines.Hit hit, Object[] found) {
    return hit.confidenceOf((int) found[2], (int) found[3]);
  }

  private static Recognition.Field count(double value, double confidence, int min, int max, String name) {
    String text = value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    Recognition.Field field = new Recognition.Field(text, confidence);
    return value >= min && value <= max ? field
        : field.doubted(INCONSISTENT * 0.6, name + "が" + min + "〜" + max + "の範囲外です");
  }

  private static void crossCheckDates(Map<String, Recognition.Field> fields, LocalDate today) {
    LocalDate certified = dateOf(fields, "certificationDate");
    LocalDate birth = dateOf(fields, "employeeBirthDate");
    LocalDate start = dateOf(fields, "employmentStart");
    for (String key : List.of("certificationDate", "employeeBirthDate", "employmentStart")) {
      LocalDate date = dateOf(fields, key);
      if (date != null && date.isAfter(today)) {
        doubt(fields, key, "未来の日付です");
      }
    }
    LocalDate reference = certified != null && !certified.isAfter(today) ? certified : today;
    if (birth != null) {
      int age = java.time.Period.between(birth, reference).getYears();
      if (age < 15 || age > 80) {
        doubt(fields, "employeeBirthDate", "生年月日から見た年齢（" + age + "歳）が就労者としてありえません");
      }
    }
    if (start != null && certified != null && start.isAfter(certified)) {
      doubt(fields, "employmentStart", "雇用開始日が証明日より後です");
      doubt(fields, "certificationDate", "雇用開始日が証明日より後です");
    }
    if (start != null && birth != null && start.isBefore(birth.plusYears(15))) {
      String why = "雇用開始日が15歳の誕生日より前です（生年月日と矛盾）";
      doubt(fields, "employmentStart", why);
      doubt(fields, "employeeBirthDate", why);
    }
  }

  /** Hours must fit in the days (≤ 24 a day) and week and month must agree (a month is about 4.3 weeks). */
  private static void crossCheckHours(Map<String, Recognition.Field> fields) {
    Double days = numberOf(fields, "workDaysPerMonth");
    Double week = numberOf(fields, "workHoursPerWeek");
    Double month = numberOf(fields, "workHoursPerMonth");
    if (days != null && month != null && (month > days * 24 || month < days)) {
      String why = "1か月の就労時間が就労日数と合いません（1日あたり" + Math.round(month / days) + "時間）";
      doubt(fields, "workHoursPerMonth", why);
      doubt(fields, "workDaysPerMonth", why);
    }
    if (week != null && month != null) {
      double ratio = month / week;
      if (ratio < 3.5 || ratio > 5.0) {
        String why = "1週と1か月の就労時間が合いません（1か月は約4.3週）";
        doubt(fields, "workHoursPerWeek", why);
        doubt(fields, "workHoursPerMonth", why);
      }
    }
    if (days != null && week != null && week > Math.min(7, days) * 24) {
      doubt(fields, "workHoursPerWeek", "1週の就労時間が7日×24時間を超えています");
    }
  }

  private static void doubt(Map<String, Recognition.Field> fields, String key, String why) {
    fields.put(key, fields.get(key).doubted(INCONSISTENT, why));
  }

  private static LocalDate dateOf(Map<String, Recognition.Field> fields, String key) {
    String value = fields.get(key).value();
    return value == null ? null : LocalDate.parse(value);
  }

  private static Double numberOf(Map<String, Recognition.Field> fields, String key) {
    String value = fields.get(key).value();
    return value == null ? null : Double.parseDouble(value);
  }
}
