package jp.tetsuzuki.processes.contract;

import java.util.Arrays;

/**
 * Consumption-tax rates a contract item or an invoice line may carry (shared/domain/contract-payment.md, 適格請求書 and
 * JP PINT sections): 10 % standard (JP PINT category {@code S}), 8 % reduced (軽減税率, {@code AA}) and 0 % (exempt,
 * export or outside the scope: {@code E}, {@code G}, {@code O}).
 */
public enum TaxRate {
  STANDARD(10),
  REDUCED(8),
  ZERO(0);

  private final int percent;

  TaxRate(int percent) {
    this.percent = percent;
  }

  public int percent() {
    return percent;
  }

  /**
   * @throws IllegalArgumentException unless the percentage is 10, 8 or 0
   */
  public static TaxRate ofPercent(int percent) {
    return Arrays.stream(values()).filter(r -> r.percent == percent).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("taxRate must be 10, 8 or 0, was " + percent));
  }
}
