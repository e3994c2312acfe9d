package jp.tetsuzuki.processes.demo;

import java.time.LocalDate;
import java.util.Map;
import jp.tetsuzuki.processes.contract.invoice.InvoiceRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Demo simulator of the 適格請求書発行事業者公表システム behind the port {@link InvoiceRegistry} (demo profile only):
 * answers like the registry's Web-API for the demo supplier (registered since 2019-10-01) and "not registered" for
 * every other number. Production replaces it with the registry look-up client (see ContractPaymentConfiguration).
 */
@Component
@ConditionalOnProperty(name = "tetsuzuki.demo.enabled", havingValue = "true")
public class DemoInvoiceRegistry implements InvoiceRegistry {

  /** 株式会社〇〇商事 of the demo, the supplier system {@code supplier-marumaru} acts for. */
  public static final String MARUMARU_CORPORATE_NUMBER = "5010001008846";

  private static final Map<String, Registration> KNOWN = Map.of("T" + MARUMARU_CORPORATE_NUMBER,
      new Registration("T" + MARUMARU_CORPORATE_NUMBER, "株式会社〇〇商事", LocalDate.of(2019, 10, 1), null, null));

  @Override
  public Answer lookUp(String registrationNumber) {
    Registration known = KNOWN.get(registrationNumber);
    return known != null ? known : new NotRegistered(registrationNumber);
  }
}
