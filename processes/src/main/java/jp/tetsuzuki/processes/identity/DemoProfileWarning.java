package jp.tetsuzuki.processes.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says loudly, once the platform is up, that the demo profile with its published passwords is running. */
@Component
@Profile("demo")
class DemoProfileWarning {

  private static final Logger LOG = LoggerFactory.getLogger(DemoProfileWarning.class);

  private final String address;

  DemoProfileWarning(@Value("${server.address:}") String address) {
    this.address = address;
  }

  @EventListener(ApplicationReadyEvent.class)
  void warn() {
    String where = address.isBlank() ? "on every network interface" : "on " + address;
    LOG.warn("""

        ************************************************************************************
        *  DEMO PROFILE: demo accounts with the PUBLISHED password from the README exist,  *
        *  listening {}. Never use this profile in production or on a shared network.
        *  Production: start without the demo profile (README, "Production").
        ************************************************************************************""", where);
  }
}
