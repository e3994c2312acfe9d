package jp.tetsuzuki.workers.rpa;

/**
 * Something that stands in for the legacy system where none is configured: the demo profile's simulator, or a test's.
 * Production configuration knows only this port, never a simulator class.
 */
public interface LegacySystemStandIn {

  /** The stand-in's address, with the trailing slash (as {@link LegacySystemSettings#baseUrl()}). */
  String baseUrl();
}
