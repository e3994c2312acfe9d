package jp.tetsuzuki.processes.childcare.round;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.tetsuzuki.processes.childcare.allocation.Facility;

/**
 * Reads the places of a round, one facility a line: {@code 保育所ID,保育所名,0歳,1歳,2歳,3歳,4歳,5歳} (the ChilmAI
 * facilities columns without the header). Problems name the line, in Japanese.
 */
public final class FacilityPlaces {

  public static final int MAX_FACILITIES = 5_000;

  private FacilityPlaces() {}

  /** A line that cannot be read; {@code line} is 1-based. */
  public static final class InvalidFacilitiesException extends RuntimeException {
    private final int line;
    private final String messageJa;

    InvalidFacilitiesException(int line, String messageJa) {
      super("facilitiesText: line " + line);
      this.line = line;
      this.messageJa = messageJa;
    }

    public int line() {
      return line;
    }

    public String messageJa() {
      return messageJa;
    }
  }

  public static List<Facility> parse(String text) {
    return parse(text, Map.of());
  }

  /**
   * As {@link #parse(String)}, against the tenant's facility list (id → name, {@code tz_nursery_facility}): when the
   * list is not empty, every id must be on it and its name is the list's, never the typed one (review C7: an
   * override renamed the tenant's facilities and invented others).
   */
  public static List<Facility> parse(String text, Map<String, String> tenantFacilities) {
    if (text == null || text.isBlank()) {
      throw new InvalidFacilitiesException(0, "施設の募集人数を入力してください。");
    }
    List<Facility> facilities = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    String[] lines = text.strip().split("\\R");
    for (int i = 0; i < lines.length; i++) {
      int line = i + 1;
      String row = lines[i].strip();
      if (row.isEmpty()) {
        continue;
      }
      String[] cells = row.split(",", -1);
      if (cells.length != 2 + Facility.AGES) {
        throw new InvalidFacilitiesException(line, line + "行目: 保育所ID、保育所名、0歳〜5歳の募集人数の8項目を入力してください。");
      }
      String id = cells[0].strip();
      if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
        throw new InvalidFacilitiesException(line, line + "行目: 保育所IDは英数字・-・_の64文字以内で入力してください。");
      }
      if (!tenantFacilities.isEmpty() && !tenantFacilities.containsKey(id)) {
        throw new InvalidFacilitiesException(line, line + "行目: 保育所ID " + id + " はこの自治体の保育施設"
            + "（保育施設システムに登録された施設）にありません。");
      }
      if (!ids.add(id)) {
        throw new InvalidFacilitiesException(line, line + "行目: 保育所ID " + id + " が重複しています。");
      }
      int[] places = new int[Facility.AGES];
      for (int age = 0; age < Facility.AGES; age++) {
        String cell = cells[2 + age].strip();
        if (!cell.matches("\\d{1,4}")) {
          throw new InvalidFacilitiesException(line, line + "行目: " + age + "歳の募集人数は0以上の整数で入力してください。");
        }
        places[age] = Integer.parseInt(cell);
      }
      String name = tenantFacilities.isEmpty() ? cells[1].strip() : tenantFacilities.get(id);
      facilities.add(Facility.of(id, name.length() > 200 ? name.substring(0, 200) : name, places));
      if (facilities.size() > MAX_FACILITIES) {
        throw new InvalidFacilitiesException(line, "施設は" + MAX_FACILITIES + "件までです。");
      }
    }
    return facilities;
  }
}
