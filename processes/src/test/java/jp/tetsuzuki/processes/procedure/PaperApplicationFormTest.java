package jp.tetsuzuki.processes.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.tetsuzuki.bpmn.AdministrativeProcedure;
import jp.tetsuzuki.processes.access.FormFields;
import jp.tetsuzuki.processes.api.ApiException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The paper-registration start form generated from the catalog, and a filled-in form read back. Plain JUnit. */
class PaperApplicationFormTest {

  private static ProcedureCatalog catalog;
  private static JsonNode form;

  @BeforeAll
  static void generate() throws IOException {
    catalog = ProcedureCatalogTest.packaged();
    form = PaperApplicationForm.form(catalog);
  }

  @Test
  void theProcedureChoiceIsTheCatalogAndNotAHandKeptList() {
    assertThat(form.get("id").asText()).isEqualTo(AdministrativeProcedure.FORM_START);
    JsonNode procedure = component(AdministrativeProcedure.PROCEDURE_CODE);
    assertThat(procedure.get("type").asText()).isEqualTo("select");
    assertThat(values(procedure)).isEqualTo(catalog.all().stream().map(Procedure::code).toList());
    assertThat(procedure.get("values").get(0).get("label").asText()).isEqualTo("中小企業DX補助金交付申請");
    // tenants from the catalog, not a free text box
    JsonNode tenant = component(AdministrativeProcedure.TENANT_ID);
    assertThat(tenant.get("type").asText()).isEqualTo("select");
    assertThat(values(tenant)).containsExactly("demo-ku", "demo-shi");
  }

  @Test
  void everyCatalogFieldIsATypedFieldShownOnlyForItsProcedure() {
    JsonNode area = component("outdoor-advertising-permit__displayArea");
    assertThat(area.get("type").asText()).isEqualTo("number");
    assertThat(area.get("label").asText()).isEqualTo("表示面積（平方メートル）");
    assertThat(area.at("/validate/required").asBoolean()).isTrue();
    assertThat(area.at("/conditional/hide").asText()).isEqualTo("=procedureCode != \"outdoor-advertising-permit\"");
    JsonNode from = component("road-occupancy-permit__occupancyFrom");
    assertThat(from.get("type").asText()).isEqualTo("datetime");
    assertThat(from.get("subtype").asText()).isEqualTo("date");
    assertThat(from.get("dateLabel").asText()).isEqualTo("占用開始日");
    JsonNode optional = component("outdoor-advertising-permit__corporateNumber");
    assertThat(optional.get("type").asText()).isEqualTo("textfield");
    assertThat(optional.at("/validate/required").isMissingNode()).isTrue();
    // the same key in two procedures stays two fields
    assertThat(component("business-subsidy__corporateNumber").at("/conditional/hide").asText())
        .contains("business-subsidy");
    JsonNode received = component(AdministrativeProcedure.RECEIVED_ON);
    assertThat(received.get("subtype").asText()).isEqualTo("date");
    assertThat(received.at("/validate/required").asBoolean()).isTrue();
  }

