package jp.tetsuzuki.workers.ocr;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.tetsuzuki.bpmn.rules.JapanTime;

/**
 * Reads a qualified invoice (適格請求書) into fields with confidence. Labels come from {@link LabelVocabulary#INVOICE};
 * amounts are also read from per-rate rows (「10%対象 ¥302,600 ¥30,260」, tax-exclusive or tax-inclusive). The
 * registration number's check digit, tax = subtotal × rate per rate, and subtotals + taxes = total decide confidence:
 * a value that breaks one is kept below the verification threshold with the reason; amounts that satisfy all of them
 * together are confirmed; one amount the others determine is derived and flagged.
 */
public class InvoiceReader extends FormReader {

  private static final LabelVocabulary LABELS = LabelVocabulary.INVOICE;
  private static final List<String> AMOUNTS = List.of("subtotal10", "tax10", "subtotal8", "tax8");
  /** A row that starts with its rate: 10%, or 8 without its small % sign when 対象 or 軽減 follows. */
  private static final Pattern RATE_ROW = Pattern.compile(
      "^(?:税率|標準税率|軽減税率)?[(（]?(10|8)\\s*(?:[%％]|(?=対象|軽減|\\(軽減|（軽減))");
  /**
   * What may stand before a rate label that opens a rate row: nothing, 税率 after at most two characters, or what is
   * left of 標準/軽減 with one of its two characters misread (the loose label then took 税率 as its own).
   */
  private static final Pattern MISREAD_RATE_PREFIX = Pattern.compile("|.{0,2}税率|[標軽].|.[準減]");
  /** T + 13 digits as small print is misread: 1 as i, I, l or |, 0 as O (「Ti250347921490」: measured on HELD_OUT_7). */
  private static final Pattern REGISTRATION = Pattern.compile("[TtＴｔ]\\s*[0-9０-９OoIiLl|｜\\s\\-]{13,20}");
  private static final Pattern HONORIFIC = Pattern.compile("^(.{2,30}?)(御中|様|殿)$");
  private static final Pattern COMPANY = Pattern.compile("(株式会社|有限会社|合同会社|合資会社|\\(株\\)|（株）)");

  private final Clock clock;

  public InvoiceReader(OcrPipeline pipeline) {
    this(pipeline, Clock.system(JapanTime.ZONE));
  }

  /** @param clock today's date (in Tokyo) decides what is in the future */
  public InvoiceReader(OcrPipeline pipeline, Clock clock) {
    super(pipeline);
    this.clock = clock;
  }

  @Override
  public Recognition extract(List<OcrPage> pages) {
    LabelledLines rows = new LabelledLines(pages.stream().map(InvoiceReader::legalRates).toList(), LABELS);
    Map<String, Recognition.Field> fields = new LinkedHashMap<>();
    fields.put("registrationNumber", registration(rows));
    fields.put("issuerName", bracketsChecked(FormReader.kanaSmallKeChecked(issuer(rows))));
    LocalDate today = LocalDate.now(clock.withZone(JapanTime.ZONE));
    Recognition.Field issued = first(rows, LABELS, "issueDate", hit -> dateOrMisreadEra(hit, today));
    if (issued.isMissing()) {
      issued = onlyDate(rows, today).orElse(issued);
    }
    if (issued.value() != null && LocalDate.parse(issued.value()).isAfter(today)) {
      issued = issued.doubted(INCONSISTENT, "請求日が未来の日付です");
    }
    fields.put("issueDate", checkDueDate(issued, rows, today));
    fields.put("recipientName", recipient(rows));
    Map<String, Recognition.Field> rateRows = rateRows(rows);
    for (String key : AMOUNTS) {
      Recognition.Field byLabel = first(rows, LABELS, key, InvoiceReader::amount);
      fields.put(key, byLabel.isMissing() && rateRows.containsKey(key) ? rateRows.get(key) : byLabel);
    }
    // a rate row whose tax fits its amount settles that rate (its amount may include the tax, unlike the label's)
    for (int percent : new int[] {10, 8}) {
      Recognition.Field subtotal = rateRows.get("subtotal" + percent);
      Recognition.Field tax = rateRows.get("tax" + percent);
      if (subtotal != null && taxMatches(Long.parseLong(subtotal.value()), Long.parseLong(tax.value()), percent)) {
        fields.put("subtotal" + percent, subtotal);
        fields.put("tax" + percent, tax);
      }
    }
    // a summary with the rates as columns (区分 | 10%対象 | 8%対象 | 合計 over rows 税抜金額 / 消費税額 / 税込金額): its
    // cells are placed by column, which the labels of its header cannot do (a label's value below is one cell only)
    RateColumns.Table columns = RateColumns.read(rows.lines());
    for (String key : AMOUNTS) {
      if (columns.fields().containsKey(key)) {
        fields.put(key, columns.fields().get(key));
      }
    }
    // the total by its label outside the table (its header's 合計 heads a column of every row), else the table's
    Recognition.Field total = first(rows, LABELS, "total", hit -> columns.lines().contains(hit.line())
        ? Optional.empty() : amount(hit));
    Recognition.Field tableTotal = columns.fields().get("total");
    if (tableTotal != null && !total.isMissing() && !tableTotal.value().equals(total.value())) {
      total = total.doubted(INCONSISTENT, "合計金額が税率別の表の合計（" + tableTotal.value() + "円）と一致しません");
    }
    fields.put("total", total.isMissing() && tableTotal != null ? tableTotal : total);
    // 消費税額等 on a rate's row is that rate's tax, not the invoice's: the tax of all rates is read off other rows
    Recognition.Field taxTotal = first(rows, LABELS, "-taxTotal", hit -> isRateRow(rows.lines().get(hit.line()))
        || columns.lines().contains(hit.line()) ? Optional.empty() : amount(hit));
    if (taxTotal.isMissing() && columns.fields().containsKey("-taxTotal")) {
      taxTotal = columns.fields().get("-taxTotal");
    }
    absentRate(fields, rows, rateRows, "8");
    absentRate(fields, rows, rateRows, "10");
    checkArithmetic(fields, taxTotal);
    Recognition recognition = new Recognition(fields);
    return pages.stream().allMatch(OcrPage::complete) ? recognition : recognition.unsure();
  }

