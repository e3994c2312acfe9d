package jp.tetsuzuki.processes.engine;

import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Registers {@link EngineRestErrors} with Camunda's REST application at {@code /engine-rest} (the starter's Jersey
 * {@code ResourceConfig}) and with the webapps' engine API under {@code /camunda/api/engine}.
 */
@Configuration
class EngineRestErrorsRegistration {

  /** The servlet name Camunda's webapp initializer gives the engine API; it skips a name already registered. */
  static final String WEBAPP_ENGINE_API = "Engine Api";

  @Bean
  ResourceConfigCustomizer engineRestErrors() {
    return config -> Arrays.stream(EngineRestErrors.mappers()).forEach(config::register);
  }

  /**
   * The webapps' engine API registered before Camunda's initializer does it, exactly as that one would (a Jersey
   * servlet for the application class, same name and mapping), with the application that adds our mappers.
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  ServletContextInitializer webappEngineApiErrors(CamundaBpmProperties camunda) {
    return context -> {
      if (context.getServletRegistration(WEBAPP_ENGINE_API) != null) {
        return;
      }
      var servlet = context.addServlet(WEBAPP_ENGINE_API, ServletContainer.class);
      servlet.addMapping(camunda.getWebapp().getApplicationPath() + "/api/engine/*");
      servlet.setInitParameters(Map.of("jakarta.ws.rs.Application", WebappEngineApi.class.getName()));
    };
  }
}
