package jp.tetsuzuki.processes.contractpayment;

import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import jp.tetsuzuki.processes.contract.accounting.AcknowledgementService;
import jp.tetsuzuki.processes.contract.accounting.JdbcPaymentLedger;
import jp.tetsuzuki.processes.contract.accounting.PaymentLedger;
import jp.tetsuzuki.processes.contract.interest.InterestRates;
import jp.tetsuzuki.processes.contract.interest.JdbcInterestRates;
import jp.tetsuzuki.processes.contract.interest.LateInterest;
import jp.tetsuzuki.integrations.registry.RegistryClient;
import jp.tetsuzuki.processes.contract.invoice.InvoiceRegistry;
import jp.tetsuzuki.processes.contract.invoice.RegistryUnavailableException;
import jp.tetsuzuki.processes.reference.TenantCalendars;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wiring of {@code contract-payment}: the case store, the glue the model names ({@code contractPaymentSteps}), the
 * service the API calls, the rules' JDBC adapters (interest rates V55, payment ledger V56).
 *
 * <p>The registry of qualified-invoice issuers is the port {@link InvoiceRegistry}: a bean of that type is the
 * the registry look-up client of {@code integrations/registry} ({@link RegistryClient}: route
 * {@code invoice-registration-lookup}, throttled, retried, cached), adapted by {@link RegistryInvoiceRegistry}; the
 * demo profile points the client at the registry simulator. Without a client (integrations not loaded) a bean of the
 * port is used, and without either every look-up is "registry unavailable": invoices wait in the validation job's
 * retries and then an incident, never a wrong verdict.
 */
@Configuration
class ContractPaymentConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(ContractPaymentConfiguration.class);

  @Bean
  ContractCaseStore contractCaseStore(JdbcTemplate jdbc,
      jp.tetsuzuki.processes.approval.ApprovalService approvals) {
    ContractCaseStore store = new ContractCaseStore(jdbc);
    // the verifier of a scanned invoice does not decide the payment order built from it (attack review 3 A9)
    approvals.excludeFromDeciding(store.verifierMayNotDecide());
    return store;
  }

  @Bean
  SupplierAccounts supplierAccounts(JdbcTemplate jdbc) {
    return new SupplierAccounts(jdbc);
  }

  @Bean
  ContractSystemAccounts contractSystemAccounts(JdbcTemplate jdbc) {
    return new ContractSystemAccounts(jdbc);
  }

  @Bean
  InterestRates lateInterestRates(DataSource dataSource) {
    return new JdbcInterestRates(dataSource);
  }

  @Bean
  PaymentLedger paymentLedger(DataSource dataSource) {
    return new JdbcPaymentLedger(dataSource, Clock.systemUTC());
  }

  @Bean
  ContractPaymentSettings contractPaymentSettings(
      @Value("${tetsuzuki.contract.inspection-department:kensa}") String inspectionDepartment,
      @Value("${tetsuzuki.contract.accounting-department:kaikeikanri}") String accountingDepartment,
      @Value("${tetsuzuki.contract.warning-open-days:5}") int warningOpenDays,
      @Value("${tetsuzuki.contract.outbox:${tetsuzuki.data-dir}/accounting/outbox}") String outbox,
      @Value("${tetsuzuki.contract.interest-basis:DAY_OF_DELAY}") LateInterest.RateBasis basis,
      @Value("${tetsuzuki.contract.treasury-department:kaikei}") String treasuryDepartment) {
    return new ContractPaymentSettings(inspectionDepartment, accountingDepartment, warningOpenDays, Path.of(outbox),
        basis, treasuryDepartment);
  }

  @Bean
  PaymentExportQueue paymentExportQueue(JdbcTemplate jdbc, PlatformTransactionManager transactions,
      PaymentLedger ledger, ContractCaseStore store) {
    return new PaymentExportQueue(jdbc, new TransactionTemplate(transactions), ledger, store, Clock.systemUTC());
  }

  @Bean
  ContractPaymentGlue contractPaymentGlue(ContractCaseStore store, TenantCalendars calendars,
      ObjectProvider<InvoiceRegistry> registries, ObjectProvider<RegistryClient> registryClients,
      InterestRates rates, PaymentLedger ledger, ContractPaymentSettings settings, PaymentExportQueue exportQueue,
      @Value("${tetsuzuki.integrations.accounting.batch-export:true}") boolean batchExport) {
    RegistryClient client = registryClients.getIfAvailable();
    InvoiceRegistry registry = client != null ? new RegistryInvoiceRegistry(client) : registries.getIfAvailable(() -> {
      LOG.warn("no InvoiceRegistry adapter: every registration-number look-up is 'registry unavailable' "
          + "(invoices wait for it in retries and incidents)");
      return number -> {
        throw new RegistryUnavailableException("no registry adapter is configured");
      };
    });
    // batch export (default): the route accounting-export writes one file per batch; false: one file per payment
    return new ContractPaymentGlue(store, calendars::of, registry, rates, ledger, settings,
        batchExport ? exportQueue : null);
  }

  // bound by name in the model: ${contractPaymentSteps.…}
  @Bean
  ContractPaymentSteps contractPaymentSteps(ContractPaymentGlue glue) {
    return glue.steps();
  }

  @Bean
  ContractCases contractCases(ContractCaseStore store, IdentityService identity, RuntimeService runtime,
      ManagementService management, PlatformTransactionManager transactions, PaymentLedger ledger,
      jp.tetsuzuki.processes.document.DocumentStore documents) {
    return new ContractCases(store, identity, runtime, management, new TransactionTemplate(transactions),
        new AcknowledgementService(ledger, ContractPaymentSteps::today), documents);
  }
}
