package jp.tetsuzuki.processes.contract.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jp.tetsuzuki.bpmn.rules.CheckDigits;
import jp.tetsuzuki.processes.contract.Contract;
import jp.tetsuzuki.processes.contract.TaxRate;
import jp.tetsuzuki.processes.contract.invoice.EInvoice.AllowanceCharge;
import jp.tetsuzuki.processes.contract.invoice.EInvoice.Amount;
import jp.tetsuzuki.processes.contract.invoice.EInvoice.Line;
import jp.tetsuzuki.processes.contract.invoice.EInvoice.MonetaryTotals;
import jp.tetsuzuki.processes.contract.invoice.EInvoice.Party;
import jp.tetsuzuki.processes.contract.invoice.EInvoice.TaxCategory;
import jp.tetsuzuki.processes.contract.invoice.EInvoice.TaxSubtotal;
import jp.tetsuzuki.processes.contract.invoice.InvoiceProblem.Code;
import jp.tetsuzuki.processes.identifier.IdentifierType;
import jp.tetsuzuki.processes.identifier.IdentifierValidation;
import jp.tetsuzuki.processes.identifier.IdentifierValidator;

/**
 * Checks a qualified e-invoice against its contract (shared/domain/contract-payment.md, "Qualified invoice" and
 * "E-invoices"): the document (specification, type 380, JPY in whole yen, invoice period, recipient), the seller's
 * registration number (format {@code ^T[0-9]{13}$} without schemeID, check digit as {@link CheckDigits}, not the
 * specification's dummy, registered and valid on the transaction date), the issuer against the contract's supplier
 * (name, registration number, corporate number), the contract reference, tax per category and rate (categories and
 * rates, one subtotal each, taxable = lines + charges − allowances, tax = taxable × rate rounded once as the contract
 * says), the document totals, and the taxable amounts per rate against the contract's items.
 *
 * <p>Every problem found is reported, not only the first. The registry is asked only about a number that passed the
 * format and check-digit tests; when it cannot answer, {@link RegistryUnavailableException} propagates and no result
 * is returned (retry, never a wrong "valid").
 */
public final class InvoiceValidator {

  /** CustomizationIDs accepted: JP PINT, and the older Japanese BIS files. */
  public static final Set<String> CUSTOMIZATION_IDS = Set.of("urn:peppol:pint:billing-1@jp-1",
      "urn:fdc:peppol:jp:billing:3.0");
  /** ProfileIDs accepted. */
  public static final Set<String> PROFILE_IDS = Set.of("urn:peppol:bis:billing", "urn:fdc:peppol:jp:billing:3.0");
  /**
   * The specification's dummy numbers (its examples' seller, buyer and tax representative): none passes the check
   * digit, and a file carrying one is a sample, not an invoice.
   */
  public static final Set<String> DUMMY_REGISTRATION_NUMBERS = Set.of("T1234567890123", "T3210987654321",
      "T7654321098765");

  private static final Pattern REGISTRATION_NUMBER = Pattern.compile("T[0-9]{13}");
  private static final String SELLER = "cac:AccountingSupplierParty/cac:Party";
  private static final String SELLER_TAX_ID = SELLER + "/cac:PartyTaxScheme/cbc:CompanyID";
  private static final String TAX_TOTAL = "cac:TaxTotal";
  private static final String TOTALS = "cac:LegalMonetaryTotal";
  private static final String JPY = "JPY";

  /** Valid JP PINT category codes and the rate each must carry. */
  private static final Map<String, TaxRate> CATEGORY_RATES = Map.of("S", TaxRate.STANDARD, "AA", TaxRate.REDUCED,
      "E", TaxRate.ZERO, "G", TaxRate.ZERO, "O", TaxRate.ZERO);

  private final InvoiceRegistry registry;

  public InvoiceValidator(InvoiceRegistry registry) {
    if (registry == null) {
      throw new IllegalArgumentException("registry must not be null");
    }
    this.registry = registry;
  }

  /**
   * @throws RegistryUnavailableException if the registry cannot tell whether the seller's number is registered
   */
  public InvoiceValidation validate(EInvoice invoice, Contract contract) {
    if (invoice == null || contract == null) {
      throw new IllegalArgumentException("invoice and contract must not be null");
    }
    Check check = new Check(invoice, contract);
    check.document();
    check.registration();
    check.issuer();
    check.tax();
    check.totals();
    check.againstContract();
    return new InvoiceValidation(check.problems);
  }

