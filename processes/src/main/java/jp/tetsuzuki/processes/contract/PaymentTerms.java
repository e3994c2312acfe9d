package jp.tetsuzuki.processes.contract;

/**
 * The inspection and payment periods of a contract, in calendar days (shared/domain/contract-payment.md, steps 3 and
 * 8; 政府契約の支払遅延防止等に関する法律 5条, 6条, 10条).
 *
 * <p>A contract may name shorter periods than the statutory maxima (inspection 10 days, 14 for construction; payment
 * 30 days, 40 for construction), never longer. A contract that names no periods gets inspection 10 and payment 15
 * (10条): {@link #unnamed()}.
 *
 * @param inspectionDays days from the completion notice to the end of inspection
 * @param paymentDays    days from the proper invoice to payment
 */
public record PaymentTerms(int inspectionDays, int paymentDays) {

  /** 10条: the periods of a contract that names none. */
  public static final int UNNAMED_INSPECTION_DAYS = 10;
  /** 10条: the periods of a contract that names none. */
  public static final int UNNAMED_PAYMENT_DAYS = 15;

  /**
   * @throws IllegalArgumentException if a period is below 1 (longer periods are checked against the kind by
   *                                  {@link #checkedFor(ContractKind)})
   */
  public PaymentTerms {
    if (inspectionDays < 1) {
      throw new IllegalArgumentException("inspectionDays must be at least 1");
    }
    if (paymentDays < 1) {
      throw new IllegalArgumentException("paymentDays must be at least 1");
    }
  }

  /** The longest periods the law allows for the kind (5条, 6条): 10 / 30, construction 14 / 40. */
  public static PaymentTerms statutoryMaximum(ContractKind kind) {
    return kind == ContractKind.CONSTRUCTION ? new PaymentTerms(14, 40) : new PaymentTerms(10, 30);
  }

  /** 10条: a contract that names no periods. */
  public static PaymentTerms unnamed() {
    return new PaymentTerms(UNNAMED_INSPECTION_DAYS, UNNAMED_PAYMENT_DAYS);
  }

  /**
   * @return these terms if they are within the statutory maxima of the kind
   * @throws IllegalArgumentException naming the period that is longer than the law allows
   */
  public PaymentTerms checkedFor(ContractKind kind) {
    PaymentTerms max = statutoryMaximum(kind);
    if (inspectionDays > max.inspectionDays) {
      throw new IllegalArgumentException("inspectionDays must be at most " + max.inspectionDays + " for "
          + kind.apiName());
    }
    if (paymentDays > max.paymentDays) {
      throw new IllegalArgumentException("paymentDays must be at most " + max.paymentDays + " for " + kind.apiName());
    }
    return this;
  }
}
