package jp.tetsuzuki.processes.contract;

/**
 * What a contract buys (shared/domain/contract-payment.md): the kind decides the statutory periods
 * (政府契約の支払遅延防止等に関する法律 5条, 6条: construction 14 / 40 days, everything else 10 / 30) and, with amount and
 * department, the approval route.
 */
public enum ContractKind {
  /** 物品 (purchase of goods). */
  GOODS,
  /** 役務 (services). */
  SERVICES,
  /** 工事 (construction works). */
  CONSTRUCTION;

  /** The lower-case name used in the API ({@code goods|services|construction}). */
  public String apiName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException unless {@code value} is {@code goods}, {@code services} or {@code construction}
   */
  public static ContractKind fromApiName(String value) {
    for (ContractKind kind : values()) {
      if (kind.apiName().equals(value)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("kind must be goods, services or construction");
  }
}
