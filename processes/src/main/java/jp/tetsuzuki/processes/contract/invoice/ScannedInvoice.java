package jp.tetsuzuki.processes.contract.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A paper (PDF or image) qualified invoice as staff confirmed it against the scan: the fields a 適格請求書 must carry
 * (消費税法57条の4; shared/domain/contract-payment.md, "Qualified invoice"), read by OCR and verified. It is checked
 * by the same {@link InvoiceValidator} as an e-invoice: {@link #asEInvoice(String)} states the paper's content in the
 * JP PINT shape (one summary line and one tax subtotal per rate, as the paper's 税率ごとの合計 lists them; the
 * transaction date as the invoice period), so every rule — T-number and registry, issuer, taxable per rate against
 * the contract, tax rounded once per rate, totals — is the one rule. Amounts are whole yen; null = not on the invoice.
 *
 * @param invoiceNumber      請求書番号 (optional)
 * @param registrationNumber 登録番号 (T + 13 digits)
 * @param issuerName         発行者
 * @param issueDate          請求日
 * @param transactionDate    取引年月日 (or the last day of the period invoiced)
 * @param recipientName      宛名
 * @param subtotal10         10 % 対象 (without tax)
 * @param tax10              10 % の消費税額
 * @param subtotal8          8 % 対象 (軽減税率, without tax)
 * @param tax8               8 % の消費税額
 * @param subtotal0          非課税・不課税 (0 %)
 * @param total              請求金額 (with tax)
 */
public record ScannedInvoice(String invoiceNumber, String registrationNumber, String issuerName, LocalDate issueDate,
    LocalDate transactionDate, String recipientName, Long subtotal10, Long tax10, Long subtotal8, Long tax8,
    Long subtotal0, Long total) {

  /** The JP PINT identifiers the validator expects of any invoice it accepts. */
  static final String CUSTOMIZATION_ID = "urn:peppol:pint:billing-1@jp-1";
  static final String PROFILE_ID = "urn:peppol:bis:billing";

  /** The paper's content for {@link InvoiceValidator}, naming {@code contractId} (the supplier named it on upload). */
  public EInvoice asEInvoice(String contractId) {
    List<EInvoice.Line> lines = new ArrayList<>();
    List<EInvoice.TaxSubtotal> subtotals = new ArrayList<>();
    long taxSum = 0;
    long taxable = 0;
    boolean anyTax = false;
    if (subtotal10 != null || tax10 != null) {
      lines.add(line("1", "10%対象", subtotal10, "S", 10));
      subtotals.add(subtotal(subtotal10, tax10, "S", 10));
    }
    if (subtotal8 != null || tax8 != null) {
      lines.add(line(String.valueOf(lines.size() + 1), "8%対象（軽減税率）", subtotal8, "AA", 8));
      subtotals.add(subtotal(subtotal8, tax8, "AA", 8));
    }
    if (subtotal0 != null && subtotal0 > 0) {
      lines.add(line(String.valueOf(lines.size() + 1), "非課税・不課税", subtotal0, "E", 0));
      subtotals.add(subtotal(subtotal0, 0L, "E", 0));
    }
    for (Long amount : new Long[] {subtotal10, subtotal8, subtotal0}) {
      taxable += amount == null ? 0 : amount;
    }
    for (Long tax : new Long[] {tax10, tax8}) {
      if (tax != null) {
        taxSum += tax;
        anyTax = true;
      }
    }
    EInvoice.TaxTotal taxTotal = subtotals.isEmpty() ? null
        : new EInvoice.TaxTotal(yen(anyTax ? taxSum : null), subtotals);
    EInvoice.MonetaryTotals totals = new EInvoice.MonetaryTotals(yen(taxable), yen(taxable), yen(total), null, null,
        null, null, yen(total));
    EInvoice.Period period = transactionDate == null ? null : new EInvoice.Period(transactionDate, transactionDate);
    EInvoice.Party seller = new EInvoice.Party(issuerName, null, registrationNumber, null, null, null, null, null);
    EInvoice.Party buyer = new EInvoice.Party(recipientName, null, null, null, null, null, null, null);
    return new EInvoice(CUSTOMIZATION_ID, PROFILE_ID, invoiceNumber, issueDate, "380", "JPY", transactionDate, null,
        period, contractId, seller, buyer, lines, List.of(), taxTotal, totals);
  }

  private static EInvoice.Line line(String id, String name, Long amount, String category, int percent) {
    return new EInvoice.Line(id, name, yen(amount), new EInvoice.TaxCategory(category, BigDecimal.valueOf(percent)),
        null);
  }

  private static EInvoice.TaxSubtotal subtotal(Long taxable, Long tax, String category, int percent) {
    return new EInvoice.TaxSubtotal(yen(taxable), yen(tax), new EInvoice.TaxCategory(category,
        BigDecimal.valueOf(percent)));
  }

  private static EInvoice.Amount yen(Long value) {
    return value == null ? null : new EInvoice.Amount(BigDecimal.valueOf(value), "JPY");
  }
}
