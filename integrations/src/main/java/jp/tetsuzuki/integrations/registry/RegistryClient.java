package jp.tetsuzuki.integrations.registry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import jp.tetsuzuki.bpmn.rules.CheckDigits;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

/**
 * The registry look-ups for other code: plain Java in and out. Answers (found and not found, never failures) are
 * cached per number, bounded, for {@link RegistryProperties#foundTtl()} / {@link RegistryProperties#notFoundTtl()}.
 * The look-up runs outside the cache's locks (a registry outage may hold a call for the retries' length, and must not
 * hold up other numbers), so two concurrent first look-ups of one number may both ask. A number that fails its check
 * digit is refused before any request.
 */
public class RegistryClient {

  private final ProducerTemplate producer;
  private final Cache<String, CorporateNumberResult> corporations;
  private final Cache<String, InvoiceRegistrationResult> registrations;

  public RegistryClient(ProducerTemplate producer, RegistryProperties properties) {
    this(producer, properties, Ticker.systemTicker());
  }

  /** With a ticker of the tests' choosing (cache expiry). */
  RegistryClient(ProducerTemplate producer, RegistryProperties properties, Ticker ticker) {
    this.producer = producer;
    this.corporations = Caffeine.newBuilder().maximumSize(properties.cacheSize()).ticker(ticker)
        .expireAfter(new AnswerExpiry<CorporateNumberResult>(properties.foundTtl(), properties.notFoundTtl(),
            r -> r instanceof CorporateNumberResult.Found))
        .build();
    this.registrations = Caffeine.newBuilder().maximumSize(properties.cacheSize()).ticker(ticker)
        .expireAfter(new AnswerExpiry<InvoiceRegistrationResult>(properties.foundTtl(), properties.notFoundTtl(),
            r -> r instanceof InvoiceRegistrationResult.Found))
        .build();
  }

  /**
   * The 法人番号 registry's record of {@code corporateNumber}.
   *
   * @param corporateNumber 13 ASCII digits with a valid check digit
   * @throws IllegalArgumentException when the number is malformed (the message names {@code corporateNumber})
   * @throws RegistryUnavailableException when the registry could not answer; retry later
   */
  public CorporateNumberResult corporateNumber(String corporateNumber) {
    if (corporateNumber == null || !CheckDigits.isCorporateNumber(corporateNumber)) {
      throw new IllegalArgumentException("corporateNumber must be 13 digits with a valid check digit");
    }
    CorporateNumberResult cached = corporations.getIfPresent(corporateNumber);
    if (cached != null) {
      return cached;
    }
    CorporateNumberResult answer = call(RegistryRoutes.CORPORATE_ENDPOINT, corporateNumber,
        CorporateNumberResult.class);
    corporations.put(corporateNumber, answer);
    return answer;
  }

  /**
   * The 適格請求書発行事業者 registry's record of {@code registrationNumber}.
   *
   * @param registrationNumber "T" and 13 ASCII digits with a valid check digit
   * @throws IllegalArgumentException when the number is malformed (the message names {@code registrationNumber})
   * @throws RegistryUnavailableException when the registry could not answer; retry later
   */
  public InvoiceRegistrationResult invoiceRegistration(String registrationNumber) {
    if (registrationNumber == null || registrationNumber.length() != 14 || registrationNumber.charAt(0) != 'T'
        || !CheckDigits.isCorporateNumber(registrationNumber.substring(1))) {
      throw new IllegalArgumentException("registrationNumber must be T and 13 digits with a valid check digit");
    }
    InvoiceRegistrationResult cached = registrations.getIfPresent(registrationNumber);
    if (cached != null) {
      return cached;
    }
    InvoiceRegistrationResult answer = call(RegistryRoutes.INVOICE_ENDPOINT, registrationNumber,
        InvoiceRegistrationResult.class);
    registrations.put(registrationNumber, answer);
    return answer;
  }

  private <T> T call(String endpoint, String number, Class<T> type) {
    try {
      T answer = producer.requestBody(endpoint, number, type);
      if (answer == null) {
        throw new RegistryUnavailableException(endpoint + ": no answer", false);
      }
      return answer;
    } catch (CamelExecutionException e) {
      if (e.getCause() instanceof RegistryUnavailableException unavailable) {
        throw unavailable;
      }
      throw new RegistryUnavailableException(endpoint + ": " + (e.getCause() == null ? e.getMessage()
          : e.getCause().getClass().getSimpleName()), false, e.getCause());
    }
  }

  /** Found and not-found answers live for their own time. */
  private record AnswerExpiry<V>(Duration found, Duration notFound, java.util.function.Predicate<V> isFound)
      implements Expiry<String, V> {
    @Override
    public long expireAfterCreate(String key, V value, long currentTime) {
      return (isFound.test(value) ? found : notFound).toNanos();
    }

    @Override
    public long expireAfterUpdate(String key, V value, long currentTime, long currentDuration) {
      return expireAfterCreate(key, value, currentTime);
    }

    @Override
    public long expireAfterRead(String key, V value, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}
