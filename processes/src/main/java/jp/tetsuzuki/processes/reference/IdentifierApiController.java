package jp.tetsuzuki.processes.reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.tetsuzuki.processes.api.ApiException;
import jp.tetsuzuki.processes.identifier.IdentifierType;
import jp.tetsuzuki.processes.identifier.IdentifierValidation;
import jp.tetsuzuki.processes.identifier.IdentifierValidator;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Check digits of 法人番号, invoice registration numbers and マイナンバー. The value is never logged; an individual
 * number is answered masked.
 */
@RestController
@RequestMapping("/api/v1/identifiers")
@Tag(name = "identifiers", description = "Validation of corporate, invoice registration and individual numbers")
class IdentifierApiController {

  record ValidationRequest(String type, String value) {
    @Override
    public String toString() {
      return "ValidationRequest[type=" + type + "]"; // never the value
    }
  }

  record ValidationView(String type, boolean valid, String normalized, String reason) {}

  @PostMapping("/validate")
  @Operation(summary = "Validate an identifier",
      description = "type: corporate-number | invoice-registration-number | individual-number. Full-width digits, "
          + "spaces and hyphens are accepted. An individual number is answered masked.")
  ValidationView validate(@RequestBody ValidationRequest request) {
    if (request.type() == null) {
      throw ApiException.badRequest("type", "type: required");
    }
    IdentifierType type;
    try {
      type = IdentifierType.fromCode(request.type());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("type", "type: " + e.getMessage());
    }
    if (request.value() == null) {
      throw ApiException.badRequest("value", "value: required");
    }
    IdentifierValidation result = IdentifierValidator.validate(type, request.value());
    return new ValidationView(type.code(), result.valid(), result.normalized(), result.reason());
  }
}