  /** Longest an invoice's payment term runs from its issue date (a month's end after next, with room). */
  static final int LONGEST_TERM_DAYS = 92;

  /**
   * The issue date against the payment due date printed on the page (お支払期限): an invoice is due after it is
   * issued, within about three months. A date outside that is kept below the threshold (measured: 2025-11-20 read
   * 2025-01-20, a lost 1, with the due date 2025-12-31). No due date, nothing to check.
   */
  static Recognition.Field checkDueDate(Recognition.Field issued, LabelledLines rows, LocalDate today) {
    if (issued.value() == null) {
      return issued;
    }
    Recognition.Field due = first(rows, LABELS, "-dueDate", hit -> dateOrMisreadEra(hit, today.plusYears(1)));
    if (due.value() == null) {
      return issued;
    }
    LocalDate issue = LocalDate.parse(issued.value());
    LocalDate until = LocalDate.parse(due.value());
    if (until.isBefore(issue) || until.isAfter(issue.plusDays(LONGEST_TERM_DAYS))) {
      return issued.doubted(INCONSISTENT, "請求日とお支払期限（" + until + "）が合いません");
    }
    return issued;
  }

  /** A rate as OCR misreads it: 19% or 16% for 10% (a 0 read as 9 or 6), 18% for 10% or for 8% with a speck. */
  private static final Pattern MISREAD_RATE = Pattern.compile("(?<![0-9０-９])[1１][6-9６-９](?=\\s*[%％])");

  /**
   * The consumption tax has two rates, 10 % and 8 % (reduced): a rate of 16–19 % on an invoice is a misread 10 %
   * (measured: 「10%」 read as 「19%」 lost both amounts of a row). The amounts on its row still face the arithmetic.
   */
  static OcrPage legalRates(OcrPage page) {
    boolean changed = false;
    List<OcrLine> lines = new ArrayList<>();
    for (OcrLine line : page.lines()) {
      List<OcrWord> words = new ArrayList<>();
      for (OcrWord w : line.words()) {
        String snapped = MISREAD_RATE.matcher(w.text()).replaceAll("10");
        changed |= !snapped.equals(w.text());
        words.add(snapped.equals(w.text()) ? w
            : new OcrWord(snapped, w.confidence(), w.left(), w.top(), w.width(), w.height()));
      }
      lines.add(new OcrLine(words));
    }
    return changed ? new OcrPage(page.number(), lines, page.complete(), page.image()) : page;
  }

