package jp.tetsuzuki.processes.glue;

import java.util.List;
import jp.tetsuzuki.processes.identity.AsPlatform;
import jp.tetsuzuki.processes.identity.Roles;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/** What the exchange adapters check of the identity a route names: a service identity serving the tenant. */
final class ServiceIdentityCheck {

  private ServiceIdentityCheck() {}

  /** @return null when the identity may act for the tenant, else the Japanese reason */
  static String refusal(IdentityService identity, String userId, String tenantId) {
    return AsPlatform.call(identity, () -> {
      List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
      if (!groups.contains(Roles.INTEGRATIONS) || groups.contains(Roles.ADMINISTRATORS)) {
        return "「" + userId + "」は連携用サービスIDではありません（グループ " + Roles.INTEGRATIONS + " の所属で、管理者でないこと）。";
      }
      if (identity.createTenantQuery().userMember(userId).tenantId(tenantId).count() == 0) {
        return "サービスID「" + userId + "」はテナント「" + tenantId + "」の担当ではありません。";
      }
      return null;
    });
  }
}