  private final class Check {
    private final EInvoice invoice;
    private final Contract contract;
    private final List<InvoiceProblem> problems = new ArrayList<>();

    Check(EInvoice invoice, Contract contract) {
      this.invoice = invoice;
      this.contract = contract;
    }

    void document() {
      if (invoice.customizationId() == null || !CUSTOMIZATION_IDS.contains(invoice.customizationId())
          || (invoice.profileId() != null && !PROFILE_IDS.contains(invoice.profileId()))) {
        add(Code.SPECIFICATION_UNSUPPORTED, "JP PINT（urn:peppol:pint:billing-1@jp-1）の請求書ではありません。",
            "cbc:CustomizationID");
      }
      if (!"380".equals(invoice.typeCode())) {
        add(Code.INVOICE_TYPE_UNSUPPORTED, "請求書の種類コード（InvoiceTypeCode）が 380（請求書）ではありません。",
            "cbc:InvoiceTypeCode");
      }
      if (!JPY.equals(invoice.currency())) {
        add(Code.CURRENCY_NOT_JPY, "請求書の通貨が日本円（JPY）ではありません。", "cbc:DocumentCurrencyCode");
      }
      boolean linesHavePeriods = !invoice.lines().isEmpty()
          && invoice.lines().stream().allMatch(l -> l.period() != null
              && (l.period().start() != null || l.period().end() != null));
      boolean invoicePeriod = invoice.invoicePeriod() != null
          && (invoice.invoicePeriod().start() != null || invoice.invoicePeriod().end() != null);
      if (!invoicePeriod && !linesHavePeriods) {
        add(Code.INVOICE_PERIOD_MISSING, "請求期間（InvoicePeriod）が記載されていません（請求書全体または各明細に必要です）。",
            "cac:InvoicePeriod");
      }
      for (int i = 0; i < invoice.lines().size(); i++) {
        if (invoice.lines().get(i).name() == null) {
          add(Code.LINE_DESCRIPTION_MISSING, "明細 " + (i + 1) + " に品目（取引の内容）が記載されていません。",
              "cac:InvoiceLine[" + (i + 1) + "]/cac:Item/cbc:Name");
        }
      }
      if (invoice.buyer() == null || invoice.buyer().name() == null) {
        add(Code.BUYER_NAME_MISSING, "請求書に宛先（書類の交付を受ける事業者）の名称がありません。",
            "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName");
      }
    }

    void registration() {
      Party seller = invoice.seller();
      String number = seller == null ? null : seller.taxId();
      if (number == null) {
        add(Code.REGISTRATION_NUMBER_MISSING, "売り手の登録番号（T＋13桁）が記載されていません。", SELLER_TAX_ID);
        return;
      }
      if (seller.taxIdSchemeId() != null) {
        add(Code.REGISTRATION_NUMBER_SCHEME, "登録番号の CompanyID に schemeID を付けることはできません。", SELLER_TAX_ID);
      }
      if (!REGISTRATION_NUMBER.matcher(number).matches()) {
        add(Code.REGISTRATION_NUMBER_FORMAT, "登録番号の形式が正しくありません（T に続けて半角数字13桁）。", SELLER_TAX_ID);
        return;
      }
      boolean checkDigit = CheckDigits.isCorporateNumber(number.substring(1));
      if (!checkDigit) {
        add(Code.REGISTRATION_NUMBER_CHECK_DIGIT, "登録番号のチェックディジット（先頭の数字）が正しくありません。",
            SELLER_TAX_ID);
      }
      if (DUMMY_REGISTRATION_NUMBERS.contains(number)) {
        add(Code.REGISTRATION_NUMBER_DUMMY, "登録番号 " + number + " は仕様書の記載例のダミー番号です。実際の登録番号を記載してください。",
            SELLER_TAX_ID);
      }
      if (!checkDigit) {
        return;
      }
      LocalDate date = invoice.transactionDate();
      InvoiceRegistry.Answer answer = registry.lookUp(number);
      if (answer instanceof InvoiceRegistry.NotRegistered) {
        add(Code.REGISTRATION_NOT_FOUND, "登録番号 " + number + " は適格請求書発行事業者として登録されていません。",
            SELLER_TAX_ID);
      } else if (answer instanceof InvoiceRegistry.Registration r && !r.validOn(date)) {
        if (date.isBefore(r.registeredOn())) {
          add(Code.REGISTRATION_NOT_YET_VALID, "取引日 " + date + " は登録日 " + r.registeredOn() + " より前です。",
              SELLER_TAX_ID);
        } else if (r.revokedOn() != null && !date.isBefore(r.revokedOn())) {
          add(Code.REGISTRATION_REVOKED, "登録番号 " + number + " の登録は " + r.revokedOn() + " に取り消されています（取引日 "
              + date + "）。", SELLER_TAX_ID);
        } else {
          add(Code.REGISTRATION_EXPIRED, "登録番号 " + number + " の登録は " + r.expiredOn() + " に失効しています（取引日 "
              + date + "）。", SELLER_TAX_ID);
        }
      }
    }