  private static Recognition.Field registration(LabelledLines rows) {
    Recognition.Field byLabel = first(rows, LABELS, "registrationNumber", hit -> {
      String number = RegistrationNumber.normalizeChecked(hit.value());
      return number == null ? Optional.empty() : Optional.of(checked(number, confidenceOf(hit)));
    });
    if (!byLabel.isMissing()) {
      return byLabel;
    }
    // printed without a label (often under the issuer's name): T + 13 digits anywhere on the page
    for (LabelledLines.Line line : rows.lines()) {
      Matcher m = REGISTRATION.matcher(line.text);
      if (m.find()) {
        String number = RegistrationNumber.normalizeChecked(m.group());
        if (number != null) {
          return checked(number, mean(line, m.start(), m.end()) * 0.95);
        }
      }
    }
    return byLabel;
  }

  private static Recognition.Field checked(String number, double confidence) {
    // a failed check digit means at least one digit is misread (or the number is not a real one); a passing one
    // confirms nothing: it cannot see a 0 read as 9, which OCR does (measured), so the reading keeps its confidence
    if (RegistrationNumber.isValid(number)) {
      return new Recognition.Field(number, confidence);
    }
    return new Recognition.Field(number, confidence).doubted(confidence * 0.3, "登録番号のチェックデジットが一致しません");
  }

  private static Recognition.Field issuer(LabelledLines rows) {
    Recognition.Field byLabel = first(rows, LABELS, "issuerName", hit -> hit.value().length() < 2 ? Optional.empty()
        : Optional.of(new Recognition.Field(hit.value(), confidenceOf(hit))));
    if (!byLabel.isMissing()) {
      return byLabel;
    }
    // no label: the issuer block is a company name that is not addressed (no 御中/様/殿) and is no one's value; it
    // is a cell of its own (a two-column head puts the recipient's address on the same line, at the left). Right above
    // or below the registration number, or heading the column that holds it a few lines down, it is the issuer's
    // block for sure; elsewhere only a guess
    List<LabelledLines.Line> lines = rows.lines();
    Recognition.Field sameLine = beforeRegistration(lines);
    if (sameLine != null) {
      return sameLine;
    }
    for (int i = 0; i < lines.size(); i++) {
      LabelledLines.Line line = lines.get(i);
      for (int[] cell : line.cells()) {
        String text = LabelledLines.stripTrailingJunk(LabelledLines.stripJunk(line.text.substring(cell[0], cell[1])));
        if (labelIn(line, cell) || !COMPANY.matcher(text).find() || HONORIFIC.matcher(text).matches()
            || text.length() > 30) {
          continue;
        }
        boolean besideRegistration = (i + 1 < lines.size() && registrationLine(lines.get(i + 1)))
            || (i > 0 && registrationLine(lines.get(i - 1)));
        boolean headsRegistration = !besideRegistration && registrationBelowInColumn(lines, i, line.extent(cell[0],
            cell[1]));
        double confidence = mean(line, cell[0], cell[1]);
        if (besideRegistration) {
          return new Recognition.Field(text, confidence, "発行者の欄がないため、登録番号に隣接する社名を採りました");
        }
        if (headsRegistration) {
          return new Recognition.Field(text, confidence, "発行者の欄がないため、登録番号と同じ欄の先頭の社名を採りました");
        }
        return new Recognition.Field(text, Math.min(confidence, Recognition.VERIFY_BELOW - 0.05),
            "発行者の欄がないため、社名の行から推定しました");
      }
    }
    return byLabel;
  }

