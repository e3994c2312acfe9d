package jp.tetsuzuki.processes.engine;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link EngineRestErrors} with Camunda's REST application at {@code /engine-rest} (the starter's Jersey
 * {@code ResourceConfig}) and with the webapps' JAX-RS applications under {@code /camunda/api} (engine API included),
 * which Jersey builds from their {@code Application} classes and the context's provider list.
 */
@Configuration
class EngineRestErrorsRegistration {

  /** Jersey's context parameter naming extra provider classes of every Jersey servlet in this web application. */
  static final String PROVIDER_CLASSNAMES = "jersey.config.server.provider.classnames";

  @Bean
  ResourceConfigCustomizer engineRestErrors() {
    return config -> Arrays.stream(EngineRestErrors.mappers()).forEach(config::register);
  }

  @Bean
  ServletContextInitializer webappEngineApiErrors() {
    return context -> context.setInitParameter(PROVIDER_CLASSNAMES, Arrays.stream(EngineRestErrors.mappers())
        .map(Class::getName).collect(Collectors.joining(",")));
  }
}
