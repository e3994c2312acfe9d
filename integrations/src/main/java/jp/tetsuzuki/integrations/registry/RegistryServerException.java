package jp.tetsuzuki.integrations.registry;

/** The registry is down, overloaded or too slow (5xx, 429, timeout, no connection): the route retries. */
class RegistryServerException extends RegistryUnavailableException {
  RegistryServerException(String message) {
    super(message, true);
  }

  RegistryServerException(String message, Throwable cause) {
    super(message, true, cause);
  }
}
