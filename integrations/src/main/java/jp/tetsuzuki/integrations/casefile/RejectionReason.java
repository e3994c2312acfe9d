package jp.tetsuzuki.integrations.casefile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/** The Japanese reason written beside a rejected file: what is wrong with it, without class names. */
final class RejectionReason {

  private RejectionReason() {}

  static String of(Throwable failure) {
    if (failure == null) {
      return "原因不明のエラー";
    }
    if (failure instanceof ValueInstantiationException invalid && invalid.getCause() != null) {
      return invalid.getCause().getMessage(); // our own check of a field (CaseFile), already Japanese
    }
    if (failure instanceof JsonProcessingException unreadable) {
      return "ケースファイルのJSONが読めません（" + unreadable.getOriginalMessage() + "）";
    }
    return failure.getMessage();
  }
}