  /**
   * A company name in front of the registration number on its line (a footer 「株式会社○○　登録番号：T…」, wherever on
   * the page): the issuer. Cross-checked with the page's other company names: the same name elsewhere (the letterhead)
   * confirms it; none elsewhere leaves it as read; only other names elsewhere flag it.
   */
  static Recognition.Field beforeRegistration(List<LabelledLines.Line> lines) {
    for (LabelledLines.Line line : lines) {
      int at = line.labels.stream().filter(o -> o.field().equals("registrationNumber")).mapToInt(
          LabelledLines.Occurrence::start).min().orElse(-1);
      Matcher number = REGISTRATION.matcher(line.text);
      if (at < 0 && number.find()) {
        at = number.start();
      }
      if (at <= 0) {
        continue;
      }
      int cellStart = 0;
      for (int[] cell : line.cells()) {
        if (cell[0] <= at - 1 && at - 1 < cell[1]) {
          cellStart = cell[0];
        }
      }
      String raw = line.text.substring(cellStart, at);
      String text = LabelledLines.stripTrailingJunk(LabelledLines.stripJunk(JapaneseText.nfkc(raw)))
          .replaceAll("[\\s:：]+$", "");
      if (!COMPANY.matcher(text).find() || HONORIFIC.matcher(text).matches() || text.length() > 30
          || text.length() < 4 || text.matches(".*\\d.*")) {
        continue;
      }
      double confidence = mean(line, cellStart, at);
      boolean confirmed = false;
      boolean other = false;
      for (LabelledLines.Line elsewhere : lines) {
        if (elsewhere == line) {
          continue;
        }
        String plain = JapaneseText.nfkc(elsewhere.text).replaceAll("\\s+", "");
        if (plain.contains(text)) {
          confirmed = true;
        } else if (COMPANY.matcher(plain).find() && !HONORIFIC.matcher(plain).find()) {
          other = true;
        }
      }
      String why = "発行者の欄がないため、登録番号と同じ行の社名を採りました";
      if (confirmed || !other) {
        return new Recognition.Field(text, confidence, why + (confirmed ? "（上部の社名と一致）" : ""));
      }
      return new Recognition.Field(text, confidence, why).doubted(INCONSISTENT,
          "登録番号の行の社名がページの他の社名と一致しません");
    }
    return null;
  }

  /** Whether a label of the page stands inside the cell {start, end} of {@code line}. */
  private static boolean labelIn(LabelledLines.Line line, int[] cell) {
    return line.labels.stream().anyMatch(o -> o.start() < cell[1] && o.end() > cell[0]);
  }

  /** How many lines under a company name its block may run (name, 〒, address, phone, fax, registration). */
  private static final int BLOCK_LINES = 6;

  /** The widest vertical gap inside a block, in line heights: a block has no empty rows. */
  private static final double BLOCK_GAP = 2.5;

  /**
   * Whether, within {@link #BLOCK_LINES} lines under line {@code i}, a registration number (or its label) stands in
   * the same column as {@code extent}: the company name then heads the issuer's block. The lines are taken by their
   * height on the page, not by the order OCR returned them in (the lead sentence at the left, between two lines of the
   * block, may come later: measured on HELD_OUT_8), and only those with something left-aligned in the column count;
   * a vertical gap of more than {@link #BLOCK_GAP} lines, or another company name, ends the block.
   */
  private static boolean registrationBelowInColumn(List<LabelledLines.Line> lines, int i, int[] extent) {
    LabelledLines.Line head = lines.get(i);
    List<LabelledLines.Line> below = lines.stream().filter(l -> l.top > head.top + head.height() / 2)
        .sorted(java.util.Comparator.comparingInt((LabelledLines.Line l) -> l.top)).toList();
    int lastBottom = head.bottom;
    int count = 0;
    for (LabelledLines.Line line : below) {
      int[] inColumn = null;
      for (int[] cell : line.cells()) {
        int[] x = line.extent(cell[0], cell[1]);
        if (x[0] < extent[1] && x[1] > extent[0] && Math.abs(x[0] - extent[0]) < 4 * line.height()) {
          inColumn = cell;
        }
      }
      if (inColumn == null) {
        continue;
      }
      if (line.top - lastBottom > BLOCK_GAP * line.height() || ++count > BLOCK_LINES) {
        return false;
      }
      int[] cell = inColumn;
      String text = line.text.substring(cell[0], cell[1]);
      if (REGISTRATION.matcher(text).find() || line.labels.stream().anyMatch(o -> o.start() < cell[1]
          && o.end() > cell[0] && o.field().equals("registrationNumber"))) {
        return true;
      }
      if (COMPANY.matcher(text).find()) {
        return false;
      }
      lastBottom = line.bottom;
    }
    return false;
  }

  private static boolean isRateRow(LabelledLines.Line line) {
    return RATE_ROW.matcher(LabelledLines.stripJunk(line.text)).find();
  }

  private static boolean registrationLine(LabelledLines.Line line) {
    return line.labels.stream().anyMatch(o -> o.field().equals("registrationNumber"))
        || REGISTRATION.matcher(line.text).find();
  }

