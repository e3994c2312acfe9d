package jp.tetsuzuki.processes.contract.accounting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import jp.tetsuzuki.bpmn.rules.JapanTime;

/**
 * Applies an acknowledgement file to the exported payments, idempotently: a line of a file already processed is
 * skipped, and a payment is marked paid only by the call that moves it from EXPORTED (the ledger's conditional
 * update), so the same acknowledgement twice, or two files naming one payment, pays nothing twice. Only
 * {@link Result#paid()} is news for the process (correlate "payment acknowledged" for those, and only those).
 *
 * <p>Run one file in one transaction (the JDBC ledger joins the caller's): a failure leaves nothing half-applied.
 */
public final class AcknowledgementService {

  private final AcknowledgementParser parser = new AcknowledgementParser();
  private final PaymentLedger ledger;
  private final Supplier<LocalDate> today;

  /** Today is the system clock's day in Japan. */
  public AcknowledgementService(PaymentLedger ledger) {
    this(ledger, () -> LocalDate.now(JapanTime.ZONE));
  }

  /** @param today the day in Japan (the engine's clock in the platform) a PAID line may be dated at the latest */
  public AcknowledgementService(PaymentLedger ledger, Supplier<LocalDate> today) {
    if (ledger == null || today == null) {
      throw new IllegalArgumentException("ledger and today must not be null");
    }
    this.ledger = ledger;
    this.today = today;
  }

  /**
   * @param tenantId the tenant whose folder the file came from; payments of other tenants are unknown to it
   * @throws AcknowledgementFormatException if the file is not in the layout (nothing applied)
   */
  public Result apply(String tenantId, byte[] file) throws AcknowledgementFormatException {
    if (tenantId == null || tenantId.isBlank()) {
      throw new IllegalArgumentException("tenantId must not be blank");
    }
    Acknowledgement ack = parser.parse(file);
    LocalDate latest = today.get();
    List<Settled> paid = new ArrayList<>();
    List<Settled> failed = new ArrayList<>();
    List<String> alreadyApplied = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Acknowledgement.Line line : ack.lines()) {
      if (ledger.lineProcessed(tenantId, ack.id(), line.number())) {
        // this line of this very file was applied before: nothing to do again
        alreadyApplied.add(line.paymentId());
        continue;
      }
      Optional<PaymentLedger.Payment> found = ledger.find(tenantId, line.paymentId());
      String outcome;
      Problem problem = null;
      Settled settled = null;
      boolean applied = false;
      if (found.isEmpty()) {
        outcome = "UNKNOWN";
        problem = new Problem(line.number(), line.paymentId(), "UNKNOWN_PAYMENT",
            "支払番号 " + line.paymentId() + " の支払指示が見つかりません。");
      } else if (line.status() == Acknowledgement.Status.PAID && line.amount() != found.get().total()) {
        outcome = "AMOUNT_MISMATCH";
        problem = new Problem(line.number(), line.paymentId(), "AMOUNT_MISMATCH", "支払番号 " + line.paymentId()
            + " の支払額 " + line.amount() + " 円が支払指示の " + found.get().total() + " 円と一致しません。");
      } else if (line.status() == Acknowledgement.Status.PAID && line.paidOn().isAfter(latest)) {
        // a payment day in the future would mark the case paid now and count late interest up to that day (A1)
        outcome = "PAID_ON_FUTURE";
        problem = new Problem(line.number(), line.paymentId(), "PAID_ON_FUTURE", "支払番号 " + line.paymentId()
            + " の支払日 " + line.paidOn() + " が未来の日付です（本日 " + latest + "）。");
      } else if (line.status() == Acknowledgement.Status.PAID && found.get().exportedOn() != null
          && line.paidOn().isBefore(found.get().exportedOn())) {
        // paid before the instruction was even sent to the accounting system: not this payment
        outcome = "PAID_BEFORE_EXPORT";
        problem = new Problem(line.number(), line.paymentId(), "PAID_BEFORE_EXPORT", "支払番号 " + line.paymentId()
            + " の支払日 " + line.paidOn() + " が支払指示の送付日（" + found.get().exportedOn() + "）より前です。");
      } else {
        settled = new Settled(line.paymentId(), found.get().contractId(), line.paidOn(), line.amount());
        applied = line.status() == Acknowledgement.Status.PAID
            ? ledger.markPaid(tenantId, line.paymentId(), line.paidOn(), ack.id())
            : ledger.markFailed(tenantId, line.paymentId(), ack.id());
        outcome = applied ? line.status().name() : "ALREADY_SETTLED";
      }
      ledger.recordLine(tenantId, ack.id(), line.number(), line.paymentId(), outcome);
      if (problem != null) {
        problems.add(problem);
      } else if (applied) {
        (line.status() == Acknowledgement.Status.PAID ? paid : failed).add(settled);
      } else if (found.get().status() == PaymentLedger.Status.PAID && line.status() == Acknowledgement.Status.PAID) {
        alreadyApplied.add(line.paymentId());
      } else {
        problems.add(new Problem(line.number(), line.paymentId(), "STATUS_CONFLICT", "支払番号 " + line.paymentId()
            + " は既に「" + (found.get().status() == PaymentLedger.Status.PAID ? "支払済" : "不払") + "」として処理されています。"));
      }
    }
    return new Result(ack.id(), paid, failed, alreadyApplied, problems);
  }

  /** A payment settled by this call. */
  public record Settled(String paymentId, String contractId, LocalDate paidOn, long amount) {}

  /**
   * A line that could not be applied; staff look at it (the payment stays EXPORTED). Codes: UNKNOWN_PAYMENT,
   * AMOUNT_MISMATCH, PAID_ON_FUTURE (a payment day after today in Japan), PAID_BEFORE_EXPORT (a payment day before
   * the day the instruction was exported), STATUS_CONFLICT.
   */
  public record Problem(int line, String paymentId, String code, String messageJa) {}

  /**
   * @param acknowledgementId the file's id (SHA-256)
   * @param paid              payments this call marked paid
   * @param failed            payments this call marked failed
   * @param alreadyApplied    payments the file names that an earlier application settled
   * @param problems          lines not applied
   */
  public record Result(String acknowledgementId, List<Settled> paid, List<Settled> failed,
      List<String> alreadyApplied, List<Problem> problems) {
    public Result {
      paid = List.copyOf(paid);
      failed = List.copyOf(failed);
      alreadyApplied = List.copyOf(alreadyApplied);
      problems = List.copyOf(problems);
    }
  }
}
