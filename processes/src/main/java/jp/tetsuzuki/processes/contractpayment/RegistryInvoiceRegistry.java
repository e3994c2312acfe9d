package jp.tetsuzuki.processes.contractpayment;

import java.util.function.Function;
import jp.tetsuzuki.integrations.registry.InvoiceRegistration;
import jp.tetsuzuki.integrations.registry.InvoiceRegistrationResult;
import jp.tetsuzuki.integrations.registry.RegistryClient;
import jp.tetsuzuki.processes.contract.invoice.InvoiceRegistry;
import jp.tetsuzuki.processes.contract.invoice.RegistryUnavailableException;

/**
 * The port {@link InvoiceRegistry} of the invoice rules on the registry look-up of {@code integrations/registry}
 * (route {@code invoice-registration-lookup}: throttled, retried, cached; the demo profile points it at the registry
 * simulator). "Cannot tell" stays "cannot tell": the client's unavailability becomes the rules'
 * {@link RegistryUnavailableException} (the validation job retries, then an incident), never a verdict.
 */
final class RegistryInvoiceRegistry implements InvoiceRegistry {

  private final Function<String, InvoiceRegistrationResult> lookUp;

  RegistryInvoiceRegistry(RegistryClient client) {
    this(client::invoiceRegistration);
  }

  /** @param lookUp the client's look-up (a seam for the mapping tests) */
  RegistryInvoiceRegistry(Function<String, InvoiceRegistrationResult> lookUp) {
    this.lookUp = lookUp;
  }

  @Override
  public Answer lookUp(String registrationNumber) {
    InvoiceRegistrationResult result;
    try {
      result = lookUp.apply(registrationNumber);
    } catch (jp.tetsuzuki.integrations.registry.RegistryUnavailableException e) {
      throw new RegistryUnavailableException("invoice registry: " + e.getMessage(), e);
    }
    if (result instanceof InvoiceRegistrationResult.Found found) {
      InvoiceRegistration r = found.registration();
      if (r.registrationDate() == null) {
        // the documented answer always carries 登録年月日: without it the answer cannot decide anything
        throw new RegistryUnavailableException("invoice registry: no registrationDate for " + registrationNumber);
      }
      return new Registration(r.registrationNumber(), r.name() == null || r.name().isEmpty() ? null : r.name(),
          r.registrationDate(), r.disposalDate(), r.expireDate());
    }
    return new NotRegistered(result.registrationNumber());
  }
}