  private static Recognition.Field recipient(LabelledLines rows) {
    Recognition.Field byLabel = first(rows, LABELS, "recipientName", hit -> {
      String name = hit.value().replaceAll("(御中|様|殿)$", "");
      return name.length() < 2 ? Optional.empty() : Optional.of(new Recognition.Field(name, confidenceOf(hit)));
    });
    // an addressed cell outranks a label read only with one character off (「御 請 求 書」 is one from 御請求先)
    boolean exactLabel = rows.candidates("recipientName").stream().anyMatch(h -> !h.looseLabel());
    if (!byLabel.isMissing() && exactLabel) {
      return byLabel;
    }
    // addressed without a label: 「架空市長 御中」 in a cell of its own (a two-column head puts the issuer's block on
    // the same line, at the right)
    for (LabelledLines.Line line : rows.lines()) {
      for (int[] cell : line.cells()) {
        Matcher m = HONORIFIC.matcher(LabelledLines.stripTrailingJunk(LabelledLines.stripJunk(
            line.text.substring(cell[0], cell[1]))));
        if (m.matches() && !labelIn(line, cell)) {
          // the name's own characters: the honorific after it is often read poorly (様 beside a rule), and says
          // nothing about how well the name was read; one weak character still sends it to staff
          int at = line.text.indexOf(m.group(1), cell[0]);
          double confidence = at < 0 ? mean(line, cell[0], cell[1])
              : Math.min(mean(line, at, at + m.group(1).length()), weakest(line, at, at + m.group(1).length()) + 0.2);
          return new Recognition.Field(m.group(1), confidence * 0.95);
        }
      }
    }
    return byLabel;
  }

  private static Optional<Recognition.Field> amount(LabelledLines.Hit hit) {
    // a rate in the value (消費税(10%) ¥30,260) is no amount: blank it out, keeping the positions
    String value = hit.value();
    Matcher rate = Pattern.compile("\\d+(?:\\.\\d+)?\\s*[%％]").matcher(value);
    StringBuilder blanked = new StringBuilder(value);
    while (rate.find()) {
      for (int i = rate.start(); i < rate.end(); i++) {
        blanked.setCharAt(i, ' ');
      }
    }
    String text = blanked.toString().replace(' ', '_');
    return JapaneseText.yenAt(text)
        // no amount starts with 0 (「061,770」 is a misread 561,770): not this label's value, try the next
        .filter(found -> found.value() == 0 || JapaneseText.nfkc(text).charAt(found.start()) != '0')
        .map(found -> new Recognition.Field(String.valueOf(found.value()), hit.confidenceOf(found.start(),
            found.end())));
  }

  /**
   * Rows that start with a rate and carry two amounts: the taxable amount and its tax, either order. When the tax is
   * the amount × r/(100 + r), the amount includes the tax (「10%対象 ¥332,860 うち消費税 ¥30,260」).
   */
  private static Map<String, Recognition.Field> rateRows(LabelledLines rows) {
    Map<String, Recognition.Field> out = new LinkedHashMap<>();
    for (LabelledLines.Line line : rows.lines()) {
      String text = LabelledLines.stripJunk(line.text);
      Matcher m = RATE_ROW.matcher(text);
      String rate;
      int after;
      if (m.find()) {
        rate = m.group(1);
        after = m.end();
      } else {
        // 標準税率/軽減税率 misread by a character (「床準税率10%対象」: measured) before the rate label still opens its row
        LabelledLines.Occurrence first = line.labels.isEmpty() ? null : line.labels.get(0);
        if (first == null || !first.field().matches("subtotal(10|8)")
            || !MISREAD_RATE_PREFIX.matcher(LabelledLines.stripJunk(line.text.substring(0, first.start()))).matches()) {
          continue;
        }
        rate = first.field().substring("subtotal".length());
        after = first.end() - (line.text.length() - text.length());
      }
      List<Long> amounts = JapaneseText.yenAll(text.substring(Math.max(0, after)));
      amounts.removeIf(a -> a == 0 && amounts.size() > 2);
      if (amounts.size() < 2 || out.containsKey("subtotal" + rate)) {
        continue;
      }
      int percent = Integer.parseInt(rate);
      // more than two amounts (a stray digit read as a number of its own: 「\\202,8009消費税\\20,280」): the first pair
      // whose tax fits its amount, else the first two as before (the arithmetic check then flags them)
      int[] pair = {0, 1};
      search:
      for (int x = 0; x < amounts.size() && amounts.size() > 2; x++) {
        for (int y = x + 1; y < amounts.size(); y++) {
          long hi = Math.max(amounts.get(x), amounts.get(y));
          long lo = Math.min(amounts.get(x), amounts.get(y));
          if (lo > 0 && (taxMatches(hi, lo, percent) || taxMatches(hi - lo, lo, percent))) {
            pair = new int[] {x, y};
            break search;
          }
        }
      }
      long a = Math.max(amounts.get(pair[0]), amounts.get(pair[1]));
      long b = Math.min(amounts.get(pair[0]), amounts.get(pair[1]));
      long subtotal = !taxMatches(a, b, percent) && taxMatches(a - b, b, percent) ? a - b : a;
      double confidence = mean(line, 0, line.text.length()) * 0.98;
      out.put("subtotal" + rate, new Recognition.Field(String.valueOf(subtotal), confidence));
      out.put("tax" + rate, new Recognition.Field(String.valueOf(b), confidence));
    }
    return out;
  }

