package jp.tetsuzuki.processes.childcare.nursery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import jp.tetsuzuki.processes.childcare.nursery.CapacityRules.Entry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks of a nursery system's snapshot, table-driven (domain childcare.md: places per facility and age class,
 * the class age is the age on 1 April, 0–5): each bad entry is named by its field and a Japanese sentence.
 */
class CapacityRulesTest {

  static final Set<String> SERVED = Set.of("minami", "kita");
  static final java.time.YearMonth NOW = java.time.YearMonth.of(2026, 12);

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of(new Entry("higashi", "2027-04", 0, 1), "capacities[1].facilityId", "担当する施設ではありません"),
        Arguments.of(new Entry(null, "2027-04", 0, 1), "capacities[1].facilityId", "保育所IDがありません"),
        Arguments.of(new Entry("kita", "2027-4", 0, 1), "capacities[1].admissionMonth", "YYYY-MM"),
        Arguments.of(new Entry("kita", "2027-13", 0, 1), "capacities[1].admissionMonth", "YYYY-MM"),
        Arguments.of(new Entry("kita", "２０２７-04", 0, 1), "capacities[1].admissionMonth", "YYYY-MM"),
        Arguments.of(new Entry("kita", "1999-04", 0, 1), "capacities[1].admissionMonth", "YYYY-MM"),
        // N6 (second attacker pass): months gone by and months years ahead were stored
        Arguments.of(new Entry("kita", "2000-01", 0, 1), "capacities[1].admissionMonth", "過ぎた月"),
        Arguments.of(new Entry("kita", "2026-11", 0, 1), "capacities[1].admissionMonth", "2026-12 から 2028-12"),
        Arguments.of(new Entry("kita", "2029-01", 0, 1), "capacities[1].admissionMonth", "2026-12 から 2028-12"),
        Arguments.of(new Entry("kita", null, 0, 1), "capacities[1].admissionMonth", "YYYY-MM"),
        Arguments.of(new Entry("kita", "2027-04", 6, 1), "capacities[1].classAge", "0〜5"),
        Arguments.of(new Entry("kita", "2027-04", -1, 1), "capacities[1].classAge", "0〜5"),
        Arguments.of(new Entry("kita", "2027-04", null, 1), "capacities[1].classAge", "0〜5"),
        Arguments.of(new Entry("kita", "2027-04", 0, -1), "capacities[1].capacity", "0〜999"),
        Arguments.of(new Entry("kita", "2027-04", 0, 1000), "capacities[1].capacity", "0〜999"),
        Arguments.of(new Entry("kita", "2027-04", 0, null), "capacities[1].capacity", "0〜999"),
        Arguments.of(new Entry("minami", "2027-04", 0, 2), "capacities[1]", "重複"),
        Arguments.of(null, "capacities[1]", "空"));
  }

  @ParameterizedTest
  @MethodSource("refused")
  void aBadSecondEntryIsNamedWithItsFieldAndAJapaneseSentence(Entry bad, String field, String japanese) {
    List<Entry> entries = new ArrayList<>();
    entries.add(new Entry("minami", "2027-04", 0, 3));
    entries.add(bad);

    CapacityRules.Problem problem = CapacityRules.check(entries, SERVED, NOW);

    assertThat(problem).isNotNull();
    assertThat(problem.field()).isEqualTo(field);
    assertThat(problem.messageJa()).contains("2件目").contains(japanese);
  }

  @Test
  void aGoodSnapshotPassesIncludingZeroAndTheBounds() {
    assertThat(CapacityRules.check(List.of(new Entry("minami", "2027-04", 0, 0), new Entry("minami", "2027-04", 5,
        999), new Entry("kita", "2028-12", 3, 1), new Entry("kita", "2026-12", 3, 1)), SERVED, NOW)).isNull();
  }

  @Test
  void anEmptyOrOversizedSnapshotIsRefused() {
    assertThat(CapacityRules.check(List.of(), SERVED, NOW).field()).isEqualTo("capacities");
    assertThat(CapacityRules.check(null, SERVED, NOW).field()).isEqualTo("capacities");
    List<Entry> many = Collections.nCopies(CapacityRules.MAX_ENTRIES + 1, new Entry("minami", "2027-04", 0, 1));
    assertThat(CapacityRules.check(many, SERVED, NOW).messageJa()).contains("50000件まで");
  }
}
