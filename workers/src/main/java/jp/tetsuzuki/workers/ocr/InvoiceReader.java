package jp.tetsuzuki.workers.ocr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads a qualified invoice (適格請求書) into fields with confidence; arithmetic and check digit lower confidence. */
public class InvoiceReader extends FormReader {

  public InvoiceReader(OcrPipeline pipeline) {
    super(pipeline);
  }

  @Override
  public Recognition extract(List<OcrPage> pages) {
    LabelledLines rows = new LabelledLines(pages);
    Map<String, Recognition.Field> fields = new LinkedHashMap<>();
    fields.put("registrationNumber", registration(rows.after("登録番号")));
    fields.put("issuerName", rows.after("発行者", "請求元").map(h -> new Recognition.Field(h.value(), h.confidence()))
        .orElse(Recognition.Field.missing()));
    fields.put("issueDate", rows.after("請求日", "発行日").flatMap(h -> JapaneseText.date(h.value())
        .map(d -> new Recognition.Field(d.toString(), h.confidence()))).orElse(Recognition.Field.missing()));
    fields.put("recipientName", rows.after("請求先").map(h -> new Recognition.Field(
        h.value().replaceAll("(様|御中|殿)$", ""), h.confidence())).orElse(Recognition.Field.missing()));
    // OCR drops the small % sign often; the label without it is the same label (and may itself have one misread)
    fields.put("subtotal10", amount(rows.after("10%対象小計", "10対象小計")));
    fields.put("tax10", amount(rows.after("10%対象消費税", "10対象消費税")));
    fields.put("subtotal8", amount(rows.after("8%対象小計", "8対象小計")));
    fields.put("tax8", amount(rows.after("8%対象消費税", "8対象消費税")));
    fields.put("total", amount(rows.after("合計金額", "ご請求金額", "合計")));
    checkArithmetic(fields);
    Recognition recognition = new Recognition(fields);
    return pages.stream().allMatch(OcrPage::complete) ? recognition : recognition.unsure();
  }

  private static Recognition.Field registration(Optional<LabelledLines.Hit> hit) {
    return hit.map(h -> {
      String number = RegistrationNumber.normalize(h.value());
      if (number == null) {
        return new Recognition.Field(null, 0);
      }
      // a failed check digit means at least one digit is misread
      return new Recognition.Field(number, RegistrationNumber.isValid(number) ? h.confidence()
          : h.confidence() * 0.3);
    }).orElse(Recognition.Field.missing());
  }

  private static Recognition.Field amount(Optional<LabelledLines.Hit> hit) {
    return hit.map(h -> {
      OptionalLong yen = JapaneseText.yen(h.value());
      return yen.isPresent() ? new Recognition.Field(String.valueOf(yen.getAsLong()), h.confidence())
          : new Recognition.Field(null, 0);
    }).orElse(Recognition.Field.missing());
  }

  /**
   * Tax per rate must be the subtotal × rate rounded once (down, half-up or up: the issuer chooses), and the total
   * the sum of subtotals and taxes. A field that breaks an equation loses confidence; one that confirms it keeps it.
   */
  private static void checkArithmetic(Map<String, Recognition.Field> fields) {
    checkTax(fields, "subtotal10", "tax10", 10);
    checkTax(fields, "subtotal8", "tax8", 8);
    long sum = 0;
    boolean complete = true;
    for (String key : List.of("subtotal10", "tax10", "subtotal8", "tax8")) {
      String value = fields.get(key).value();
      if (value == null) {
        complete = false;
      } else {
        sum += Long.parseLong(value);
      }
    }
    Recognition.Field total = fields.get("total");
    if (complete && total.value() != null && Long.parseLong(total.value()) != sum) {
      lower(fields, "total", 0.5);
      for (String key : List.of("subtotal10", "tax10", "subtotal8", "tax8")) {
        lower(fields, key, 0.8);
      }
    }
  }

  private static void checkTax(Map<String, Recognition.Field> fields, String subtotalKey, String taxKey, int percent) {
    String subtotal = fields.get(subtotalKey).value();
    String tax = fields.get(taxKey).value();
    if (subtotal == null || tax == null) {
      return;
    }
    long base = Long.parseLong(subtotal) * percent;
    long actual = Long.parseLong(tax);
    boolean consistent = actual == Math.floorDiv(base, 100) || actual == Math.round(base / 100.0)
        || actual == -Math.floorDiv(-base, 100);
    if (!consistent) {
      lower(fields, subtotalKey, 0.5);
      lower(fields, taxKey, 0.5);
    }
  }

  private static void lower(Map<String, Recognition.Field> fields, String key, double factor) {
    Recognition.Field field = fields.get(key);
    fields.put(key, new Recognition.Field(field.value(), field.confidence() * factor));
  }
}