    void issuer() {
      Party seller = invoice.seller();
      String supplierName = contract.supplier().name();
      if (seller == null || seller.name() == null) {
        add(Code.SELLER_NAME_MISSING, "売り手（請求書の発行者）の名称がありません。",
            SELLER + "/cac:PartyLegalEntity/cbc:RegistrationName");
      } else if (!SupplierNames.same(seller.registrationName(), supplierName)
          && !SupplierNames.same(seller.tradingName(), supplierName)) {
        add(Code.ISSUER_NAME_MISMATCH, "請求書の発行者「" + seller.name() + "」が契約の相手方「" + supplierName + "」と一致しません。",
            SELLER + "/cac:PartyLegalEntity/cbc:RegistrationName");
      }
      String invoiceNumber = seller == null ? null : seller.taxId();
      String contractNumber = normalized(IdentifierType.INVOICE_REGISTRATION_NUMBER,
          contract.supplier().registrationNumber());
      if (invoiceNumber != null && !invoiceNumber.equals(contractNumber)) {
        add(Code.ISSUER_REGISTRATION_NUMBER_MISMATCH, contractNumber == null
            ? "契約の相手方に有効な登録番号が登録されていません。" : "請求書の登録番号が契約の相手方の登録番号と一致しません。", SELLER_TAX_ID);
      }
      String invoiceCorporate = seller == null ? null : seller.corporateNumber();
      String contractCorporate = normalized(IdentifierType.CORPORATE_NUMBER, contract.supplier().corporateNumber());
      if (invoiceCorporate != null && contractCorporate != null && !invoiceCorporate.equals(contractCorporate)) {
        add(Code.ISSUER_CORPORATE_NUMBER_MISMATCH, "請求書の法人番号が契約の相手方の法人番号と一致しません。",
            SELLER + "/cac:PartyLegalEntity/cbc:CompanyID");
      }
      if (invoice.contractReference() == null) {
        add(Code.CONTRACT_REFERENCE_MISSING, "契約番号（ContractDocumentReference）が記載されていません。",
            "cac:ContractDocumentReference/cbc:ID");
      } else if (!invoice.contractReference().equals(contract.id())) {
        add(Code.CONTRACT_REFERENCE_MISMATCH, "請求書の契約番号「" + invoice.contractReference() + "」がこの契約（" + contract.id()
            + "）と一致しません。", "cac:ContractDocumentReference/cbc:ID");
      }
    }

