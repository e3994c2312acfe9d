package jp.tetsuzuki.processes.contractpayment;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.tetsuzuki.processes.contract.invoice.InvoiceRegistry;
import jp.tetsuzuki.processes.contract.invoice.RegistryUnavailableException;

/**
 * Test simulator of the 適格請求書発行事業者公表システム behind the port {@link InvoiceRegistry}: knows the numbers it
 * was told, answers "not registered" for others, and can be switched off (down: no verdict).
 */
final class RegistrySimulator implements InvoiceRegistry {

  private final Map<String, Registration> known = new ConcurrentHashMap<>();
  private volatile boolean down;
  private volatile int lookUps;

  RegistrySimulator register(String number, String name, LocalDate from) {
    known.put(number, new Registration(number, name, from, null, null));
    return this;
  }

  void down(boolean down) {
    this.down = down;
  }

  int lookUps() {
    return lookUps;
  }

  @Override
  public Answer lookUp(String registrationNumber) {
    lookUps++;
    if (down) {
      throw new RegistryUnavailableException("simulated: the registry does not answer (HTTP 503)");
    }
    Registration r = known.get(registrationNumber);
    return r != null ? r : new NotRegistered(registrationNumber);
  }
}
