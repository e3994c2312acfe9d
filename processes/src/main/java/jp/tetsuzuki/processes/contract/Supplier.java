package jp.tetsuzuki.processes.contract;

/**
 * The contract's counterparty (契約の相手方) as the contract names it.
 *
 * @param name               the registered name (商号), 1..200 characters
 * @param corporateNumber    13-digit 法人番号, or null for a sole proprietor without one
 * @param registrationNumber 適格請求書発行事業者 登録番号 as registered ("T" + 13 digits), or null when the supplier is
 *                           not a registered issuer (its invoices then cannot be qualified invoices)
 */
public record Supplier(String name, String corporateNumber, String registrationNumber) {

  /**
   * @throws IllegalArgumentException if the name is blank or too long, or a number is longer than 14 characters
   */
  public Supplier {
    Contract.requireText(name, "supplier.name", 200);
    if (corporateNumber != null && corporateNumber.length() > 14) {
      throw new IllegalArgumentException("supplier.corporateNumber must be at most 14 characters");
    }
    if (registrationNumber != null && registrationNumber.length() > 14) {
      throw new IllegalArgumentException("supplier.registrationNumber must be at most 14 characters");
    }
  }
}