    void tax() {
      Map<TaxCategory, BigDecimal> expectedTaxable = new LinkedHashMap<>();
      List<Line> lines = invoice.lines();
      for (int i = 0; i < lines.size(); i++) {
        String path = "cac:InvoiceLine[" + (i + 1) + "]";
        TaxCategory category = checkedCategory(lines.get(i).category(), path + "/cac:Item/cac:ClassifiedTaxCategory");
        BigDecimal amount = yen(lines.get(i).lineExtension(), path + "/cbc:LineExtensionAmount");
        if (category != null && amount != null) {
          expectedTaxable.merge(category, amount, BigDecimal::add);
        }
      }
      List<AllowanceCharge> acs = invoice.allowanceCharges();
      for (int i = 0; i < acs.size(); i++) {
        String path = "cac:AllowanceCharge[" + (i + 1) + "]";
        TaxCategory category = checkedCategory(acs.get(i).category(), path + "/cac:TaxCategory");
        BigDecimal amount = yen(acs.get(i).amount(), path + "/cbc:Amount");
        if (category != null && amount != null) {
          expectedTaxable.merge(category, acs.get(i).charge() ? amount : amount.negate(), BigDecimal::add);
        }
      }
      if (invoice.taxTotal() == null) {
        add(Code.TAX_TOTAL_MISSING, "税率ごとの消費税額（TaxTotal）が記載されていません。", TAX_TOTAL);
        return;
      }
      Map<TaxCategory, TaxSubtotal> subtotals = new LinkedHashMap<>();
      BigDecimal taxSum = BigDecimal.ZERO;
      List<TaxSubtotal> list = invoice.taxTotal().subtotals();
      for (int i = 0; i < list.size(); i++) {
        String path = TAX_TOTAL + "/cac:TaxSubtotal[" + (i + 1) + "]";
        TaxSubtotal sub = list.get(i);
        TaxCategory category = checkedCategory(sub.category(), path + "/cac:TaxCategory");
        BigDecimal taxable = yen(sub.taxable(), path + "/cbc:TaxableAmount");
        BigDecimal tax = yen(sub.tax(), path + "/cbc:TaxAmount");
        if (tax != null) {
          taxSum = taxSum.add(tax);
        }
        if (category == null) {
          continue;
        }
        if (subtotals.putIfAbsent(category, sub) != null) {
          add(Code.TAX_SUBTOTAL_DUPLICATE, "税区分 " + label(category) + " の内訳が二つ以上あります（税率ごとに一つ）。",
              path);
          continue;
        }
        BigDecimal expected = expectedTaxable.getOrDefault(category, BigDecimal.ZERO);
        if (taxable != null && taxable.compareTo(expected) != 0) {
          add(Code.TAXABLE_AMOUNT_INCONSISTENT, "税区分 " + label(category) + " の課税対象額 " + plain(taxable)
              + " 円が明細と値引・請求の合計 " + plain(expected) + " 円と一致しません。", path + "/cbc:TaxableAmount");
        }
        if (taxable != null && tax != null && isWhole(taxable) && isWhole(tax)
            && !contract.taxRounding().accepts(taxable.longValueExact(), category.percent().intValueExact(),
                tax.longValueExact())) {
          add(Code.TAX_AMOUNT_ROUNDING, "税区分 " + label(category) + " の消費税額 " + plain(tax) + " 円が課税対象額 × 税率（"
              + plain(BigDecimal.valueOf(contract.taxRounding().expected(taxable.longValueExact(),
                  category.percent().intValueExact()))) + " 円、端数処理は税率ごとに一回）と一致しません。",
              path + "/cbc:TaxAmount");
        }
      }
      for (TaxCategory category : expectedTaxable.keySet()) {
        if (!subtotals.containsKey(category)) {
          add(Code.TAX_SUBTOTAL_MISSING, "税区分 " + label(category) + " の明細がありますが、その税率の消費税額の内訳がありません。",
              TAX_TOTAL + "/cac:TaxSubtotal");
        }
      }
      BigDecimal total = yen(invoice.taxTotal().taxAmount(), TAX_TOTAL + "/cbc:TaxAmount");
      if (total != null && total.compareTo(taxSum) != 0) {
        add(Code.TAX_TOTAL_INCONSISTENT, "消費税額の合計 " + plain(total) + " 円が税率ごとの消費税額の和 " + plain(taxSum)
            + " 円と一致しません。", TAX_TOTAL + "/cbc:TaxAmount");
      }
    }

