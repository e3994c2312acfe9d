package jp.tetsuzuki.integrations.port;

import java.util.List;

/**
 * What the e-invoice intake route needs from the platform: hand a JP PINT (UBL 2.1) invoice that an access point
 * delivered to the invoice service of contract-payment, the one {@code POST /api/v1/invoices} uses (same parser, same
 * checks, same case), as the route's service identity, for the one tenant whose inbox the file was delivered into.
 * The platform checks that the identity is a service identity member of that tenant and looks for the contract the
 * invoice names ({@code cac:ContractDocumentReference/cbc:ID}) in that tenant only: a contract id of another tenant
 * (ids are unique per tenant) is not found, whatever other tenants the route serves.
 */
public interface EInvoiceGateway {

  /**
   * Receives the invoice once per contract and invoice id: the same invoice again answers the first one with
   * {@code replayed} true and creates nothing.
   *
   * @param tenantId the tenant of the inbox the invoice was delivered into: the only tenant its contract is looked
   *     for in
   * @throws Refused when the invoice is refused (unreadable, DOCTYPE, too large, no contract or none of that tenant,
   *     the contract does not await an invoice, the invoice id used for another content); nothing is created
   */
  Result receive(String serviceUser, String tenantId, byte[] xml);

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
