package jp.tetsuzuki.processes.glue;

import jp.tetsuzuki.integrations.port.EInvoiceGateway;
import jp.tetsuzuki.processes.api.ApiException;
import jp.tetsuzuki.processes.contract.invoice.EInvoice;
import jp.tetsuzuki.processes.contract.invoice.InvoiceParseException;
import jp.tetsuzuki.processes.contract.invoice.JpPintInvoiceParser;
import jp.tetsuzuki.processes.contractpayment.ContractCaseStore;
import jp.tetsuzuki.processes.contractpayment.ContractCases;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * The in-JVM side of the e-invoice port: the delivered file goes to {@link ContractCases#acceptInvoice}, the invoice
 * service of {@code POST /api/v1/invoices} (same parser, checks, store and case; the verdict comes from the job), as
 * the route's service identity acting for the tenant whose inbox the file was delivered into (the identity must be a
 * service identity member of it). The contract the invoice names is looked for in that tenant only: the same id in
 * another tenant is another municipality's contract and is not found (contract ids are unique per tenant, V77; a
 * delivery into one municipality's inbox never reaches another's case). The idempotency key is the contract and the
 * invoice's own id ({@code cbc:ID}): the same invoice again answers the first one and creates nothing; the same id
 * with another content is refused.
 */
@Component
class EInvoiceIntakeAdapter implements EInvoiceGateway {

  private final ContractCases cases;
  private final ContractCaseStore store;
  private final IdentityService identity;
  private final JpPintInvoiceParser parser = new JpPintInvoiceParser();

  EInvoiceIntakeAdapter(ContractCases cases, ContractCaseStore store, IdentityService identity) {
    this.cases = cases;
    this.store = store;
    this.identity = identity;
  }

  @Override
  public Result receive(String serviceUser, String tenantId, byte[] xml) {
    EInvoice invoice;
    try {
      invoice = parser.parse(xml);
    } catch (InvoiceParseException e) {
      throw new Refused("INVOICE_UNREADABLE", e.messageJa());
    }
    String contractId = invoice.contractReference();
    if (contractId == null || contractId.isBlank()) {
      throw new Refused("cac:ContractDocumentReference/cbc:ID", "契約番号（ContractDocumentReference）が記載されていません。");
    }
    String refusal = ServiceIdentityCheck.refusal(identity, serviceUser, tenantId);
    if (refusal != null) {
      throw new Refused("SERVICE_IDENTITY", refusal);
    }
    // contract ids are unique per tenant only: the contract must be one of the inbox's tenant
    if (!store.exists(tenantId, contractId)) {
      throw new Refused("CONTRACT_NOT_FOUND", "請求書の契約番号「" + contractId + "」の契約が見つかりません（受信フォルダーの自治体「"
          + tenantId + "」の契約ではありません）。");
    }
    if (invoice.id() == null || invoice.id().isBlank()) {
      throw new Refused("cbc:ID", "請求書番号（cbc:ID）が記載されていません。");
    }
    String key = "einvoice:" + ContractCasesKeys.sha256(contractId + "\n" + invoice.id());
    ContractCases.InvoiceAnswer answer;
    try {
      answer = cases.acceptInvoice(new ContractCases.Caller(tenantId, serviceUser, null), key, xml);
    } catch (ApiException refused) {
      if (refused.status() == 409 && refused.japanese() == null) {
        throw new Refused("INVOICE_ID_REUSED", "請求書番号「" + invoice.id() + "」は別の内容の請求書で既に受け付けています。"
            + "訂正した請求書は新しい請求書番号で送ってください。");
      }
      throw new Refused(refused.field() == null ? "REFUSED" : refused.field(),
          refused.japanese() != null ? refused.japanese() : refused.getMessage());
    }
    return new Result(tenantId, answer.contractId(), invoice.id(), answer.invoiceId(), answer.valid(),
        answer.problems().stream().map(p -> p.getOrDefault("message", "") + "（" + p.getOrDefault("code", "") + "）")
            .toList(), answer.replayed());
  }

  /** Hashing kept here: the key column holds 128 characters, a contract and invoice id may be longer. */
  static final class ContractCasesKeys {
    static String sha256(String text) {
      try {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
