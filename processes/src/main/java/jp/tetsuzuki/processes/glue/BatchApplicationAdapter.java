package jp.tetsuzuki.processes.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tetsuzuki.integrations.port.BatchApplicationGateway;
import jp.tetsuzuki.processes.api.ApiException;
import jp.tetsuzuki.processes.identity.AsPlatform;
import jp.tetsuzuki.processes.identity.Roles;
import jp.tetsuzuki.processes.procedure.ApplicationService;
import jp.tetsuzuki.processes.procedure.Procedure;
import jp.tetsuzuki.processes.procedure.ProcedureCatalog;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * The in-JVM side of the batch port: a row of a municipal CSV file goes to the one application service as the
 * route's service identity (checked here to be one: group {@code integrations}, no administrator), with tenant and
 * externalId as its idempotency key. The file's texts are typed as the catalog's fields say (a number, true/false);
 * anything else is passed as text so that the service refuses it with its usual sentence.
 */
@Component
class BatchApplicationAdapter implements BatchApplicationGateway {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Map<String, Boolean> BOOLEANS = Map.of("true", true, "false", false, "1", true, "0", false,
      "はい", true, "いいえ", false);

  private final ApplicationService applications;
  private final ProcedureCatalog catalog;
  private final IdentityService identity;

  BatchApplicationAdapter(ApplicationService applications, ProcedureCatalog catalog, IdentityService identity) {
    this.applications = applications;
    this.catalog = catalog;
    this.identity = identity;
  }

  @Override
  public Result submitRow(String serviceUser, String tenantId, String externalId, Row row) {
    AsPlatform.call(identity, () -> {
      checkServiceIdentity(serviceUser);
      return null;
    });
    Optional<Procedure> procedure = row.procedureCode() == null ? Optional.empty() : catalog.find(row.procedureCode());
    ObjectNode applicant = JSON.objectNode();
    row.applicant().forEach(applicant::put);
    ObjectNode data = JSON.objectNode();
    row.data().forEach((key, text) -> data.set(key, typed(procedure.flatMap(p -> p.field(key)), text)));
    try {
      var intake = applications.submitBatchRow(serviceUser, tenantId + ":" + externalId,
          new ApplicationService.Submission(row.procedureCode(), tenantId, row.receivedOn(), applicant, data, null));
      return new Result(intake.application().id(), intake.application().processInstanceId(), !intake.replayed());
    } catch (ApiException refused) {
      if ("Idempotency-Key".equals(refused.field())) {
        throw new Refused("externalId", "externalId「" + externalId + "」は別の内容の行で既に登録されています。"
            + "同じ行を直す場合は、職員が申請の補正として扱ってください。");
      }
      throw new Refused(refused.field(), refused.japanese() != null ? refused.japanese() : refused.getMessage());
    }
  }

  private void checkServiceIdentity(String userId) {
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    if (!groups.contains(Roles.INTEGRATIONS) || groups.contains(Roles.ADMINISTRATORS)) {
      throw new Refused(null, "「" + userId + "」は取込用サービスIDではありません（グループ " + Roles.INTEGRATIONS
          + " の所属で、管理者でないこと）。");
    }
  }

  /** The file's text as the catalog field's type wants it; text when it does not fit (the service says why). */
  static JsonNode typed(Optional<Procedure.Field> field, String text) {
    String type = field.map(Procedure.Field::type).orElse("text");
    if ("number".equals(type)) {
      try {
        return JSON.numberNode(new BigDecimal(text));
      } catch (NumberFormatException notANumber) {
        return JSON.textNode(text);
      }
    }
    if ("boolean".equals(type) && BOOLEANS.containsKey(text.toLowerCase(java.util.Locale.ROOT))) {
      return JSON.booleanNode(BOOLEANS.get(text.toLowerCase(java.util.Locale.ROOT)));
    }
    return JSON.textNode(text);
  }
}
