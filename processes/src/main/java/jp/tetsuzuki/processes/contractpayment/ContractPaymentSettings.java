package jp.tetsuzuki.processes.contractpayment;

import java.nio.file.Path;
import jp.tetsuzuki.processes.contract.interest.LateInterest;

/**
 * Settings of {@code contract-payment} ({@code tetsuzuki.contract.*}).
 *
 * @param inspectionDepartment  department code whose group {@code <tenant>-<code>} inspects (検査), default
 *                              {@code kensa}
 * @param accountingDepartment  department code of the 会計管理者 group {@code <tenant>-<code>}, default
 *                              {@code kaikeikanri}
 * @param warningOpenDays       open days before the payment due date on which staff are warned (0..30)
 * @param outbox                folder the payment instruction files are written into (atomically)
 * @param interestBasis         which day's statutory rate late interest uses (the tenant's contract clause)
 * @param treasuryDepartment    department code of 会計課 {@code <tenant>-<code>}, who resolve payments the accounting
 *                              system reports as not made, default {@code kaikei}
 */
public record ContractPaymentSettings(String inspectionDepartment, String accountingDepartment, int warningOpenDays,
    Path outbox, LateInterest.RateBasis interestBasis, String treasuryDepartment) {

  /** The settings of the first version (会計課 {@code kaikei}). */
  public ContractPaymentSettings(String inspectionDepartment, String accountingDepartment, int warningOpenDays,
      Path outbox, LateInterest.RateBasis interestBasis) {
    this(inspectionDepartment, accountingDepartment, warningOpenDays, outbox, interestBasis, "kaikei");
  }

  public ContractPaymentSettings {
    if (treasuryDepartment == null || !treasuryDepartment.matches("[a-z0-9-]{1,32}")) {
      throw new IllegalArgumentException("tetsuzuki.contract.treasury-department must be 1..32 of a-z, 0-9, '-'");
    }
    if (inspectionDepartment == null || !inspectionDepartment.matches("[a-z0-9-]{1,32}")) {
      throw new IllegalArgumentException("tetsuzuki.contract.inspection-department must be 1..32 of a-z, 0-9, '-'");
    }
    if (accountingDepartment == null || !accountingDepartment.matches("[a-z0-9-]{1,32}")) {
      throw new IllegalArgumentException("tetsuzuki.contract.accounting-department must be 1..32 of a-z, 0-9, '-'");
    }
    if (outbox == null) {
      throw new IllegalArgumentException("tetsuzuki.contract.outbox must be set");
    }
    if (interestBasis == null) {
      throw new IllegalArgumentException("tetsuzuki.contract.interest-basis must be set");
    }
  }

  public String inspectionGroup(String tenantId) {
    return tenantId + "-" + inspectionDepartment;
  }

  public String accountingGroup(String tenantId) {
    return tenantId + "-" + accountingDepartment;
  }

  public String treasuryGroup(String tenantId) {
    return tenantId + "-" + treasuryDepartment;
  }
}