  /** A rate with no label and no row anywhere is not on the invoice: 0 if the other rate and the total agree. */
  private static void absentRate(Map<String, Recognition.Field> fields, LabelledLines rows,
      Map<String, Recognition.Field> rateRows, String rate) {
    String other = rate.equals("8") ? "10" : "8";
    if (rows.hasLabel("subtotal" + rate) || rows.hasLabel("tax" + rate) || rateRows.containsKey("subtotal" + rate)) {
      return;
    }
    Long subtotal = amountOf(fields, "subtotal" + other);
    Long tax = amountOf(fields, "tax" + other);
    Long total = amountOf(fields, "total");
    if (subtotal != null && tax != null && total != null && subtotal + tax == total) {
      String why = rate + "%対象の記載がないため0円としました（合計金額と一致）";
      double confidence = Math.min(fields.get("total").confidence(), fields.get("subtotal" + other).confidence());
      fields.put("subtotal" + rate, new Recognition.Field("0", confidence, why));
      fields.put("tax" + rate, new Recognition.Field("0", confidence, why));
    }
  }

  /**
   * Tax per rate must be the subtotal × rate rounded once (down, half-up or up: the issuer chooses), and the total
   * the sum of subtotals and taxes. One missing amount that the others determine is derived (and flagged); amounts
   * that satisfy every equation together are confirmed; a broken equation sends its fields to verification.
   */
  private static void checkArithmetic(Map<String, Recognition.Field> fields, Recognition.Field taxTotal) {
    deriveMissing(fields, taxTotal);
    correctOneDigit(fields);
    boolean taxesHold = true;
    for (int percent : new int[] {10, 8}) {
      Long subtotal = amountOf(fields, "subtotal" + percent);
      Long tax = amountOf(fields, "tax" + percent);
      if (subtotal == null || tax == null) {
        taxesHold = false;
      } else if (!taxMatches(subtotal, tax, percent)) {
        taxesHold = false;
        String why = "消費税額（" + percent + "%）が対象額×" + percent + "%と一致しません";
        doubt(fields, "subtotal" + percent, why);
        doubt(fields, "tax" + percent, why);
      }
    }
    Long total = amountOf(fields, "total");
    boolean complete = total != null && AMOUNTS.stream().allMatch(k -> amountOf(fields, k) != null);
    if (!complete) {
      return;
    }
    long sum = AMOUNTS.stream().mapToLong(k -> amountOf(fields, k)).sum();
    // a subtotal so small that its tax rounds to 0 whatever it is (1–12 yen at 8 %) is not checked by its tax: a 0
    // read as 6 then passes every equation when the total is misread by the same 6 (measured), so it confirms nothing
    for (int percent : new int[] {10, 8}) {
      long subtotal = amountOf(fields, "subtotal" + percent);
      if (subtotal > 0 && subtotal * percent < 100) {
        String why = percent + "%対象額（" + subtotal + "円）が少額で消費税額による確認ができません";
        doubt(fields, "subtotal" + percent, why);
        doubt(fields, "total", why);
        taxesHold = false;
      }
    }
    if (sum != total) {
      String why = "合計金額が小計と消費税の和（" + sum + "円）と一致しません";
      doubt(fields, "total", why);
      if (!taxesHold) {
        AMOUNTS.forEach(k -> doubt(fields, k, why));
      }
    } else if (taxesHold && Stream.concat(AMOUNTS.stream(), Stream.of("total")).filter(k -> fields.get(k).derived())
        .count() <= 1) {
      // five amounts read apart that satisfy three equations together: a misread that keeps all three is unlikely
      // (with one amount derived or corrected, two equations still confirm the other four; it stays flagged)
      for (String key : List.of("subtotal10", "tax10", "subtotal8", "tax8", "total")) {
        Recognition.Field f = fields.get(key);
        if (f.reason() == null && !f.derived()) {
          fields.put(key, new Recognition.Field(f.value(), Math.max(f.confidence(), 0.9)));
        }
      }
    }
  }

