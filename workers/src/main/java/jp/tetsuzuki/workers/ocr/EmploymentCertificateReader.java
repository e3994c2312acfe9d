package jp.tetsuzuki.workers.ocr;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** Reads the main fields of an employment certificate (就労証明書, national standard form) with confidence. */
public class EmploymentCertificateReader extends FormReader {

  /** The form's list of employment types (雇用形態); OCR output is snapped to the nearest one. */
  static final List<String> EMPLOYMENT_TYPES = List.of("正社員", "パート・アルバイト", "派遣社員", "契約社員",
      "会計年度任用職員", "非常勤・臨時職員", "役員", "自営業主", "自営業専従者", "家族従事者", "内職", "業務委託", "その他");

  public EmploymentCertificateReader(OcrPipeline pipeline) {
    super(pipeline);
  }

  @Override
  public Recognition extract(List<OcrPage> pages) {
    LabelledLines rows = new LabelledLines(pages);
    Map<String, Recognition.Field> fields = new LinkedHashMap<>();
    fields.put("certificationDate", date(rows.after("証明日")));
    fields.put("employerName", text(rows.after("事業所名")));
    fields.put("employerAddress", text(rows.after("所在地")));
    fields.put("employerPhone", phone(rows.after("電話番号")));
    fields.put("employeeName", text(rows.after("本人氏名", "氏名")));
    fields.put("employeeNameKana", kana(rows.after("フリガナ", "ふりがな")));
    Recognition.Field birth = date(rows.after("生年月日"));
    fields.put("employeeBirthDate", plausibleBirth(birth));
    fields.put("employmentType", employmentType(rows.after("雇用の形態", "雇用形態")));
    fields.put("employmentStart", date(rows.after("雇用期間")));
    Optional<LabelledLines.Hit> days = rows.after("就労日数");
    Recognition.Field daysField = number(days, "日", 1, 31);
    if (daysField.value() == null && days.isPresent()) {
      // the unit misread (日 as 昌, 目): take the number after 1か月, less sure of it
      daysField = number(days.map(h -> new LabelledLines.Hit(leadingDigits(after(h.value(), "か月")) + "日",
          h.confidence() * 0.7)), "日", 1, 31);
    }
    fields.put("workDaysPerMonth", daysField);
    Optional<LabelledLines.Hit> hours = rows.after("就労時間");
    fields.put("workHoursPerWeek", number(hours.map(h -> new LabelledLines.Hit(before(h.value(), "1か月"),
        h.confidence())), "時間", 1, 80));
    fields.put("workHoursPerMonth", number(hours.map(h -> new LabelledLines.Hit(after(h.value(), "1か月"),
        h.confidence())), "時間", 1, 350));
    crossCheckHours(fields);
    Recognition recognition = new Recognition(fields);
    return pages.stream().allMatch(OcrPage::complete) ? recognition : recognition.unsure();
  }

  private static Recognition.Field date(Optional<LabelledLines.Hit> hit) {
    return hit.flatMap(h -> JapaneseText.date(h.value()).map(d -> new Recognition.Field(d.toString(),
        h.confidence()))).orElseGet(() -> hit.map(h -> new Recognition.Field(null, 0)).orElse(
            Recognition.Field.missing()));
  }

  private static Recognition.Field plausibleBirth(Recognition.Field birth) {
    if (birth.value() == null) {
      return birth;
    }
    LocalDate date = LocalDate.parse(birth.value());
    // a guardian born in the future or over 80 years ago is a misread year
    LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
    boolean plausible = date.isBefore(today) && date.isAfter(today.minusYears(80));
    return plausible ? birth : new Recognition.Field(birth.value(), birth.confidence() * 0.5);
  }

  private static Recognition.Field text(Optional<LabelledLines.Hit> hit) {
    return hit.map(h -> new Recognition.Field(h.value(), h.confidence())).orElse(Recognition.Field.missing());
  }

  private static Recognition.Field phone(Optional<LabelledLines.Hit> hit) {
    return hit.map(h -> {
      String digits = h.value().replaceAll("[ー－―‐]", "-").replaceAll("[^0-9-]", "");
      boolean shaped = digits.matches("0\\d{1,4}-\\d{1,4}-\\d{3,4}");
      return new Recognition.Field(digits, shaped ? h.confidence() : h.confidence() * 0.5);
    }).orElse(Recognition.Field.missing());
  }

  private static Recognition.Field kana(Optional<LabelledLines.Hit> hit) {
    return hit.map(h -> {
      boolean katakana = h.value().matches("[\\p{InKatakana}ー]+");
      return new Recognition.Field(h.value(), katakana ? h.confidence() : h.confidence() * 0.6);
    }).orElse(Recognition.Field.missing());
  }

  private static Recognition.Field employmentType(Optional<LabelledLines.Hit> hit) {
    return hit.map(h -> {
      String best = null;
      int bestDistance = Integer.MAX_VALUE;
      for (String type : EMPLOYMENT_TYPES) {
        int distance = LevenshteinDistance.getDefaultInstance().apply(h.value(), type);
        if (distance < bestDistance) {
          bestDistance = distance;
          best = type;
        }
      }
      double share = (double) bestDistance / Math.max(1, best.length());
      return share > 0.5 ? new Recognition.Field(h.value(), h.confidence() * 0.3)
          : new Recognition.Field(best, h.confidence() * (1 - share));
    }).orElse(Recognition.Field.missing());
  }

  private static Recognition.Field number(Optional<LabelledLines.Hit> hit, String unit, int min, int max) {
    return hit.map(h -> JapaneseText.numberBefore(h.value(), unit)
        .map(n -> new Recognition.Field(String.valueOf(n), n >= min && n <= max ? h.confidence()
            : h.confidence() * 0.3))
        .orElse(new Recognition.Field(null, 0))).orElse(Recognition.Field.missing());
  }

  /** Hours per month and per week must agree roughly (a month is about 4.3 weeks); if not, one of them is misread. */
  private static void crossCheckHours(Map<String, Recognition.Field> fields) {
    Recognition.Field week = fields.get("workHoursPerWeek");
    Recognition.Field month = fields.get("workHoursPerMonth");
    if (week.value() == null || month.value() == null) {
      return;
    }
    double ratio = Double.parseDouble(month.value()) / Double.parseDouble(week.value());
    if (ratio < 3.5 || ratio > 5.0) {
      fields.put("workHoursPerWeek", new Recognition.Field(week.value(), week.confidence() * 0.6));
      fields.put("workHoursPerMonth", new Recognition.Field(month.value(), month.confidence() * 0.6));
    }
  }

  private static String leadingDigits(String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*(\\d+)").matcher(JapaneseText.nfkc(text));
    return m.find() ? m.group(1) : "";
  }

  private static String before(String text, String marker) {
    int i = text.indexOf(marker);
    return i < 0 ? text : text.substring(0, i);
  }

  private static String after(String text, String marker) {
    int i = text.indexOf(marker);
    return i < 0 ? "" : text.substring(i + marker.length());
  }
}
