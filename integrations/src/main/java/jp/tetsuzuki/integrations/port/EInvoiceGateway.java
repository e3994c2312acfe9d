package jp.tetsuzuki.integrations.port;

import java.util.List;

/**
 * What the e-invoice intake route needs from the platform: hand a JP PINT (UBL 2.1) invoice that an access point
 * delivered to the invoice service of contract-payment, the one {@code POST /api/v1/invoices} uses (same parser, same
 * checks, same case), as the route's service identity. The platform reads the contract the invoice names
 * ({@code cac:ContractDocumentReference/cbc:ID}), finds its tenant among {@code tenants} (the tenants the route
 * serves; a contract of any other tenant is not found) and checks that the identity is a service identity member of
 * that tenant.
 */
public interface EInvoiceGateway {

  /**
   * Receives the invoice once per contract and invoice id: the same invoice again answers the first one with
   * {@code replayed} true and creates nothing.
   *
   * @throws Refused when the invoice is refused (unreadable, DOCTYPE, too large, no or unknown contract, the contract
   *     does not await an invoice, the invoice id used for another content); nothing is created
   */
  Result receive(String serviceUser, List<String> tenants, byte[] xml);

  /**
   * @param valid    the verdict of the validation, null while it waits for the registry (retried by the engine)
   * @param problems the problems' Japanese messages when invalid (the supplier gets the invoice back)
   */
  record Result(String tenantId, String contractId, String invoiceNumber, String invoiceId, Boolean valid,
      List<String> problems, boolean replayed) {
    public Result {
      problems = problems == null ? List.of() : List.copyOf(problems);
    }
  }

  /** A refused invoice: a code (the API's field or reason) and the Japanese reason. */
  class Refused extends RuntimeException {

    private final String code;

    public Refused(String code, String messageJa) {
      super(messageJa);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }
}