  /** Digits OCR confuses in amounts (0 read as 6 most of all). */
  private static final Map<Character, String> CONFUSED = Map.of('0', "689", '6', "085", '8', "0369", '3', "8",
      '1', "74", '7', "12", '9', "08", '5', "68", '2', "7", '4', "1");
  /** The misreads seen most (a 0 read as 6, 8 or 9): tried first, so they win over a rarer one that also fits. */
  private static final Map<Character, String> MOST_CONFUSED = Map.of('6', "0", '8', "0", '9', "0");

  /**
   * When the amounts break an equation and exactly one confusable digit in one of them, changed, makes every
   * equation hold, that digit was misread: the amount is corrected and flagged (staff confirm it against the paper).
   */
  private static void correctOneDigit(Map<String, Recognition.Field> fields) {
    List<String> all = List.of("subtotal10", "tax10", "subtotal8", "tax8", "total");
    if (all.stream().anyMatch(k -> amountOf(fields, k) == null || fields.get(k).derived()) || consistent(fields, null,
        0)) {
      return;
    }
    for (Map<Character, String> confusions : List.of(MOST_CONFUSED, CONFUSED)) {
      String fixedKey = null;
      long fixedValue = 0;
      int solutions = 0;
      for (String key : all) {
        String digits = fields.get(key).value();
        // a lone 0 (a rate with nothing on it) is read reliably; 6 yen of 8% items is no correction
        for (int i = 0; i < digits.length() && !digits.equals("0"); i++) {
          for (char alternative : confusions.getOrDefault(digits.charAt(i), "").toCharArray()) {
            long candidate = Long.parseLong(digits.substring(0, i) + alternative + digits.substring(i + 1));
            if (consistent(fields, key, candidate)) {
              solutions++;
              fixedKey = key;
              fixedValue = candidate;
            }
          }
        }
      }
      if (solutions == 1) {
        correct(fields, fixedKey, fixedValue);
        return;
      }
      if (solutions > 1) {
        return; // ambiguous: staff decide
      }
    }
    correctTwoDigits(fields, all);
  }

  /**
   * Two 0s of one amount read as 6, 8 or 9 (141,500 → 141,599: measured), when no single digit fits: the same
   * correction on two digits of one amount, taken only when exactly one amount and pair of digits makes every
   * equation hold.
   */
  private static void correctTwoDigits(Map<String, Recognition.Field> fields, List<String> all) {
    String fixedKey = null;
    long fixedValue = 0;
    int solutions = 0;
    for (String key : all) {
      String digits = fields.get(key).value();
      for (int i = 0; i < digits.length(); i++) {
        for (int j = i + 1; j < digits.length(); j++) {
          if (!MOST_CONFUSED.containsKey(digits.charAt(i)) || !MOST_CONFUSED.containsKey(digits.charAt(j))) {
            continue;
          }
          char[] changed = digits.toCharArray();
          changed[i] = '0';
          changed[j] = '0';
          long candidate = Long.parseLong(new String(changed));
          if (changed[0] != '0' && consistent(fields, key, candidate)) {
            solutions++;
            fixedKey = key;
            fixedValue = candidate;
          }
        }
      }
    }
    if (solutions == 1) {
      Recognition.Field read = fields.get(fixedKey);
      fields.put(fixedKey, new Recognition.Field(String.valueOf(fixedValue), DERIVED,
          "計算が合うよう2桁を補正しました（読み取り" + read.value() + "→" + fixedValue + "）", true));
    }
  }

  private static void correct(Map<String, Recognition.Field> fields, String fixedKey, long fixedValue) {
    Recognition.Field read = fields.get(fixedKey);
    fields.put(fixedKey, new Recognition.Field(String.valueOf(fixedValue), DERIVED,
        "計算が合うよう1桁を補正しました（読み取り" + read.value() + "→" + fixedValue + "）", true));
  }

  /** Whether both taxes fit their subtotals and the total is the sum, with {@code key} taken as {@code value}. */
  private static boolean consistent(Map<String, Recognition.Field> fields, String key, long value) {
    java.util.function.Function<String, Long> get = k -> k.equals(key) ? value : amountOf(fields, k);
    return taxMatches(get.apply("subtotal10"), get.apply("tax10"), 10)
        && taxMatches(get.apply("subtotal8"), get.apply("tax8"), 8)
        && get.apply("subtotal10") + get.apply("tax10") + get.apply("subtotal8") + get.apply("tax8")
        == get.apply("total");
  }

