package jp.tetsuzuki.processes.contractpayment;

import java.util.Map;
import java.util.function.Function;
import jp.tetsuzuki.processes.calendar.OfficeCalendar;
import jp.tetsuzuki.processes.contract.accounting.PaymentLedger;
import jp.tetsuzuki.processes.contract.interest.InterestRates;
import jp.tetsuzuki.processes.contract.invoice.EInvoiceCheck;
import jp.tetsuzuki.processes.contract.invoice.InvoiceRegistry;
import jp.tetsuzuki.processes.contract.invoice.InvoiceValidator;
import jp.tetsuzuki.processes.contract.invoice.JpPintInvoiceParser;

/**
 * The delegates of {@code contract-payment}, wired once: Spring exposes them under their model name
 * ({@link ContractPaymentConfiguration}), the model test hands {@link #beans()} to its engine.
 */
public final class ContractPaymentGlue {

  public static final String BEAN = "contractPaymentSteps";

  private final ContractPaymentSteps steps;

  public ContractPaymentGlue(ContractCaseStore store, Function<String, OfficeCalendar> calendars,
      InvoiceRegistry registry, InterestRates rates, PaymentLedger ledger, ContractPaymentSettings settings) {
    this(store, calendars, registry, rates, ledger, settings, null);
  }

  /** @param exportQueue approved payments wait there for the accounting-export route; null = one file each */
  public ContractPaymentGlue(ContractCaseStore store, Function<String, OfficeCalendar> calendars,
      InvoiceRegistry registry, InterestRates rates, PaymentLedger ledger, ContractPaymentSettings settings,
      PaymentExportQueue exportQueue) {
    InvoiceValidator validator = new InvoiceValidator(registry);
    EInvoiceCheck check = new EInvoiceCheck(new JpPintInvoiceParser(), validator);
    steps = new ContractPaymentSteps(store, calendars, check, validator, rates, ledger, settings, exportQueue);
  }

  public Map<String, Object> beans() {
    return Map.of(BEAN, steps);
  }

  public ContractPaymentSteps steps() {
    return steps;
  }
}
