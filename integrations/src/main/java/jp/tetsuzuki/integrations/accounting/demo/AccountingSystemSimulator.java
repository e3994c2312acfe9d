package jp.tetsuzuki.integrations.accounting.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import jp.tetsuzuki.bpmn.rules.JapanTime;

/**
 * The accounting system as the demo and the tests play it (never in production): it reads a payment instruction file
 * of the outbox by the published layout (160-byte records + CR LF in windows-31j: header "1" with the batch id at
 * bytes 2-21 and the tenant at 30-61; data "2" with the payment id at 2-21, amount at 116-127 and late interest at
 * 128-137) and answers with an acknowledgement file ({@code paymentId,PAID,yyyyMMdd,amount+interest} per payment)
 * written under a hidden name into {@code <ackInbox>/<tenant>/} and renamed. A payment id listed in
 * {@link #failing} is answered FAILED (tests of "not paid").
 */
public final class AccountingSystemSimulator {

  private static final int RECORD = 162;

  private final java.util.Set<String> failing = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** Answers this payment id with FAILED from now on. */
  public void failing(String paymentId) {
    failing.add(paymentId);
  }

  /** The acknowledgement file's name and content for one payment instruction file. */
  public record Answer(String tenantId, String fileName, byte[] content) {}

  public Answer answer(byte[] instructionFile, LocalDate paidOn) {
    if (instructionFile.length % RECORD != 0 || instructionFile.length < 3 * RECORD || instructionFile[0] != '1') {
      throw new IllegalArgumentException("not a payment instruction file (" + instructionFile.length + " bytes)");
    }
    String batchId = ascii(instructionFile, 1, 20);
    String tenantId = ascii(instructionFile, 29, 32);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int at = RECORD; at < instructionFile.length; at += RECORD) {
      if (instructionFile[at] != '2') {
        continue;
      }
      String paymentId = ascii(instructionFile, at + 1, 20);
      long total = Long.parseLong(ascii(instructionFile, at + 115, 12)) + Long.parseLong(ascii(instructionFile,
          at + 127, 10));
      String line = failing.contains(paymentId) ? paymentId + ",FAILED,,0"
          : paymentId + ",PAID," + paidOn.format(DateTimeFormatter.BASIC_ISO_DATE) + "," + total;
      out.writeBytes((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }
    return new Answer(tenantId, "ack-" + batchId + ".csv", out.toByteArray());
  }

  /** Takes one file of the outbox (moved to {@code taken}) and drops the answer into the inbox. */
  public Path take(Path instructionFile, Path taken, Path ackInbox) throws IOException {
    Answer answer = answer(Files.readAllBytes(instructionFile), LocalDate.now(JapanTime.ZONE));
    Path folder = Files.createDirectories(ackInbox.resolve(answer.tenantId()));
    Path temporary = folder.resolve("." + answer.fileName() + ".part");
    Files.write(temporary, answer.content());
    Path target = Files.move(temporary, folder.resolve(answer.fileName()), StandardCopyOption.ATOMIC_MOVE);
    Files.createDirectories(taken);
    Files.move(instructionFile, taken.resolve(instructionFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  private static String ascii(byte[] bytes, int from, int length) {
    return new String(bytes, from, length, StandardCharsets.US_ASCII).strip();
  }
}
