package jp.tetsuzuki.processes.access;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Least privilege at the edge (path × role) and inside the engine (the case-repair guard on every command). */
@Configuration
class AccessConfiguration {

  /** After Spring Security (order -100) and the engine REST authentication (0), which establish the caller. */
  @Bean
  FilterRegistrationBean<EngineApiGuardFilter> engineApiGuard(ObjectMapper json, EngineForms forms,
      org.springframework.beans.factory.ObjectProvider<jp.tetsuzuki.processes.contractpayment.SupplierAccounts>
          suppliers) {
    // without contract payment in the deployment there are no supplier accounts
    var registration = new FilterRegistrationBean<>(new EngineApiGuardFilter(json, forms, account -> {
      var bound = suppliers.getIfAvailable();
      return bound != null && bound.isSupplier(account);
    }));
    registration.setName("engine-api-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*", "/api/*");
    registration.setOrder(1);
    return registration;
  }

  @Bean
  ProcessEnginePlugin caseRepairGuardPlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        // the services exist from construction on; the interceptor chain of every service call is built in init
        // from this list (the requires-new chain serves the engine's own internal commands)
        CaseRepairGuard guard = new CaseRepairGuard(configuration.getIdentityService());
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
          configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(guard);
      }
    };
  }
}
