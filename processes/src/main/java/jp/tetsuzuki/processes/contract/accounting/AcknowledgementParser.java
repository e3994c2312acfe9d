package jp.tetsuzuki.processes.contract.accounting;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the accounting system's acknowledgement file: CSV in {@code windows-31j} (ASCII in practice), one payment
 * per line, lines ended by CR LF (LF alone is accepted), no header, no quoting:
 * <pre>
 * paymentId,status,paidOn,amount
 * P-0001,PAID,20260520,289490        paid on 2026-05-20, 289,490 yen (amount + late interest)
 * P-0002,FAILED,,0                   not paid (e.g. account closed)
 * </pre>
 * Empty lines at the end are ignored. A line that does not fit the layout, a payment twice in one file, a file over
 * {@value #MAX_BYTES} bytes or {@value #MAX_LINES} lines: the whole file is refused, naming the line and field.
 */
public final class AcknowledgementParser {

  public static final int MAX_BYTES = 10 * 1024 * 1024;
  public static final int MAX_LINES = 100_000;

  private static final Pattern PAYMENT_ID = Pattern.compile("[A-Za-z0-9-]{1,20}");
  private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,15}");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
      .withResolverStyle(ResolverStyle.STRICT);

  /**
   * @throws AcknowledgementFormatException if the file is not in the layout
   */
  public Acknowledgement parse(byte[] file) throws AcknowledgementFormatException {
    if (file == null || file.length == 0) {
      throw new AcknowledgementFormatException(0, "file", "the file is empty", "支払結果ファイルが空です。");
    }
    if (file.length > MAX_BYTES) {
      throw new AcknowledgementFormatException(0, "file", "the file is larger than " + MAX_BYTES + " bytes",
          "支払結果ファイルが大きすぎます。");
    }
    String text;
    try {
      text = Windows31j.CHARSET.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
    } catch (CharacterCodingException e) {
      throw new AcknowledgementFormatException(0, "file", "the file is not windows-31j text",
          "支払結果ファイルの文字コードが windows-31j（Shift_JIS）ではありません。");
    }
    String[] rows = text.split("\n", -1);
    int last = rows.length;
    while (last > 0 && rows[last - 1].replace("\r", "").isEmpty()) {
      last--;
    }
    if (last == 0) {
      throw new AcknowledgementFormatException(0, "file", "the file has no lines", "支払結果ファイルに明細がありません。");
    }
    if (last > MAX_LINES) {
      throw new AcknowledgementFormatException(0, "file", "more than " + MAX_LINES + " lines",
          "支払結果ファイルの行数が上限を超えています。");
    }
    List<Acknowledgement.Line> lines = new ArrayList<>(last);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < last; i++) {
      Acknowledgement.Line line = line(i + 1, rows[i].endsWith("\r") ? rows[i].substring(0, rows[i].length() - 1)
          : rows[i]);
      if (!seen.add(line.paymentId())) {
        throw new AcknowledgementFormatException(i + 1, "paymentId", "payment " + line.paymentId()
            + " appears twice", "支払番号 " + line.paymentId() + " が二度記載されています。");
      }
      lines.add(line);
    }
    return new Acknowledgement(sha256(file), lines);
  }

  private static Acknowledgement.Line line(int number, String row) throws AcknowledgementFormatException {
    String[] f = row.split(",", -1);
    if (f.length != 4) {
      throw new AcknowledgementFormatException(number, "line", "expected 4 comma-separated fields, found " + f.length,
          number + " 行目の項目数が 4 ではありません。");
    }
    if (!PAYMENT_ID.matcher(f[0]).matches()) {
      throw new AcknowledgementFormatException(number, "paymentId", "not 1..20 ASCII letters, digits or '-'",
          number + " 行目の支払番号が正しくありません。");
    }
    Acknowledgement.Status status;
    try {
      status = Acknowledgement.Status.valueOf(f[1]);
    } catch (IllegalArgumentException e) {
      throw new AcknowledgementFormatException(number, "status", "must be PAID or FAILED",
          number + " 行目の結果が PAID でも FAILED でもありません。");
    }
    if (!AMOUNT.matcher(f[3]).matches()) {
      throw new AcknowledgementFormatException(number, "amount", "not 1..15 digits",
          number + " 行目の金額が正しくありません。");
    }
    long amount = Long.parseLong(f[3]);
    LocalDate paidOn = null;
    if (status == Acknowledgement.Status.PAID) {
      try {
        paidOn = LocalDate.parse(f[2], DATE);
      } catch (DateTimeParseException e) {
        throw new AcknowledgementFormatException(number, "paidOn", "not a date yyyyMMdd",
            number + " 行目の支払日が yyyyMMdd 形式の日付ではありません。");
      }
    } else if (!f[2].isEmpty() || amount != 0) {
      throw new AcknowledgementFormatException(number, "paidOn", "a FAILED line has no date and amount 0",
          number + " 行目：不払（FAILED）の行に支払日・金額は記載できません。");
    }
    return new Acknowledgement.Line(number, f[0], status, paidOn, amount);
  }

  private static String sha256(byte[] file) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
