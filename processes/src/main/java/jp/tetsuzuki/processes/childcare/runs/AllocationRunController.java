package jp.tetsuzuki.processes.childcare.runs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import jp.tetsuzuki.processes.api.ApiException;
import jp.tetsuzuki.processes.childcare.allocation.csv.CsvText;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Stand-alone allocation for municipalities that keep their own data: the two ChilmAI CSV files in, every child's
 * result with its explanation out, stored for the tenant and readable again (also as the result CSV).
 */
@RestController
@RequestMapping("/api/v1/childcare/allocation-runs")
@Tag(name = "childcare allocation runs",
    description = "Allocation of children to nurseries from ChilmAI CSV files (UTF-8 or windows-31j)")
class AllocationRunController {

  private final AllocationRunService runs;
  private final AllocationRunStore store;
  private final AllocationRunAccess access;
  private final AllocationRunProperties properties;

  AllocationRunController(AllocationRunService runs, AllocationRunStore store, AllocationRunAccess access,
      AllocationRunProperties properties) {
    this.runs = runs;
    this.store = store;
    this.access = access;
    this.properties = properties;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Run an allocation from the ChilmAI files (multipart parts applicants and facilities)",
      description = "201 with the run id and, per applicant, facilityId (null: waiting), outcome (PLACED, "
          + "KEPT_CURRENT, WAITING), preferenceRank, summaryJa and explanation (one entry per facility ranked above "
          + "the result: reason code, places in the class age, admitted, cutoffScore, ownScore, messageJa). "
          + "Columns: 申請者番号/児童ID/child_id, 世帯番号/世帯ID/household_id, 年齢/age, 点数N/スコアN/score_N, "
          + "希望保育園ID_N/希望N/pref_N, 在籍保育所ID/enrolled_daycare_id, きょうだいパターン/sibling_pattern (1-7), "
          + "抽選番号/lottery_number; 保育所ID/daycare_id, 保育所名/daycare_name, N歳募集人数/capacity_ageN. "
          + "400 problem JSON naming the part, line and column of every problem (errors[]; at most 200 columns a "
          + "line, TOO_MANY_COLUMNS; at most 10 children a household, TOO_MANY_HOUSEHOLD_CHILDREN); 413 when a file, "
          + "the answer or the result file is too large; 503 with Retry-After when the node's allocation runs are "
          + "busy. The tenant is the caller's; tenantId only when the account belongs to several.")
  @ApiResponse(responseCode = "201", description = "the run and its results")
  @ApiResponse(responseCode = "400", description = "a file cannot be read or is inconsistent (errors[] with "
      + "part, line, column, code, message, messageJa)")
  @ApiResponse(responseCode = "413", description = "a file, the answer or the result file is larger than the limit")
  @ApiResponse(responseCode = "503", description = "every allocation-run thread of the node and its queue are in "
      + "use (Retry-After, messageJa)")
  ResponseEntity<String> create(@RequestPart("applicants") MultipartFile applicants,
      @RequestPart("facilities") MultipartFile facilities,
      @Parameter(description = "UTF-8 or windows-31j (also Shift_JIS, MS932, CP932: all read as windows-31j); "
          + "default: detected (UTF-8 BOM, valid UTF-8, else windows-31j)")
      @RequestParam(required = false) String charset,
      @Parameter(description = "the tenant, when the account belongs to several")
      @RequestParam(required = false) String tenantId, Principal caller) throws IOException {
    String tenant = tenantOf(tenantId, caller.getName());
    byte[] a = bounded(applicants, "applicants");
    byte[] f = bounded(facilities, "facilities");
    AllocationRun run = runs.create(tenant, caller.getName(), a, f, charset);
    return ResponseEntity.created(URI.create("/api/v1/childcare/allocation-runs/" + run.id()))
        .contentType(MediaType.APPLICATION_JSON).body(run.resultsJson());
  }

  @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "A run as it was answered",
      description = "404 for runs of other tenants and, for outside systems, for runs another account made.")
  ResponseEntity<String> find(@PathVariable String id, Principal caller) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(visible(id, caller).resultsJson());
  }

  @GetMapping("/{id}/result.csv")
  @Operation(summary = "The applicants file with 入所選考結果保育所ID and 入所選考結果保育所名 added",
      description = "UTF-8 with BOM by default; charset=windows-31j (or Shift_JIS) for legacy tools (a character "
          + "it cannot hold is a 400 naming the line, never a silent '?').")
  ResponseEntity<byte[]> resultCsv(@PathVariable String id, @RequestParam(required = false) String charset,
      Principal caller) {
    AllocationRun run = visible(id, caller);
    Charset cs = charset == null || charset.isBlank() ? StandardCharsets.UTF_8 : CsvText.charsetNamed(charset);
    byte[] body = CsvText.encode(run.resultCsv(), cs);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", cs))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"allocation-" + run.id() + ".csv\"")
        .body(body);
  }

  private AllocationRun visible(String id, Principal caller) {
    if (id.length() > 36) {
      throw ApiException.notFound("no allocation run with that id");
    }
    return access.visible(store.find(id), caller.getName())
        .orElseThrow(() -> ApiException.notFound("no allocation run '" + id + "'"));
  }

  private String tenantOf(String tenantId, String caller) {
    if (tenantId != null && !tenantId.isBlank()) {
      if (tenantId.length() > 64 || !access.isMember(tenantId, caller)) {
        throw ApiException.notFound("tenantId: no such tenant for this account");
      }
      return tenantId;
    }
    List<String> tenants = access.tenantsOf(caller);
    if (tenants.size() == 1) {
      return tenants.get(0);
    }
    if (tenants.isEmpty()) {
      throw ApiException.notFound("tenantId: this account belongs to no tenant");
    }
    throw ApiException.invalid("tenantId", "tenantId: required, this account belongs to several tenants "
        + tenants, "自治体（tenantId）を指定してください。");
  }

  private byte[] bounded(MultipartFile file, String part) throws IOException {
    if (file.getSize() > properties.maxFileBytes()) {
      throw new ApiException(413, part, part + ": larger than " + properties.maxFileBytes() + " bytes",
          (part.equals("applicants") ? "申請者ファイル" : "保育所ファイル") + "が大きすぎます（上限 "
              + properties.maxFileBytes() + " バイト）。");
    }
    if (file.isEmpty()) {
      throw ApiException.invalid(part, part + ": the file is empty",
          (part.equals("applicants") ? "申請者ファイル" : "保育所ファイル") + "が空です。");
    }
    return file.getBytes();
  }
}
