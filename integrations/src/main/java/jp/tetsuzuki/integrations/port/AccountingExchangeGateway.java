package jp.tetsuzuki.integrations.port;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the accounting routes need from the platform (支払指示ファイル out, 支払結果ファイル in); the platform implements it
 * with the contract-payment services, so the routes decide no business rule: which payments form a batch, the file's
 * layout and what an acknowledgement does are the platform's. Every call names the route's service identity; the
 * platform checks that it is one (group {@code integrations}, no administrator) and serves the tenant.
 */
public interface AccountingExchangeGateway {

  /**
   * The next payment instruction file of the tenant to write, or empty when none is due: a batch formed earlier whose
   * node stopped before it was written (its lease ran out), or else a new batch of the approved payments waiting for
   * export, formed once {@code rule.maxPayments()} are waiting or the oldest has waited {@code rule.collectFor()}.
   * Each payment joins exactly one batch, also when several nodes ask at once. The batch is leased to
   * {@code node} for {@code rule.lease()}: write it and call {@link #written} before the lease ends.
   */
  Optional<PaymentFile> claimBatch(String serviceUser, String tenantId, BatchRule rule, String node);

  /** The file of the batch is in the outbox (the cases record it); a second call changes nothing. */
  void written(String serviceUser, String tenantId, String batchId);

  /**
   * Applies an acknowledgement file of the accounting system for the tenant, once: a line applied before (the same
   * file twice, a second node) changes nothing, and a payment is marked paid only once.
   *
   * @throws Refused when the file is not in the layout (nothing applied)
   */
  AckResult acknowledge(String serviceUser, String tenantId, byte[] file);

  /**
   * When batches are formed.
   *
   * @param maxPayments at most this many payments per file; this many waiting form a batch at once
   * @param collectFor  a batch is formed once the oldest waiting payment has waited this long
   * @param lease       how long a node has to write a batch it formed before another node writes it
   */
  record BatchRule(int maxPayments, Duration collectFor, Duration lease) {}

  /**
   * A payment instruction file to write.
   *
   * @param content  the file's bytes (the platform's layout, windows-31j)
   * @param payments how many payments it carries
   * @param again    true when it is a batch formed before whose node did not finish writing it
   */
  record PaymentFile(String tenantId, String batchId, String fileName, byte[] content, int payments, boolean again) {}

  /**
   * What an acknowledgement file did.
   *
   * @param acknowledgementId the file's identity (SHA-256 of its bytes)
   * @param paid              payment ids this call marked paid
   * @param failed            payment ids this call marked not paid (the cases record it)
   * @param alreadyApplied    payment ids settled before (the same file again)
   * @param problems          lines not applied (staff look at them)
   */
  record AckResult(String acknowledgementId, List<String> paid, List<String> failed, List<String> alreadyApplied,
      List<Problem> problems) {
    public AckResult {
      paid = List.copyOf(paid);
      failed = List.copyOf(failed);
      alreadyApplied = List.copyOf(alreadyApplied);
      problems = List.copyOf(problems);
    }

    /** Nothing new in the file: every line had been applied before. */
    public boolean replay() {
      return paid.isEmpty() && failed.isEmpty() && problems.isEmpty() && !alreadyApplied.isEmpty();
    }
  }

  /** A line that was not applied, with a code and the Japanese reason. */
  record Problem(int line, String paymentId, String code, String messageJa) {}

  /** The file is refused as a whole (layout, encoding, identity, tenant); nothing was applied. */
  class Refused extends RuntimeException {

    private final int line;
    private final String field;

    /** @param line 1-based line, 0 for the whole file; @param messageJa the reason for the accounting staff */
    public Refused(int line, String field, String messageJa) {
      super(messageJa);
      this.line = line;
      this.field = field;
    }

    public int line() {
      return line;
    }

    public String field() {
      return field;
    }
  }
}
