package jp.tetsuzuki.integrations.registry;

/** What the 法人番号 registry answered for one number: found (possibly closed) or not found. */
public sealed interface CorporateNumberResult {

  /** The number the look-up was for. */
  String corporateNumber();

  /** The registry knows the number; {@link CorporateRecord#closeDate()} tells whether the corporation is closed. */
  record Found(CorporateRecord corporation) implements CorporateNumberResult {
    @Override
    public String corporateNumber() {
      return corporation.corporateNumber();
    }
  }

  /** The registry answered and does not know the number (or shows it deleted, 処理区分 99). */
  record NotFound(String corporateNumber) implements CorporateNumberResult {}
}