  @Test
  void theEdgesAllowListIsTheGeneratedFields() {
    FormFields fields = FormFields.of(form);
    int dataFields = catalog.all().stream().mapToInt(p -> p.fields().size()).sum();
    assertThat(fields.editable()).hasSize(3 + 5 + 1 + dataFields)
        .contains("tenantId", "procedureCode", "receivedOn", "applicantName", "paperDocumentsReceived",
            "road-occupancy-permit__roadName")
        .doesNotContain("applicationData");
    List<String> ids = new ArrayList<>();
    form.get("components").forEach(c -> ids.add(c.get("id").asText()));
    assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("(Field|Text)_[A-Za-z0-9_]+"));
  }

  @Test
  void individualNumbersAreNotOfferedOnPaper() throws IOException {
    ProcedureCatalog withNumber = ProcedureCatalog.load(List.of(ProcedureCatalogTest.yaml("mynumber.yaml",
        ProcedureCatalogTest.VALID.replace("fields: [ { key: useDate, label: 使用日, type: date, required: true } ]",
            "fields: [ { key: useDate, label: 使用日, type: date, required: true },"
                + " { key: personalNumber, label: 個人番号, type: individual-number, required: false } ]"))));
    assertThat(FormFields.of(PaperApplicationForm.form(withNumber)).editable())
        .contains("garden-permit__useDate").doesNotContain("garden-permit__personalNumber");
  }

  @Test
  void aNarrowedFormOffersOnlyTheGivenTenantsAndPicksTheOnlyOne() {
    JsonNode narrowed = PaperApplicationForm.form(catalog, List.of("demo-ku"), t -> "デモ区");
    JsonNode tenant = find(narrowed, AdministrativeProcedure.TENANT_ID);
    assertThat(values(tenant)).containsExactly("demo-ku");
    assertThat(tenant.get("values").get(0).get("label").asText()).isEqualTo("デモ区");
    assertThat(tenant.get("defaultValue").asText()).isEqualTo("demo-ku");
    assertThat(FormFields.of(narrowed)).isEqualTo(FormFields.of(form));
    assertThat(values(find(PaperApplicationForm.form(catalog, List.of("other-town"), t -> t),
        AdministrativeProcedure.PROCEDURE_CODE))).isEmpty();
  }

  @Test
  void aFilledInFormIsReadBackAsTheSubmissionTheServiceChecks() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("tenantId", "demo-ku");
    variables.put("procedureCode", "outdoor-advertising-permit");
    variables.put("receivedOn", "2026-11-13");
    variables.put("applicantName", "デモ看板株式会社");
    variables.put("applicantPhone", "03-0000-0000");
    variables.put("paperDocumentsReceived", true);
    variables.put("outdoor-advertising-permit__location", "デモ区1-1");
    variables.put("outdoor-advertising-permit__displayArea", 4.5);
    variables.put("outdoor-advertising-permit__corporateNumber", null);
    ApplicationService.Submission submission = PaperApplicationForm.submission(catalog, variables);
    assertThat(submission.tenantId()).isEqualTo("demo-ku");
    assertThat(submission.procedureCode()).isEqualTo("outdoor-advertising-permit");
    assertThat(submission.receivedOn()).isEqualTo("2026-11-13");
    assertThat(submission.applicant().toString()).isEqualTo("{\"name\":\"デモ看板株式会社\",\"phone\":\"03-0000-0000\"}");
    assertThat(submission.data().get("location").asText()).isEqualTo("デモ区1-1");
    assertThat(submission.data().get("displayArea").isNumber()).isTrue();
    assertThat(submission.data().has("corporateNumber")).isFalse();
    assertThat(submission.documents()).isNull();
    assertThat(PaperApplicationForm.contentKeys(variables)).isEqualTo(Set.of("applicantPhone",
        "outdoor-advertising-permit__location", "outdoor-advertising-permit__displayArea",
        "outdoor-advertising-permit__corporateNumber"));

    // a field of another procedure than the one chosen is refused, in Japanese with its label
    variables.put("road-occupancy-permit__roadName", "区道1号");
    assertThatThrownBy(() -> PaperApplicationForm.submission(catalog, variables))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.japanese())
            .isEqualTo("「道路名」は手続「屋外広告物表示許可申請」の申請内容ではありません。"));
  }

  private static JsonNode component(String key) {
    return find(form, key);
  }

  private static JsonNode find(JsonNode form, String key) {
    for (JsonNode c : form.get("components")) {
      if (key.equals(c.path("key").asText())) {
        return c;
      }
    }
    throw new AssertionError("no field " + key);
  }

  private static List<String> values(JsonNode select) {
    List<String> out = new ArrayList<>();
    select.get("values").forEach(v -> out.add(v.get("value").asText()));
    return out;
  }
}
