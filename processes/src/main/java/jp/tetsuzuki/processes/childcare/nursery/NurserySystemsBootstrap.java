package jp.tetsuzuki.processes.childcare.nursery;

import jp.tetsuzuki.processes.identity.IdentityDirectory;
import jp.tetsuzuki.processes.identity.Roles;
import jp.tetsuzuki.processes.identity.StartupInitializer;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The group of the nursery systems' machine accounts, in every profile. It holds no engine grant: the accounts reach
 * only {@code PUT/POST /api/v1/childcare/capacities} (the edge), and the service checks tenant and facilities. The
 * accounts themselves are created by an administrator (Admin app: user, group {@code nursery-systems}, one tenant)
 * and named in {@code tetsuzuki.integrations.nursery.systems[].account}; the demo creates its own.
 */
@Component
@Order(5)
class NurserySystemsBootstrap implements StartupInitializer {

  private final IdentityDirectory directory;

  NurserySystemsBootstrap(IdentityDirectory directory) {
    this.directory = directory;
  }

  @Override
  public void initialize() {
    directory.ensureGroup(Roles.NURSERY_SYSTEMS, "保育施設システム", Groups.GROUP_TYPE_SYSTEM);
  }
}
