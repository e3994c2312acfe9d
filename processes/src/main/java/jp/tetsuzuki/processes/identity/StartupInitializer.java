package jp.tetsuzuki.processes.identity;

/**
 * Data the platform needs before it serves its first request (accounts, tenants, filters). Implementations are
 * idempotent and run once per start, in {@link org.springframework.core.annotation.Order}, after the engine is built
 * and before the web server opens.
 */
public interface StartupInitializer {

  void initialize();
}
