package jp.tetsuzuki.processes.contract;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How consumption tax is rounded, once per rate per invoice (消費税法施行令70条の10; shared/domain/contract-payment.md,
 * JP PINT section: "any value between floor and ceiling passes the spec; your own contract may fix the rounding").
 */
public enum TaxRounding {
  /** The specification's rule: the floor or the ceiling of taxable × rate both pass. */
  FLOOR_OR_CEILING,
  /** 切り捨て, the most common contract clause. */
  FLOOR,
  /** 切り上げ. */
  CEILING,
  /** 四捨五入. */
  HALF_UP;

  /** Whether {@code tax} is an accepted rounding of {@code taxable × percent / 100}. */
  public boolean accepts(long taxable, int percent, long tax) {
    BigDecimal exact = BigDecimal.valueOf(taxable).multiply(BigDecimal.valueOf(percent))
        .divide(BigDecimal.valueOf(100));
    long floor = exact.setScale(0, RoundingMode.FLOOR).longValueExact();
    long ceiling = exact.setScale(0, RoundingMode.CEILING).longValueExact();
    return switch (this) {
      case FLOOR_OR_CEILING -> tax == floor || tax == ceiling;
      case FLOOR -> tax == floor;
      case CEILING -> tax == ceiling;
      case HALF_UP -> tax == exact.setScale(0, RoundingMode.HALF_UP).longValueExact();
    };
  }

  /**
   * The highest tax this rounding accepts for {@code taxable × percent / 100} (the ceiling under
   * {@link #FLOOR_OR_CEILING}): what bounds the amount an invoice may ask for (F0).
   */
  public long highest(long taxable, int percent) {
    BigDecimal exact = BigDecimal.valueOf(taxable).multiply(BigDecimal.valueOf(percent))
        .divide(BigDecimal.valueOf(100));
    return this == FLOOR_OR_CEILING ? exact.setScale(0, RoundingMode.CEILING).longValueExact() : expected(taxable,
        percent);
  }

  /** The expected tax, for messages: the floor under {@link #FLOOR_OR_CEILING}. */
  public long expected(long taxable, int percent) {
    BigDecimal exact = BigDecimal.valueOf(taxable).multiply(BigDecimal.valueOf(percent))
        .divide(BigDecimal.valueOf(100));
    RoundingMode mode = switch (this) {
      case FLOOR_OR_CEILING, FLOOR -> RoundingMode.FLOOR;
      case CEILING -> RoundingMode.CEILING;
      case HALF_UP -> RoundingMode.HALF_UP;
    };
    return exact.setScale(0, mode).longValueExact();
  }
}
