package jp.tetsuzuki.processes.contract;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A registered contract (契約) as the rules see it (shared/domain/contract-payment.md, step 1): who supplies what, for
 * how much, at which tax rates, and within which periods. Plain data; the process and its store keep it.
 *
 * @param id           our contract id (the e-invoice names it in {@code cac:ContractDocumentReference/cbc:ID})
 * @param tenantId     the municipality
 * @param department   the ordering department (routes the approval)
 * @param kind         goods, services or construction
 * @param title        what the contract is about
 * @param supplier     the counterparty
 * @param items        1..{@value #MAX_ITEMS} items, yen without tax
 * @param contractDate the day the contract was concluded (契約締結日)
 * @param terms        inspection and payment periods, within the statutory maxima of the kind
 * @param taxRounding  how this contract rounds consumption tax per rate
 */
public record Contract(String id, String tenantId, String department, ContractKind kind, String title,
    Supplier supplier, List<ContractItem> items, LocalDate contractDate, PaymentTerms terms, TaxRounding taxRounding) {

  /** The largest amount (yen) any field accepts: a trillion yen, far above any municipal contract. */
  public static final long MAX_AMOUNT = 1_000_000_000_000L;
  /** At most this many items per contract. */
  public static final int MAX_ITEMS = 500;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

  /**
   * @throws IllegalArgumentException naming the field that is missing, malformed or out of range
   */
  public Contract {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("id must be 1..64 letters, digits, '.', '_' or '-'");
    }
    requireText(tenantId, "tenantId", 64);
    requireText(department, "department", 64);
    if (kind == null) {
      throw new IllegalArgumentException("kind must not be null");
    }
    requireText(title, "title", 200);
    if (supplier == null) {
      throw new IllegalArgumentException("supplier must not be null");
    }
    if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
      throw new IllegalArgumentException("items must hold 1.." + MAX_ITEMS + " items");
    }
    items = List.copyOf(items);
    if (items.stream().mapToLong(ContractItem::amount).sum() > MAX_AMOUNT) {
      throw new IllegalArgumentException("items: the total must be at most " + MAX_AMOUNT + " yen");
    }
    if (contractDate == null) {
      throw new IllegalArgumentException("contractDate must not be null");
    }
    if (terms == null) {
      throw new IllegalArgumentException("terms must not be null");
    }
    terms.checkedFor(kind);
    if (taxRounding == null) {
      throw new IllegalArgumentException("taxRounding must not be null");
    }
  }

  /** Yen without tax per rate, over all items (rates without items are absent). */
  public Map<TaxRate, Long> amountsByRate() {
    Map<TaxRate, Long> sums = new EnumMap<>(TaxRate.class);
    for (ContractItem item : items) {
      sums.merge(item.taxRate(), item.amount(), Long::sum);
    }
    return sums;
  }

  /**
   * The most this contract can cost with tax (shared/domain/contract-payment.md, 適格請求書: "the total matches the
   * contract"): per rate the contracted amount plus its tax, rounded once per rate as {@link #taxRounding} allows at
   * most. No invoice may ask for more and no payment instruction may pay more.
   */
  public long maxTaxInclusive() {
    return amountsByRate().entrySet().stream()
        .mapToLong(e -> e.getValue() + taxRounding.highest(e.getValue(), e.getKey().percent())).sum();
  }

  /** Yen without tax over all items. */
  public long totalWithoutTax() {
    return items.stream().mapToLong(ContractItem::amount).sum();
  }

  static void requireText(String value, String field, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters");
    }
  }
}
