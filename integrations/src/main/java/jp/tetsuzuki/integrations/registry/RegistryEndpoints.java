package jp.tetsuzuki.integrations.registry;

/**
 * Where the look-ups go and with which application id: the registries of the 国税庁 in production (from
 * {@link RegistryProperties}), the simulator in the demo profile and in tests.
 */
public record RegistryEndpoints(String corporateNumberUrl, String invoiceUrl, String applicationId) {

  public RegistryEndpoints {
    corporateNumberUrl = stripSlash(corporateNumberUrl);
    invoiceUrl = stripSlash(invoiceUrl);
    applicationId = applicationId == null ? "" : applicationId.trim();
  }

  private static String stripSlash(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("registry base URL must be set");
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public String toString() {
    // never print the application id
    return "RegistryEndpoints[" + corporateNumberUrl + ", " + invoiceUrl + "]";
  }
}
