package jp.tetsuzuki.processes.contract.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What invoice validation needs of a JP PINT UBL 2.1 invoice (shared/domain/contract-payment.md, "E-invoices"), as
 * {@link JpPintInvoiceParser} read it. Optional elements are null (or empty lists); nothing here has been validated
 * beyond its syntax: {@link InvoiceValidator} names what is missing or wrong.
 *
 * @param customizationId    {@code cbc:CustomizationID}
 * @param profileId          {@code cbc:ProfileID}
 * @param id                 {@code cbc:ID}, the invoice number
 * @param issueDate          {@code cbc:IssueDate}
 * @param typeCode           {@code cbc:InvoiceTypeCode} (380 for a commercial invoice)
 * @param currency           {@code cbc:DocumentCurrencyCode}
 * @param taxPointDate       {@code cbc:TaxPointDate}
 * @param deliveryDate       {@code cac:Delivery/cbc:ActualDeliveryDate}
 * @param invoicePeriod      {@code cac:InvoicePeriod}
 * @param contractReference  {@code cac:ContractDocumentReference/cbc:ID}
 * @param seller             {@code cac:AccountingSupplierParty/cac:Party}
 * @param buyer              {@code cac:AccountingCustomerParty/cac:Party}
 * @param lines              {@code cac:InvoiceLine}, in document order
 * @param allowanceCharges   document-level {@code cac:AllowanceCharge}
 * @param taxTotal           the {@code cac:TaxTotal} in the document currency, or null
 * @param totals             {@code cac:LegalMonetaryTotal}, or null
 */
public record EInvoice(String customizationId, String profileId, String id, LocalDate issueDate, String typeCode,
    String currency, LocalDate taxPointDate, LocalDate deliveryDate, Period invoicePeriod, String contractReference,
    Party seller, Party buyer, List<Line> lines, List<AllowanceCharge> allowanceCharges, TaxTotal taxTotal,
    MonetaryTotals totals) {

  public EInvoice {
    lines = List.copyOf(lines);
    allowanceCharges = List.copyOf(allowanceCharges);
  }

  /**
   * The transaction date (取引年月日) the registration must be valid on: the tax point date, else the actual delivery
   * date, else the end of the invoice period, else the latest end of a line period, else the issue date.
   */
  public LocalDate transactionDate() {
    if (taxPointDate != null) {
      return taxPointDate;
    }
    if (deliveryDate != null) {
      return deliveryDate;
    }
    if (invoicePeriod != null && invoicePeriod.end() != null) {
      return invoicePeriod.end();
    }
    return lines.stream().map(Line::period).filter(p -> p != null && p.end() != null).map(Period::end)
        .max(LocalDate::compareTo).orElse(issueDate);
  }

  /** An amount with its {@code currencyID} attribute (null when the attribute is missing). */
  public record Amount(BigDecimal value, String currency) {}

  /** {@code cac:InvoicePeriod}: either date may be missing. */
  public record Period(LocalDate start, LocalDate end) {}

  /** A JP PINT tax category ({@code S}, {@code AA}, {@code E}, {@code G}, {@code O}, …) and its rate in percent. */
  public record TaxCategory(String code, BigDecimal percent) {}

  /**
   * A party.
   *
   * @param registrationName   {@code cac:PartyLegalEntity/cbc:RegistrationName}
   * @param tradingName        {@code cac:PartyName/cbc:Name}
   * @param taxId              {@code cac:PartyTaxScheme/cbc:CompanyID} of the scheme {@code VAT} (the seller's
   *                           T-number)
   * @param taxIdSchemeId      the {@code schemeID} attribute of that CompanyID (JP PINT: none)
   * @param legalId            {@code cac:PartyLegalEntity/cbc:CompanyID}
   * @param legalIdSchemeId    its {@code schemeID} ({@code 0188} for a 法人番号)
   * @param endpointId         {@code cbc:EndpointID}
   * @param endpointSchemeId   its {@code schemeID}
   */
  public record Party(String registrationName, String tradingName, String taxId, String taxIdSchemeId,
      String legalId, String legalIdSchemeId, String endpointId, String endpointSchemeId) {

    /** The registration name, else the trading name, else null. */
    public String name() {
      return registrationName != null ? registrationName : tradingName;
    }

    /** The 法人番号: the legal id or the endpoint id of scheme 0188, else null. */
    public String corporateNumber() {
      if (legalId != null && "0188".equals(legalIdSchemeId)) {
        return legalId;
      }
      return endpointId != null && "0188".equals(endpointSchemeId) ? endpointId : null;
    }
  }

  /**
   * {@code cac:InvoiceLine}.
   *
   * @param id             {@code cbc:ID}
   * @param name           {@code cac:Item/cbc:Name}
   * @param lineExtension  {@code cbc:LineExtensionAmount}
   * @param category       {@code cac:Item/cac:ClassifiedTaxCategory}, or null
   * @param period         {@code cac:InvoicePeriod}, or null
   */
  public record Line(String id, String name, Amount lineExtension, TaxCategory category, Period period) {}

  /** A document-level allowance ({@code charge} false) or charge, with its tax category. */
  public record AllowanceCharge(boolean charge, Amount amount, TaxCategory category, String reason) {}

  /** {@code cac:TaxTotal}: the total tax and one subtotal per category and rate. */
  public record TaxTotal(Amount taxAmount, List<TaxSubtotal> subtotals) {
    public TaxTotal {
      subtotals = List.copyOf(subtotals);
    }
  }

  /** {@code cac:TaxSubtotal}. */
  public record TaxSubtotal(Amount taxable, Amount tax, TaxCategory category) {}

  /** {@code cac:LegalMonetaryTotal}; the optional amounts are null when absent. */
  public record MonetaryTotals(Amount lineExtension, Amount taxExclusive, Amount taxInclusive,
      Amount allowanceTotal, Amount chargeTotal, Amount prepaid, Amount payableRounding, Amount payable) {}
}
