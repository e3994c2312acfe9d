package jp.tetsuzuki.processes.identity;

import static org.assertj.core.api.Assertions.assertThat;

import jp.tetsuzuki.processes.support.PlatformTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Found in review: outside the demo data nothing made the worker a tenant member, so it fetched no task at all. */
@PlatformTest
class WorkerTenantMembershipsTest {

  @Autowired IdentityService identity;
  @Autowired WorkerTenantMemberships memberships;

  @Test
  void everyWorkerServesEveryTenantIncludingOneAddedSinceTheLastStart() {
    String tenant = "added-" + Long.toHexString(System.nanoTime());
    identity.saveTenant(identity.newTenant(tenant));
    assertThat(identity.createTenantQuery().userMember("worker").tenantId(tenant).count()).isZero();

    memberships.initialize(); // what the next start does

    assertThat(identity.createTenantQuery().userMember("worker").tenantId(tenant).count()).isOne();
    assertThat(identity.createTenantQuery().userMember("worker").count())
        .isEqualTo(identity.createTenantQuery().count());
    identity.deleteTenant(tenant);
  }
}
