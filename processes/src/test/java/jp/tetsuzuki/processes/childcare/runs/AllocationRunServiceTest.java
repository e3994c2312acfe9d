package jp.tetsuzuki.processes.childcare.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jp.tetsuzuki.processes.api.ApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Review C6: {@code max-result-bytes} bounded only the JSON answer; the result file (result.csv) is bounded too,
 * before anything is stored. A small bound here, so the file is what exceeds it (a municipality's own long column
 * is kept in the result file, not in the answer).
 */
class AllocationRunServiceTest {

  private final List<AllocationRun> stored = new ArrayList<>();
  private final AllocationRunStore store = new AllocationRunStore(null) {
    @Override
    void insert(AllocationRun run, String applicantsSha256, String facilitiesSha256) {
      stored.add(run);
    }
  };
  private AllocationRunPool pool;

  @AfterEach
  void closePool() {
    if (pool != null) {
      pool.close();
    }
  }

  private AllocationRunService service(int maxResultBytes) {
    AllocationRunProperties limits = new AllocationRunProperties(8_388_608, 30_000, 3_000, 60_000, maxResultBytes,
        1, 0, Duration.ofSeconds(30));
    pool = new AllocationRunPool(limits);
    return new AllocationRunService(store, limits, new ObjectMapper().findAndRegisterModules(), pool);
  }

  @Test
  void aResultFileLargerThanTheBoundIsRefusedWith413AndNothingIsStored() {
    String applicants = "申請者番号,世帯番号,年齢,希望保育園ID_1,備考\n1,1,3,10," + "x".repeat(5_000) + "\n";
    byte[] a = applicants.getBytes(StandardCharsets.UTF_8);
    byte[] f = AllocationRunHttpTest.FACILITIES.getBytes(StandardCharsets.UTF_8);

    AllocationRun run = service(8_000).create("demo-ku", "staff-ku", a, f, null);
    long answer = run.resultsJson().getBytes(StandardCharsets.UTF_8).length;
    long file = run.resultCsv().getBytes(StandardCharsets.UTF_8).length;
    assertThat(answer).isLessThan(2_000);
    assertThat(file).isGreaterThan(5_000);
    assertThat(AllocationRunService.utf8Length(run.resultCsv())).isEqualTo(file);
    assertThat(stored).hasSize(1);
    pool.close();

    assertThatThrownBy(() -> service(4_000).create("demo-ku", "staff-ku", a, f, null))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(413);
          assertThat(e.field()).isEqualTo("applicants");
          assertThat(e.getMessage()).contains("result file would be " + file + " bytes");
          assertThat(e.japanese()).contains("結果ファイル").contains("4000");
        });
    assertThat(stored).hasSize(1);
  }

  @Test
  void utf8LengthCountsAsTheEncoderDoes() {
    for (String text : List.of("", "abc", "保育園", "é", "𠮷x", "ｱｲｳ")) {
      assertThat(AllocationRunService.utf8Length(text)).as(text)
          .isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }
  }
}
