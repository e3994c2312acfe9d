package jp.tetsuzuki.processes.contract.accounting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * Writes a {@link PaymentBatch} as the accounting system's payment instruction file (支払指示ファイル): one file per
 * batch, fixed-width records in {@code windows-31j}, written atomically into a folder.
 *
 * <p>Why fixed width rather than CSV: the accounting systems this feeds read Zengin-style batch records by byte
 * position; a fixed layout has no quoting or escaping to get wrong, lets the receiver check every record's length,
 * and makes the byte layout exactly testable. Widths are bytes in windows-31j (a JIS X 0208 character takes two).
 *
 * <p>Layout: every record is {@value #RECORD_LENGTH} bytes followed by CR LF (also the last); no EOF mark (0x1A).
 * Text fields are left-aligned and padded with ASCII spaces; number fields are right-aligned and padded with '0';
 * dates are {@code yyyyMMdd}. Nothing is ever cut: a value that does not fit, or a character outside ASCII,
 * half-width katakana and JIS X 0208 ({@link Windows31j}), is a {@link PaymentFileException} naming the record, the
 * payment and the field, and no file is written.
 * <pre>
 * header   1  type "1" | 2-21 batch id (20) | 22-29 created on (8) | 30-61 tenant id (32) | 62-160 spaces (99)
 * data     1  type "2" | 2-21 payment id (20) | 22-53 contract id (32, ASCII) | 54-101 payee name (48)
 *             | 102-115 registration number (14, or spaces) | 116-127 amount (12) | 128-137 late interest (10)
 *             | 138-145 due on (8) | 146-160 spaces (15)
 * trailer  1  type "8" | 2-7 number of data records (6) | 8-22 total amount (15) | 23-35 total interest (13)
 *             | 36-160 spaces (125)
 * end      1  type "9" | 2-160 spaces (159)
 * </pre>
 */
public final class PaymentInstructionFile {

  public static final int RECORD_LENGTH = 160;
  private static final byte[] CRLF = {'\r', '\n'};
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

  /** The widest payee name the file carries, in windows-31j bytes. */
  public static final int PAYEE_NAME_BYTES = 48;

  /** The largest amount (yen, with tax) the data record's 12-digit amount field carries. */
  public static final long MAX_AMOUNT = 999_999_999_999L;

  /**
   * Checks a payee name the way the file will write it (JIS X 0208 / ASCII / half-width katakana in windows-31j, at
   * most {@value #PAYEE_NAME_BYTES} bytes), so a contract is refused at registration rather than its payment at
   * the export (review F22).
   *
   * @throws PaymentFileException naming the character or the width, with a Japanese message
   */
  public static void checkPayeeName(String name) {
    new Record(0, null).text(name, PAYEE_NAME_BYTES, "payeeName");
  }

  /** Renders the file's bytes. */
  public byte[] render(PaymentBatch batch) {
    ByteArrayOutputStream out = new ByteArrayOutputStream((batch.payments().size() + 3) * (RECORD_LENGTH + 2));
    Record header = new Record(1, null);
    header.text("1", 1, "type").ascii(batch.batchId(), 20, "batchId").date(batch.createdOn(), "createdOn")
        .ascii(batch.tenantId(), 32, "tenantId");
    header.writeTo(out);
    long totalAmount = 0;
    long totalInterest = 0;
    int number = 2;
    for (PaymentInstruction p : batch.payments()) {
      Record data = new Record(number++, p.paymentId());
      data.text("2", 1, "type").ascii(p.paymentId(), 20, "paymentId").ascii(p.contractId(), 32, "contractId")
          .text(p.payeeName(), PAYEE_NAME_BYTES, "payeeName")
          .ascii(p.registrationNumber() == null ? "" : p.registrationNumber(), 14, "registrationNumber")
          .number(p.amount(), 12, "amount").number(p.lateInterest(), 10, "lateInterest").date(p.dueOn(), "dueOn");
      data.writeTo(out);
      totalAmount += p.amount();
      totalInterest += p.lateInterest();
    }
    Record trailer = new Record(number++, null);
    trailer.text("8", 1, "type").number(batch.payments().size(), 6, "count").number(totalAmount, 15, "totalAmount")
        .number(totalInterest, 13, "totalInterest");
    trailer.writeTo(out);
    new Record(number, null).text("9", 1, "type").writeTo(out);
    return out.toByteArray();
  }

  /**
   * Writes the batch into {@code folder} as {@link PaymentBatch#fileName()}: to a temporary file in the same folder,
   * forced to disk, then moved into place atomically, so the accounting system never sees half a file. Writing the
   * same batch again is harmless (an identical file is left as it is); a different file under the same name is
   * refused.
   *
   * @return the file written (or found identical)
   * @throws PaymentFileException if a value cannot be written, or a different file of this batch exists
   * @throws UncheckedIOException if the folder cannot be written
   */
  public Path write(PaymentBatch batch, Path folder) {
    byte[] bytes = render(batch);
    Path target = folder.resolve(batch.fileName());
    try {
      if (Files.exists(target)) {
        if (Arrays.equals(Files.readAllBytes(target), bytes)) {
          return target;
        }
        throw new PaymentFileException(0, null, "batchId", "a different file of batch " + batch.batchId()
            + " already exists: " + target.getFileName(), "バッチ " + batch.batchId() + " の支払指示ファイルは既に異なる内容で出力されています。");
      }
      Path temp = Files.createTempFile(folder, ".payment-", ".tmp");
      try {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
          ByteBuffer buffer = ByteBuffer.wrap(bytes);
          while (buffer.hasRemaining()) {
            channel.write(buffer);
          }
          channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + target, e);
    }
  }

  /** One fixed-width record being built. */
  private static final class Record {
    private final int number;
    private final String paymentId;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(RECORD_LENGTH);

    Record(int number, String paymentId) {
      this.number = number;
      this.paymentId = paymentId;
    }

    Record text(String value, int width, String field) {
      byte[] encoded;
      try {
        encoded = Windows31j.encode(value);
      } catch (Windows31j.UnwritableCharacterException e) {
        throw new PaymentFileException(number, paymentId, field, e.getMessage(),
            String.format("%s に書き出せない文字 U+%04X「%s」があります（JIS X 0208 の範囲の文字で登録してください）。", fieldJa(field),
                e.codePoint, new String(Character.toChars(e.codePoint))));
      }
      return padded(encoded, width, field);
    }

    Record ascii(String value, int width, String field) {
      if (!value.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
        throw new PaymentFileException(number, paymentId, field, "only ASCII characters are allowed",
            fieldJa(field) + " には半角英数字のみ使えます。");
      }
      return padded(value.getBytes(StandardCharsets.US_ASCII), width, field);
    }

    Record number(long value, int width, String field) {
      String digits = Long.toString(value);
      if (value < 0 || digits.length() > width) {
        throw new PaymentFileException(number, paymentId, field, value + " does not fit in " + width + " digits",
            fieldJa(field) + " が桁数（" + width + " 桁）を超えています。");
      }
      bytes.writeBytes(("0".repeat(width - digits.length()) + digits).getBytes(StandardCharsets.US_ASCII));
      return this;
    }

    Record date(LocalDate date, String field) {
      return ascii(DATE.format(date), 8, field);
    }

    private Record padded(byte[] encoded, int width, String field) {
      if (encoded.length > width) {
        throw new PaymentFileException(number, paymentId, field, "is " + encoded.length + " bytes in windows-31j, "
            + "at most " + width + " fit", fieldJa(field) + " が長すぎます（" + width + " バイトまで、全角は 1 文字 2 バイト）。");
      }
      bytes.writeBytes(encoded);
      bytes.writeBytes(" ".repeat(width - encoded.length).getBytes(StandardCharsets.US_ASCII));
      return this;
    }

    void writeTo(ByteArrayOutputStream out) {
      byte[] record = bytes.toByteArray();
      out.writeBytes(record);
      out.writeBytes(" ".repeat(RECORD_LENGTH - record.length).getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(CRLF);
    }

    private static String fieldJa(String field) {
      return switch (field) {
        case "payeeName" -> "支払先名";
        case "contractId" -> "契約番号";
        case "paymentId" -> "支払番号";
        case "registrationNumber" -> "登録番号";
        case "amount" -> "支払金額";
        case "lateInterest" -> "遅延利息";
        case "tenantId" -> "団体コード";
        case "batchId" -> "バッチ番号";
        default -> field;
      };
    }
  }
}
