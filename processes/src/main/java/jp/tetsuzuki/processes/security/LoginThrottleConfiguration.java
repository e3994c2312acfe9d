package jp.tetsuzuki.processes.security;

import java.time.Clock;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Login throttling at the edge instead of the engine's permanent lockout (issue 8, item 5). */
@Configuration
class LoginThrottleConfiguration {

  @Bean
  LoginThrottle loginThrottle(LoginThrottleProperties properties) {
    return new LoginThrottle(properties.limits(), Clock.systemUTC());
  }

  @Bean
  FilterRegistrationBean<WebappLoginThrottleFilter> webappLoginThrottle(LoginThrottle throttle,
      AccountLookup accounts) {
    var registration = new FilterRegistrationBean<>(new WebappLoginThrottleFilter(throttle, accounts));
    registration.setName("webapp-login-throttle");
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
    // after Spring Security (-100), before the webapps' own filters and their login resource
    registration.setOrder(-90);
    return registration;
  }

  /** The engine neither locks nor delays users after wrong passwords (and writes nothing for them). */
  @Bean
  ProcessEnginePlugin noPermanentLoginLockout() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(
            new GenericManagerFactory(NoPermanentLockoutIdentityProvider.class));
      }
    };
  }
}
