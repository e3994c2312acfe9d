package jp.tetsuzuki.processes.childcare.nursery;

import javax.sql.DataSource;
import jp.tetsuzuki.integrations.port.NurseryCapacityGateway;
import jp.tetsuzuki.integrations.port.NurseryDeliveryIncidents;
import jp.tetsuzuki.processes.childcare.enrollment.ChildcareModule;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The nursery ICT system glue: the capacity service (push endpoint and pull route), the outbox steps, incidents. */
@Configuration(proxyBeanMethods = false)
class NurseryGlueConfiguration {

  @Bean
  NurseryCapacityService nurseryCapacityService(ChildcareModule module, IdentityService identity,
      PlatformTransactionManager transactions) {
    return new NurseryCapacityService(module.capacities(), identity, new TransactionTemplate(transactions),
        java.time.Clock.systemUTC());
  }

  @Bean
  NurseryCapacityGateway nurseryCapacityGateway(NurseryCapacityService service) {
    return new NurseryCapacityAdapter(service);
  }

  @Bean
  NurseryDeliveryIncidents nurseryDeliveryIncidents(ChildcareModule module, RuntimeService runtime) {
    return new NurseryIncidents(module.store(), runtime, java.time.Clock.systemUTC());
  }

  /** Bound by name in the models: {@code ${nurseryDeliverySteps.queueOffers(execution)}}. */
  @Bean
  NurseryDeliverySteps nurseryDeliverySteps(ChildcareModule module) {
    return module.nurserySteps();
  }

  @Bean
  NurseryOutboxWriter nurseryOutboxWriter(DataSource dataSource) {
    return new NurseryOutboxWriter(dataSource);
  }
}
