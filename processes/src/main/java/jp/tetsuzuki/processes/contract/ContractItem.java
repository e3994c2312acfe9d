package jp.tetsuzuki.processes.contract;

/**
 * One item of a contract: yen without tax and its consumption-tax rate.
 *
 * @param description what is bought, as the contract says (1..200 characters)
 * @param amount      yen without tax, 0..{@value Contract#MAX_AMOUNT}
 * @param taxRate     the item's rate
 */
public record ContractItem(String description, long amount, TaxRate taxRate) {

  /**
   * @throws IllegalArgumentException naming the field that is missing or out of range
   */
  public ContractItem {
    Contract.requireText(description, "description", 200);
    if (amount < 0 || amount > Contract.MAX_AMOUNT) {
      throw new IllegalArgumentException("amount must be 0.." + Contract.MAX_AMOUNT + " yen");
    }
    if (taxRate == null) {
      throw new IllegalArgumentException("taxRate must not be null");
    }
  }
}
