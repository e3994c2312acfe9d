package jp.tetsuzuki.integrations.registry;

/** The registry's answer cannot be read as its documented shape: retrying would not help, so no retry. */
class RegistryAnswerException extends RegistryUnavailableException {
  RegistryAnswerException(String message) {
    super(message, false);
  }

  RegistryAnswerException(String message, Throwable cause) {
    super(message, false, cause);
  }
}
