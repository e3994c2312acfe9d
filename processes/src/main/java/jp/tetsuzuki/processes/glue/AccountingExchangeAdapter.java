package jp.tetsuzuki.processes.glue;

import java.util.Optional;
import jp.tetsuzuki.integrations.port.AccountingExchangeGateway;
import jp.tetsuzuki.processes.contract.accounting.AcknowledgementFormatException;
import jp.tetsuzuki.processes.contract.accounting.AcknowledgementService;
import jp.tetsuzuki.processes.contractpayment.ContractCases;
import jp.tetsuzuki.processes.contractpayment.PaymentExportQueue;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * The in-JVM side of the accounting port: batches from the export queue of contract-payment, acknowledgement files to
 * its acknowledgement service ({@link ContractCases#acknowledgeFile}, the same one the model tests use), each only for
 * a service identity that serves the tenant.
 */
@Component
class AccountingExchangeAdapter implements AccountingExchangeGateway {

  private final PaymentExportQueue queue;
  private final ContractCases cases;
  private final IdentityService identity;

  AccountingExchangeAdapter(PaymentExportQueue queue, ContractCases cases, IdentityService identity) {
    this.queue = queue;
    this.cases = cases;
    this.identity = identity;
  }

  @Override
  public Optional<PaymentFile> claimBatch(String serviceUser, String tenantId, BatchRule rule, String node) {
    check(serviceUser, tenantId);
    return queue.claim(tenantId, rule.maxPayments(), rule.collectFor(), rule.lease(), node)
        .map(c -> new PaymentFile(tenantId, c.batch().batchId(), c.fileName(), c.content(), c.batch().payments().size(),
            c.again()));
  }

  @Override
  public void written(String serviceUser, String tenantId, String batchId) {
    check(serviceUser, tenantId);
    queue.written(tenantId, batchId);
  }

  @Override
  public AckResult acknowledge(String serviceUser, String tenantId, byte[] file) {
    String refusal = ServiceIdentityCheck.refusal(identity, serviceUser, tenantId);
    if (refusal != null) {
      throw new Refused(0, null, refusal);
    }
    AcknowledgementService.Result result;
    try {
      result = cases.acknowledgeFile(tenantId, file);
    } catch (AcknowledgementFormatException e) {
      throw new Refused(e.line(), e.field(), e.messageJa());
    }
    return new AckResult(result.acknowledgementId(),
        result.paid().stream().map(AcknowledgementService.Settled::paymentId).toList(),
        result.failed().stream().map(AcknowledgementService.Settled::paymentId).toList(), result.alreadyApplied(),
        result.problems().stream().map(p -> new Problem(p.line(), p.paymentId(), p.code(), p.messageJa())).toList());
  }

  private void check(String serviceUser, String tenantId) {
    String refusal = ServiceIdentityCheck.refusal(identity, serviceUser, tenantId);
    if (refusal != null) {
      throw new IllegalArgumentException(refusal);
    }
  }
}
