package jp.tetsuzuki.processes.engine;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;

/** The webapps' engine API ({@code /camunda/api/engine}) as Camunda builds it, plus {@link EngineRestErrors}. */
public class WebappEngineApi extends EngineRestApplication {

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new LinkedHashSet<>(super.getClasses());
    classes.addAll(Arrays.asList(EngineRestErrors.mappers()));
    return classes;
  }
}