    void totals() {
      MonetaryTotals totals = invoice.totals();
      if (totals == null) {
        add(Code.TOTALS_MISSING, "請求金額の合計（LegalMonetaryTotal）が記載されていません。", TOTALS);
        return;
      }
      BigDecimal lineSum = BigDecimal.ZERO;
      for (int i = 0; i < invoice.lines().size(); i++) {
        BigDecimal amount = value(invoice.lines().get(i).lineExtension());
        lineSum = lineSum.add(amount == null ? BigDecimal.ZERO : amount);
      }
      BigDecimal allowances = BigDecimal.ZERO;
      BigDecimal charges = BigDecimal.ZERO;
      for (AllowanceCharge ac : invoice.allowanceCharges()) {
        BigDecimal amount = value(ac.amount());
        if (amount != null) {
          if (ac.charge()) {
            charges = charges.add(amount);
          } else {
            allowances = allowances.add(amount);
          }
        }
      }
      BigDecimal lineExtension = yen(totals.lineExtension(), TOTALS + "/cbc:LineExtensionAmount");
      BigDecimal taxExclusive = yen(totals.taxExclusive(), TOTALS + "/cbc:TaxExclusiveAmount");
      BigDecimal taxInclusive = yen(totals.taxInclusive(), TOTALS + "/cbc:TaxInclusiveAmount");
      BigDecimal payable = yen(totals.payable(), TOTALS + "/cbc:PayableAmount");
      BigDecimal prepaid = optionalYen(totals.prepaid(), TOTALS + "/cbc:PrepaidAmount");
      BigDecimal rounding = optionalYen(totals.payableRounding(), TOTALS + "/cbc:PayableRoundingAmount");
      optionalYen(totals.allowanceTotal(), TOTALS + "/cbc:AllowanceTotalAmount");
      optionalYen(totals.chargeTotal(), TOTALS + "/cbc:ChargeTotalAmount");
      BigDecimal tax = invoice.taxTotal() == null ? null : value(invoice.taxTotal().taxAmount());
      if (lineExtension != null && lineExtension.compareTo(lineSum) != 0) {
        add(Code.LINE_EXTENSION_TOTAL_INCONSISTENT, "明細金額の合計 " + plain(lineExtension) + " 円が各明細の和 "
            + plain(lineSum) + " 円と一致しません。", TOTALS + "/cbc:LineExtensionAmount");
      }
      if (lineExtension != null && taxExclusive != null
          && taxExclusive.compareTo(lineExtension.subtract(allowances).add(charges)) != 0) {
        add(Code.TAX_EXCLUSIVE_TOTAL_INCONSISTENT, "税抜合計 " + plain(taxExclusive) + " 円が明細合計 − 値引 ＋ 請求（"
            + plain(lineExtension.subtract(allowances).add(charges)) + " 円）と一致しません。",
            TOTALS + "/cbc:TaxExclusiveAmount");
      }
      if (taxExclusive != null && taxInclusive != null && tax != null
          && taxInclusive.compareTo(taxExclusive.add(tax)) != 0) {
        add(Code.TAX_INCLUSIVE_TOTAL_INCONSISTENT, "税込合計 " + plain(taxInclusive) + " 円が税抜合計 ＋ 消費税額（"
            + plain(taxExclusive.add(tax)) + " 円）と一致しません。", TOTALS + "/cbc:TaxInclusiveAmount");
      }
      // JP PINT IBT-113/114 in JPY: a prepaid amount is 0..the tax-inclusive total (never negative: it would raise
      // the amount due), and JPY has no sub-unit to round to, so the rounding amount is 0 (F0 of the review)
      if (prepaid != null && (prepaid.signum() < 0 || (taxInclusive != null && prepaid.compareTo(taxInclusive) > 0))) {
        add(Code.PREPAID_AMOUNT_INVALID, "前払額 " + plain(prepaid) + " 円は 0 円以上、税込合計以下でなければなりません。",
            TOTALS + "/cbc:PrepaidAmount");
      }
      if (rounding != null && rounding.signum() != 0) {
        add(Code.PAYABLE_ROUNDING_INVALID, "端数調整額 " + plain(rounding) + " 円は使えません（日本円には円未満の単位がないため 0 円）。",
            TOTALS + "/cbc:PayableRoundingAmount");
      }
      if (payable != null && payable.compareTo(BigDecimal.valueOf(contract.maxTaxInclusive())) > 0) {
        add(Code.PAYABLE_EXCEEDS_CONTRACT, "請求金額 " + plain(payable) + " 円が契約金額（税込）"
            + contract.maxTaxInclusive() + " 円を超えています。", TOTALS + "/cbc:PayableAmount");
      }
      if (taxInclusive != null && payable != null
          && payable.compareTo(taxInclusive.subtract(prepaid).add(rounding)) != 0) {
        add(Code.PAYABLE_TOTAL_INCONSISTENT, "請求金額 " + plain(payable) + " 円が税込合計 − 前払額 ＋ 端数調整（"
            + plain(taxInclusive.subtract(prepaid).add(rounding)) + " 円）と一致しません。", TOTALS + "/cbc:PayableAmount");
      }
    }

