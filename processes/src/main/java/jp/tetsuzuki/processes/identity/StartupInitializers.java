package jp.tetsuzuki.processes.identity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** Runs every {@link StartupInitializer} once all beans (the engine included) exist, before the server starts. */
@Component
class StartupInitializers implements SmartInitializingSingleton {

  private final ObjectProvider<StartupInitializer> initializers;

  StartupInitializers(ObjectProvider<StartupInitializer> initializers) {
    this.initializers = initializers;
  }

  @Override
  public void afterSingletonsInstantiated() {
    initializers.orderedStream().forEach(StartupInitializer::initialize);
  }
}
