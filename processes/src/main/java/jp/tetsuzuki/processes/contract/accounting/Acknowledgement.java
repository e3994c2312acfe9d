package jp.tetsuzuki.processes.contract.accounting;

import java.time.LocalDate;
import java.util.List;

/**
 * A parsed acknowledgement file from the accounting system (支払結果ファイル).
 *
 * @param id    the file's identity: the SHA-256 of its bytes in hex (the same file under another name is the same)
 * @param lines its lines in file order
 */
public record Acknowledgement(String id, List<Line> lines) {

  public Acknowledgement {
    lines = List.copyOf(lines);
  }

  /** Whether a payment was made. */
  public enum Status { PAID, FAILED }

  /**
   * One line.
   *
   * @param number    1-based line number in the file
   * @param paymentId our payment id
   * @param status    paid or failed
   * @param paidOn    the day paid (PAID), null for FAILED
   * @param amount    yen transferred (amount plus late interest), 0 for FAILED
   */
  public record Line(int number, String paymentId, Status status, LocalDate paidOn, long amount) {}
}
