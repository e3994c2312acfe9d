package jp.tetsuzuki.integrations.registry;

import org.apache.camel.ProducerTemplate;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the registry look-ups (production: the 国税庁's registries as {@link RegistryProperties} says). */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

  static final String HTTP_CLIENT = "registryHttpClient";

  @Bean
  RegistryEndpoints registryEndpoints(RegistryProperties properties) {
    return new RegistryEndpoints(properties.corporateNumberUrl(), properties.invoiceUrl(),
        properties.applicationId());
  }

  /** Our own timeouts (Camel's default is 3 minutes) and no retries of the client's own: the route retries. */
  @Bean(name = HTTP_CLIENT, destroyMethod = "close")
  CloseableHttpClient registryHttpClient(RegistryProperties properties) {
    Timeout timeout = Timeout.of(properties.timeout());
    return HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout)
                .setSocketTimeout(timeout).build())
            .setMaxConnTotal(10).setMaxConnPerRoute(5).build())
        .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout)
            .setConnectionRequestTimeout(timeout).build())
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .useSystemProperties()
        .build();
  }

  @Bean
  RegistryClient registryClient(ProducerTemplate producer, RegistryProperties properties) {
    return new RegistryClient(producer, properties);
  }
}
