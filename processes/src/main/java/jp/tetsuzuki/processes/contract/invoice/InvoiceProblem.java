package jp.tetsuzuki.processes.contract.invoice;

/**
 * One thing wrong with an invoice: a stable code (UPPER_SNAKE, for the API, the process and tests), a Japanese
 * message for the supplier and staff, and the field (the UBL element path, or the contract field) it is about.
 */
public record InvoiceProblem(Code code, String message, String field) {

  public InvoiceProblem {
    if (code == null || message == null || message.isBlank() || field == null || field.isBlank()) {
      throw new IllegalArgumentException("code, message and field must be given");
    }
  }

  /** The problem codes, grouped as shared/domain/contract-payment.md lists the checks. */
  public enum Code {
    // the document itself (JP PINT section)
    SPECIFICATION_UNSUPPORTED,
    INVOICE_TYPE_UNSUPPORTED,
    CURRENCY_NOT_JPY,
    AMOUNT_NOT_WHOLE_YEN,
    AMOUNT_MISSING,
    INVOICE_PERIOD_MISSING,
    BUYER_NAME_MISSING,
    LINE_DESCRIPTION_MISSING,
    // the registration number (適格請求書 section)
    REGISTRATION_NUMBER_MISSING,
    REGISTRATION_NUMBER_FORMAT,
    REGISTRATION_NUMBER_SCHEME,
    REGISTRATION_NUMBER_CHECK_DIGIT,
    REGISTRATION_NUMBER_DUMMY,
    REGISTRATION_NOT_FOUND,
    REGISTRATION_NOT_YET_VALID,
    REGISTRATION_REVOKED,
    REGISTRATION_EXPIRED,
    // issuer against the contract's supplier
    SELLER_NAME_MISSING,
    ISSUER_NAME_MISMATCH,
    ISSUER_REGISTRATION_NUMBER_MISMATCH,
    ISSUER_CORPORATE_NUMBER_MISMATCH,
    CONTRACT_REFERENCE_MISSING,
    CONTRACT_NOT_FOUND,
    CONTRACT_REFERENCE_MISMATCH,
    // tax per category and rate
    TAX_CATEGORY_MISSING,
    TAX_CATEGORY_RATE_INVALID,
    TAX_TOTAL_MISSING,
    TAX_SUBTOTAL_MISSING,
    TAX_SUBTOTAL_DUPLICATE,
    TAXABLE_AMOUNT_INCONSISTENT,
    TAX_AMOUNT_ROUNDING,
    TAX_TOTAL_INCONSISTENT,
    // document totals
    TOTALS_MISSING,
    LINE_EXTENSION_TOTAL_INCONSISTENT,
    TAX_EXCLUSIVE_TOTAL_INCONSISTENT,
    TAX_INCLUSIVE_TOTAL_INCONSISTENT,
    PAYABLE_TOTAL_INCONSISTENT,
    PREPAID_AMOUNT_INVALID,
    PAYABLE_ROUNDING_INVALID,
    // amounts against the contract
    CONTRACT_AMOUNT_MISMATCH,
    PAYABLE_EXCEEDS_CONTRACT
  }
}