    void againstContract() {
      Map<TaxRate, BigDecimal> invoiced = new EnumMap<>(TaxRate.class);
      if (invoice.taxTotal() != null) {
        for (TaxSubtotal sub : invoice.taxTotal().subtotals()) {
          TaxRate rate = rateOf(sub.category());
          BigDecimal taxable = value(sub.taxable());
          if (rate != null && taxable != null) {
            invoiced.merge(rate, taxable, BigDecimal::add);
          }
        }
      }
      Map<TaxRate, Long> contracted = contract.amountsByRate();
      for (TaxRate rate : TaxRate.values()) {
        BigDecimal invoicedAmount = invoiced.getOrDefault(rate, BigDecimal.ZERO);
        BigDecimal contractAmount = BigDecimal.valueOf(contracted.getOrDefault(rate, 0L));
        if (invoicedAmount.compareTo(contractAmount) != 0) {
          add(Code.CONTRACT_AMOUNT_MISMATCH, "税率 " + rate.percent() + "% の課税対象額 " + plain(invoicedAmount)
              + " 円が契約金額（税抜）" + plain(contractAmount) + " 円と一致しません。",
              TAX_TOTAL + "/cac:TaxSubtotal[rate=" + rate.percent() + "]/cbc:TaxableAmount");
        }
      }
    }

    /** The category if it is a valid JP PINT code with its rate; otherwise reports and returns null. */
    private TaxCategory checkedCategory(TaxCategory category, String path) {
      if (category == null || category.code() == null || category.percent() == null) {
        add(Code.TAX_CATEGORY_MISSING, "税区分と税率が記載されていません。", path);
        return null;
      }
      if (rateOf(category) == null) {
        add(Code.TAX_CATEGORY_RATE_INVALID, "税区分 " + category.code() + " と税率 " + plain(category.percent())
            + "% の組み合わせは使えません（S は 10%、AA は 8%、E・G・O は 0%）。", path);
        return null;
      }
      // one key per category and rate, whatever the scale of the percentage ("10" and "10.00")
      return new TaxCategory(category.code(), BigDecimal.valueOf(rateOf(category).percent()));
    }

    private static TaxRate rateOf(TaxCategory category) {
      if (category == null || category.code() == null || category.percent() == null) {
        return null;
      }
      TaxRate rate = CATEGORY_RATES.get(category.code());
      return rate != null && category.percent().compareTo(BigDecimal.valueOf(rate.percent())) == 0 ? rate : null;
    }

    /** A mandatory amount: reported when missing, not in JPY, or not whole yen; returned when readable. */
    private BigDecimal yen(Amount amount, String path) {
      if (amount == null) {
        add(Code.AMOUNT_MISSING, path + " が記載されていません。", path);
        return null;
      }
      return checkedYen(amount, path);
    }

    private BigDecimal optionalYen(Amount amount, String path) {
      return amount == null ? BigDecimal.ZERO : checkedYen(amount, path);
    }

    private BigDecimal checkedYen(Amount amount, String path) {
      if (!JPY.equals(amount.currency())) {
        add(Code.CURRENCY_NOT_JPY, path + " の通貨（currencyID）が JPY ではありません。", path);
      }
      if (!isWhole(amount.value())) {
        add(Code.AMOUNT_NOT_WHOLE_YEN, path + " の金額 " + plain(amount.value()) + " に円未満の端数があります。", path);
      }
      return amount.value();
    }

    private void add(Code code, String message, String field) {
      problems.add(new InvoiceProblem(code, message, field));
    }
  }

  private static BigDecimal value(Amount amount) {
    return amount == null ? null : amount.value();
  }

  private static boolean isWhole(BigDecimal value) {
    return value.stripTrailingZeros().scale() <= 0;
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  private static String label(TaxCategory category) {
    return category.code() + "/" + plain(category.percent()) + "%";
  }

  private static String normalized(IdentifierType type, String raw) {
    if (raw == null) {
      return null;
    }
    IdentifierValidation validation = IdentifierValidator.validate(type, raw);
    return validation.valid() ? validation.normalized() : null;
  }
}
