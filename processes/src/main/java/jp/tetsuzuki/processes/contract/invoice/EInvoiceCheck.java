package jp.tetsuzuki.processes.contract.invoice;

import java.util.List;
import java.util.Optional;
import jp.tetsuzuki.processes.contract.Contract;

/**
 * The one entry path for a JP PINT e-invoice, whatever brought it (API, e-invoice route): read it, find the contract
 * it names, validate it against that contract. What {@code POST /api/v1/invoices} answers
 * ({@code invoiceId, contractId, valid, problems}) comes from {@link Result}.
 */
public final class EInvoiceCheck {

  /**
   * Finds the contract an invoice names. The caller scopes it: only the tenant's contracts, and for a supplier's
   * system only that supplier's (an invoice naming someone else's contract is then simply not found).
   */
  @FunctionalInterface
  public interface ContractLookup {
    Optional<Contract> byId(String contractId);
  }

  private final JpPintInvoiceParser parser;
  private final InvoiceValidator validator;

  public EInvoiceCheck(JpPintInvoiceParser parser, InvoiceValidator validator) {
    if (parser == null || validator == null) {
      throw new IllegalArgumentException("parser and validator must not be null");
    }
    this.parser = parser;
    this.validator = validator;
  }

  /**
   * @throws InvoiceParseException        if the file is not a readable invoice (nothing to keep)
   * @throws RegistryUnavailableException if the registry cannot answer (retry; no verdict)
   */
  public Result check(byte[] xml, ContractLookup contracts) throws InvoiceParseException {
    if (contracts == null) {
      throw new IllegalArgumentException("contracts must not be null");
    }
    EInvoice invoice = parser.parse(xml);
    String field = "cac:ContractDocumentReference/cbc:ID";
    if (invoice.contractReference() == null) {
      return new Result(invoice, null, new InvoiceValidation(List.of(new InvoiceProblem(
          InvoiceProblem.Code.CONTRACT_REFERENCE_MISSING, "契約番号（ContractDocumentReference）が記載されていません。", field))));
    }
    Optional<Contract> contract = contracts.byId(invoice.contractReference());
    if (contract.isEmpty()) {
      return new Result(invoice, null, new InvoiceValidation(List.of(new InvoiceProblem(
          InvoiceProblem.Code.CONTRACT_NOT_FOUND, "請求書の契約番号「" + invoice.contractReference()
              + "」の契約が見つかりません。", field))));
    }
    return new Result(invoice, contract.get(), validator.validate(invoice, contract.get()));
  }

  /**
   * @param invoice    what the file says
   * @param contract   the contract it was checked against, or null when none was found
   * @param validation the problems (none: a proper invoice)
   */
  public record Result(EInvoice invoice, Contract contract, InvoiceValidation validation) {
    public boolean valid() {
      return contract != null && validation.valid();
    }
  }
}