  private static void deriveMissing(Map<String, Recognition.Field> fields, Recognition.Field taxTotal) {
    List<String> all = List.of("subtotal10", "tax10", "subtotal8", "tax8", "total");
    List<String> missing = new ArrayList<>(all.stream().filter(k -> amountOf(fields, k) == null).toList());
    Long taxSum = taxTotal.isMissing() ? null : Long.parseLong(taxTotal.value());
    // うち消費税 (all rates) and one rate's tax give the other's
    if (taxSum != null) {
      for (String[] pair : new String[][] {{"tax10", "tax8"}, {"tax8", "tax10"}}) {
        if (missing.contains(pair[0]) && amountOf(fields, pair[1]) != null) {
          derive(fields, pair[0], taxSum - amountOf(fields, pair[1]), "消費税の合計と他の税率の消費税額から算出しました");
          missing.remove(pair[0]);
        }
      }
    }
    if (missing.size() > 1) {
      for (int percent : new int[] {10, 8}) {
        Long subtotal = amountOf(fields, "subtotal" + percent);
        if (subtotal != null && missing.contains("tax" + percent)) {
          derive(fields, "tax" + percent, subtotal * percent / 100,
              "対象額×" + percent + "%から算出しました（端数は切り捨てと仮定）");
          missing.remove("tax" + percent);
        }
      }
    }
    if (missing.size() == 1) {
      String key = missing.get(0);
      long others = all.stream().filter(k -> !k.equals(key) && !k.equals("total"))
          .mapToLong(k -> amountOf(fields, k)).sum();
      long value = key.equals("total") ? others : amountOf(fields, "total") - others;
      derive(fields, key, value, key.equals("total") ? "小計と消費税の和から算出しました"
          : "合計金額と他の金額から算出しました");
    }
  }

  private static void derive(Map<String, Recognition.Field> fields, String key, long value, String why) {
    Recognition.Field before = fields.get(key);
    String reason = before.reason() == null ? why : before.reason() + "。" + why;
    boolean plausible = value >= 0;
    fields.put(key, new Recognition.Field(String.valueOf(value), plausible ? DERIVED : DERIVED / 3, reason, true));
  }

  static boolean taxMatches(long subtotal, long tax, int percent) {
    long base = subtotal * percent;
    return tax == Math.floorDiv(base, 100) || tax == Math.round(base / 100.0) || tax == -Math.floorDiv(-base, 100);
  }

  private static void doubt(Map<String, Recognition.Field> fields, String key, String why) {
    fields.put(key, fields.get(key).doubted(INCONSISTENT, why));
  }

  private static Long amountOf(Map<String, Recognition.Field> fields, String key) {
    String value = fields.get(key).value();
    return value == null ? null : Long.parseLong(value);
  }

  /**
   * The issue date when its label was not read (a small ruled box whose rules cut into 請求日): the one full date on
   * the page that stands on a line with no label (お支払期限, 納品日 and the like claim theirs), flagged. Two or more
   * such dates: nothing is guessed.
   */
  static Optional<Recognition.Field> onlyDate(LabelledLines rows, LocalDate today) {
    Recognition.Field found = null;
    for (LabelledLines.Line line : rows.lines()) {
      if (!line.labels.isEmpty()) {
        continue;
      }
      for (int[] cell : line.cells()) {
        Optional<JapaneseText.Found<LocalDate>> d = JapaneseText.dateAt(JapaneseText.nfkc(
            line.text.substring(cell[0], cell[1])));
        if (d.isEmpty() || d.get().value().isAfter(today)) {
          continue;
        }
        if (found != null && !found.value().equals(d.get().value().toString())) {
          return Optional.empty();
        }
        found = new Recognition.Field(d.get().value().toString(), mean(line, cell[0], cell[1]))
            .doubted(INCONSISTENT, "「請求日」の見出しが読めず、見出しのない行にある唯一の日付を採りました");
      }
    }
    return Optional.ofNullable(found);
  }

  private static double weakest(LabelledLines.Line line, int start, int end) {
    double low = 100;
    for (int i = start; i < end; i++) {
      low = Math.min(low, line.confidence[i]);
    }
    return low / 100.0;
  }

  private static double mean(LabelledLines.Line line, int start, int end) {
    double sum = 0;
    for (int i = start; i < end; i++) {
      sum += line.confidence[i];
    }
    return end > start ? sum / (end - start) / 100.0 : 0;
  }
}
