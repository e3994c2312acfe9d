package jp.tetsuzuki.processes.identifier;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The identifiers the platform checks, with the kebab-case codes used in catalogs, forms and APIs. */
public enum IdentifierType {

  /** 法人番号: 13 digits, check digit first. */
  CORPORATE_NUMBER("corporate-number"),

  /** 適格請求書発行事業者 登録番号: "T" + 13 digits that pass the 法人番号 check. */
  INVOICE_REGISTRATION_NUMBER("invoice-registration-number"),

  /**
   * マイナンバー (個人番号): 12 digits, check digit last. Specific personal information under the My Number Act: never
   * log it, never put it in a process variable or history, show it masked only.
   */
  INDIVIDUAL_NUMBER("individual-number");

  private final String code;

  IdentifierType(String code) {
    this.code = code;
  }

  /** The kebab-case code, e.g. {@code corporate-number}. */
  public String code() {
    return code;
  }

  /**
   * Finds the type for a code.
   *
   * @throws IllegalArgumentException if the code is null or unknown; the message lists the accepted codes
   */
  public static IdentifierType fromCode(String code) {
    for (IdentifierType type : values()) {
      if (type.code.equals(code)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown identifier type code '" + code + "'; accepted: "
        + Arrays.stream(values()).map(IdentifierType::code).collect(Collectors.joining(", ")));
  }
}
