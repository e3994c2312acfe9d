package jp.tetsuzuki.processes.engine;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Least privilege for models: the deploy-time {@link DeploymentGuard}, and an expression manager that sees only the
 * beans of {@link ModelBeans} — {@code ${anySpringBean}} no longer resolves, whoever deployed the model.
 */
@Configuration
class DeploymentGuardConfiguration {

  @Bean
  ProcessEnginePlugin deploymentGuardPlugin(ApplicationContext applicationContext) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreDeployers() == null) {
          configuration.setCustomPreDeployers(new ArrayList<>());
        }
        configuration.getCustomPreDeployers().add(new DeploymentGuard(
            new ModelContentCheck(ExpressionAllowList.forModels())));

        Map<Object, Object> beans = new ModelBeanMap(applicationContext);
        configuration.setBeans(beans);
        // the Spring factory bean has already created an expression manager over the whole application context
        configuration.setExpressionManager(new SpringExpressionManager(applicationContext, beans));
      }

      @Override
      public String toString() {
        return "DeploymentGuardPlugin";
      }
    };
  }

  /**
   * The allowed beans by name, looked up when first used (the beans depend on engine services, so they cannot be
   * created while the engine is being built).
   */
  static final class ModelBeanMap extends AbstractMap<Object, Object> {
    private final ApplicationContext context;

    ModelBeanMap(ApplicationContext context) {
      this.context = context;
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && ModelBeans.ALLOWED.containsKey(name);
    }

    @Override
    public Object get(Object key) {
      return containsKey(key) ? context.getBean((String) key, ModelBeans.ALLOWED.get(key)) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      Map<Object, Object> resolved = new LinkedHashMap<>();
      ModelBeans.ALLOWED.keySet().stream().sorted().forEach(name -> resolved.put(name, get(name)));
      return resolved.entrySet().stream().collect(Collectors.toUnmodifiableSet());
    }
  }
}
