package jp.tetsuzuki.processes.contract;

import java.time.LocalDate;
import java.util.List;

/** Contracts for tests: the supplier and items of the specification's example invoice, with a real check digit. */
public final class Contracts {

  /** A public 法人番号 from shared/domain/calendar-and-identifiers.md (its check digit is right). */
  public static final String CORPORATE_NUMBER = "5010001008846";
  public static final String REGISTRATION_NUMBER = "T" + CORPORATE_NUMBER;
  public static final String CONTRACT_ID = "C-2023-001";

  private Contracts() {}

  /** Goods: 10 % items of 260,000 yen (chairs, paper, delivery) and an exempt textbook of 3,490 yen. */
  public static Contract exampleGoods() {
    return goods(List.of(new ContractItem("デスクチェア 5脚", 250_000, TaxRate.STANDARD),
        new ContractItem("コピー用紙（A4）5冊", 2_500, TaxRate.STANDARD),
        new ContractItem("配送", 7_500, TaxRate.STANDARD),
        new ContractItem("検定済教科書（算数）10冊", 3_490, TaxRate.ZERO)), TaxRounding.FLOOR_OR_CEILING);
  }

  public static Contract goods(List<ContractItem> items, TaxRounding rounding) {
    return signedOn(LocalDate.of(2023, 10, 2), items, rounding);
  }

  public static Contract signedOn(LocalDate contractDate, List<ContractItem> items, TaxRounding rounding) {
    return new Contract(CONTRACT_ID, "demo-ku", "somu", ContractKind.GOODS, "事務用品の購入",
        new Supplier("株式会社〇〇商事", CORPORATE_NUMBER, REGISTRATION_NUMBER), items, contractDate,
        PaymentTerms.statutoryMaximum(ContractKind.GOODS), rounding);
  }
}
