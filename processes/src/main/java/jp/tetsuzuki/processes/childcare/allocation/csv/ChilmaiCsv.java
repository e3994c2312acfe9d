package jp.tetsuzuki.processes.childcare.allocation.csv;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.tetsuzuki.processes.childcare.allocation.AllocationRequest;
import jp.tetsuzuki.processes.childcare.allocation.AllocationResult;
import jp.tetsuzuki.processes.childcare.allocation.Applicant;
import jp.tetsuzuki.processes.childcare.allocation.Facility;
import jp.tetsuzuki.processes.childcare.allocation.Placement;
import jp.tetsuzuki.processes.childcare.allocation.Preference;
import jp.tetsuzuki.processes.childcare.allocation.SiblingPattern;

/**
 * The CSV files of ChilmAI (CyberAgent's open-source allocator) that municipalities already prepare, in and out.
 *
 * <p>Applicants: 申請者番号 (児童ID, child_id), 世帯番号 (世帯ID, household_id), 年齢 (age: the class age),
 * 点数N (スコアN, score_N: the score at preference N; with only 点数1 it counts for every preference),
 * 希望保育園ID_N (希望N, pref_N), 在籍保育所ID (enrolled_daycare_id), きょうだいパターン (sibling_pattern, 1…7), and as
 * our addition the published lottery number 抽選番号 (lottery_number). Facilities: 保育所ID (daycare_id), 保育所名
 * (daycare_name), N歳募集人数 (capacity_ageN). Column names are compared after NFKC (full-width digits and half-width
 * katakana are the same), case and spaces ignored; other columns are kept for the result file and otherwise ignored.
 * Every problem names its file, line and column, in English and Japanese.
 */
public final class ChilmaiCsv {

  /** Most problems one import reports. */
  public static final int MAX_PROBLEMS = 100;
  /**
   * Most preferences (希望保育園ID_1…_20, 点数1…20) an applicant may list: the bound of the applications API, far
   * above what municipal forms ask for (5 to 10). Each preference can add one explanation entry per child, so a
   * larger number only multiplies the answer (review F7).
   */
  public static final int MAX_PREFERENCES = 20;
  /**
   * Most columns of a line of either file (empty ones counted): the ChilmAI columns with 20 preferences and scores
   * are 46, a municipality's own columns fit beside them; a wider line is refused while it is read (review C6).
   */
  public static final int MAX_COLUMNS = 200;
  /**
   * Most children of one household (世帯番号) in one file. Real households have a handful of children of nursery age
   * (twins and triplets included); a "household" of thousands is no data but work for the sibling search (review C5).
   */
  public static final int MAX_HOUSEHOLD_CHILDREN = 10;
  /** Longest cell kept (ids, names). */
  public static final int MAX_CELL = 200;

  public static final String RESULT_ID = "入所選考結果保育所ID";
  public static final String RESULT_NAME = "入所選考結果保育所名";

  /** The applicants file as read: its header and rows (for the result file) and the request for the engine. */
  public record Imported(AllocationRequest request, List<String> header, List<CsvText.Row> rows,
      List<String> rowApplicantIds) {}

  private static final Pattern SCORE = Pattern.compile("(?:点数|スコア|score_?)(\\d{1,2})");
  private static final Pattern PREF = Pattern.compile("(?:希望保育園id_?|希望保育所id_?|希望|pref_?)(\\d{1,2})");
  private static final Pattern PLACES = Pattern.compile("(?:([0-5])歳募集人数|capacity_?age_?([0-5]))");

  private ChilmaiCsv() {}

  /** A header cell as compared: NFKC, lower case, without spaces and BOM. */
  static String normalize(String header) {
    String n = Normalizer.normalize(header, Normalizer.Form.NFKC).replace("\uFEFF", "");
    return n.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
  }

  private static String cell(String raw) {
    return Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
  }

  /**
   * Reads both files and checks them against each other.
   *
   * @param maxApplicants most data rows of the applicants file
   * @param maxFacilities most data rows of the facilities file
   */
  public static Imported read(String applicantsText, String facilitiesText, int maxApplicants, int maxFacilities) {
    Problems problems = new Problems();
    List<Facility> facilities = readFacilities(CsvText.parse(facilitiesText, CsvPart.FACILITIES, maxFacilities + 1,
        MAX_COLUMNS),
        problems);
    Map<String, Facility> byId = new HashMap<>();
    for (Facility f : facilities) {
      byId.putIfAbsent(f.id(), f);
    }
    List<CsvText.Row> rows = CsvText.parse(applicantsText, CsvPart.APPLICANTS, maxApplicants + 1, MAX_COLUMNS);
    if (rows.isEmpty()) {
      problems.add(CsvPart.APPLICANTS, 1, null, "EMPTY_FILE", "applicants: the file is empty",
          "申請者ファイルが空です。");
      throw problems.exception();
    }
    List<String> header = rows.get(0).cells();
    List<Applicant> applicants = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    readApplicants(rows, byId, problems, applicants, ids);
    problems.throwIfAny();
    return new Imported(new AllocationRequest(facilities, applicants), header, rows.subList(1, rows.size()), ids);
  }

  private static List<Facility> readFacilities(List<CsvText.Row> rows, Problems problems) {
    CsvPart part = CsvPart.FACILITIES;
    if (rows.isEmpty()) {
      problems.add(part, 1, null, "EMPTY_FILE", "facilities: the file is empty", "保育所ファイルが空です。");
      throw problems.exception();
    }
    List<String> header = rows.get(0).cells();
    int idCol = -1;
    int nameCol = -1;
    int[] placesCol = {-1, -1, -1, -1, -1, -1};
    for (int c = 0; c < header.size(); c++) {
      String h = normalize(header.get(c));
      int found = -1;
      if (h.equals("保育所id") || h.equals("保育園id") || h.equals("daycare_id")) {
        found = idCol = once(idCol, c, header, part, problems);
      } else if (h.equals("保育所名") || h.equals("保育園名") || h.equals("daycare_name")) {
        found = nameCol = once(nameCol, c, header, part, problems);
      } else {
        Matcher m = PLACES.matcher(h);
        if (m.matches()) {
          int age = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
          placesCol[age] = once(placesCol[age], c, header, part, problems);
        }
      }
    }
    if (idCol < 0) {
      problems.add(part, 1, "保育所ID", "COLUMN_MISSING", "facilities: column 保育所ID (daycare_id) is missing",
          "保育所ファイルに「保育所ID」の列がありません。");
      throw problems.exception();
    }
    List<Facility> facilities = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int r = 1; r < rows.size(); r++) {
      CsvText.Row row = rows.get(r);
      String id = get(row, idCol);
      if (id.isEmpty()) {
        problems.add(part, row.line(), header.get(idCol), "VALUE_MISSING",
            "facilities line " + row.line() + ", column " + header.get(idCol) + ": required",
            "保育所ファイル " + row.line() + "行目「" + header.get(idCol) + "」：値がありません。");
        continue;
      }
      if (!checkLength(id, row, header.get(idCol), part, problems)) {
        continue;
      }
      Integer first = seen.putIfAbsent(id, row.line());
      if (first != null) {
        problems.add(part, row.line(), header.get(idCol), "DUPLICATE_ID",
            "facilities line " + row.line() + ", column " + header.get(idCol) + ": facility " + id
                + " is already on line " + first,
            "保育所ファイル " + row.line() + "行目「" + header.get(idCol) + "」：保育所ID " + id + " は " + first
                + "行目と重複しています。");
        continue;
      }
      String name = nameCol < 0 ? id : get(row, nameCol);
      if (!checkLength(name, row, nameCol < 0 ? "保育所名" : header.get(nameCol), part, problems)) {
        continue;
      }
      int[] places = new int[Facility.AGES];
      for (int age = 0; age < Facility.AGES; age++) {
        if (placesCol[age] < 0) {
          continue;
        }
        String v = get(row, placesCol[age]);
        if (v.isEmpty()) {
          continue;
        }
        Integer n = smallInt(v, 0, 100_000);
        if (n == null) {
          String col = header.get(placesCol[age]);
          problems.add(part, row.line(), col, "BAD_PLACES", "facilities line " + row.line() + ", column " + col
                  + ": places must be a whole number from 0, not '" + CsvText.abbreviate(v) + "'",
              "保育所ファイル " + row.line() + "行目「" + col + "」：募集人数は0以上の整数で入力してください（"
                  + CsvText.abbreviate(v) + "）。");
          continue;
        }
        places[age] = n;
      }
      facilities.add(new Facility(id, name.isEmpty() ? id : name, places));
    }
    return facilities;
  }

  private static void readApplicants(List<CsvText.Row> rows, Map<String, Facility> facilities, Problems problems,
      List<Applicant> applicants, List<String> ids) {
    CsvPart part = CsvPart.APPLICANTS;
    List<String> header = rows.get(0).cells();
    int idCol = -1;
    int householdCol = -1;
    int ageCol = -1;
    int currentCol = -1;
    int patternCol = -1;
    int lotteryCol = -1;
    TreeMap<Integer, Integer> scoreCols = new TreeMap<>();
    TreeMap<Integer, Integer> prefCols = new TreeMap<>();
    for (int c = 0; c < header.size(); c++) {
      String h = normalize(header.get(c));
      switch (h) {
        case "申請者番号", "児童id", "child_id" -> idCol = once(idCol, c, header, part, problems);
        case "世帯番号", "世帯id", "household_id" -> householdCol = once(householdCol, c, header, part, problems);
        case "年齢", "age" -> ageCol = once(ageCol, c, header, part, problems);
        case "在籍保育所id", "在籍保育園id", "enrolled_daycare_id" ->
            currentCol = once(currentCol, c, header, part, problems);
        case "きょうだいパターン", "兄弟パターン", "sibling_pattern" ->
            patternCol = once(patternCol, c, header, part, problems);
        case "抽選番号", "lottery_number" -> lotteryCol = once(lotteryCol, c, header, part, problems);
        default -> {
          Matcher s = SCORE.matcher(h);
          Matcher p = PREF.matcher(h);
          if (s.matches()) {
            int n = Integer.parseInt(s.group(1));
            scoreCols.put(n, once(scoreCols.getOrDefault(n, -1), c, header, part, problems));
          } else if (p.matches()) {
            int n = Integer.parseInt(p.group(1));
            prefCols.put(n, once(prefCols.getOrDefault(n, -1), c, header, part, problems));
          }
        }
      }
    }
    for (Map.Entry<Integer, Integer> numbered : Stream.concat(prefCols.entrySet().stream(),
        scoreCols.entrySet().stream()).toList()) {
      if (numbered.getKey() < 1 || numbered.getKey() > MAX_PREFERENCES) {
        String col = header.get(numbered.getValue());
        problems.add(part, 1, col, "TOO_MANY_PREFERENCES", "applicants line 1, column " + col
                + ": preferences are numbered 1 to " + MAX_PREFERENCES,
            "申請者ファイル 1行目「" + col + "」：希望（と点数）は第1～第" + MAX_PREFERENCES + "希望までです。");
      }
    }
    problems.throwIfAny();
    if (idCol < 0 || ageCol < 0 || prefCols.isEmpty()) {
      String missing = idCol < 0 ? "申請者番号" : ageCol < 0 ? "年齢" : "希望保育園ID_1";
      String english = idCol < 0 ? "child_id" : ageCol < 0 ? "age" : "pref_1";
      problems.add(part, 1, missing, "COLUMN_MISSING", "applicants: column " + missing + " (" + english
          + ") is missing", "申請者ファイルに「" + missing + "」の列がありません。");
      throw problems.exception();
    }
    Map<String, Integer> seen = new HashMap<>();
    Map<String, Integer> householdPattern = new HashMap<>();
    Map<String, Integer> householdLine = new HashMap<>();
    Map<String, Integer> householdChildren = new HashMap<>();
    for (int r = 1; r < rows.size(); r++) {
      CsvText.Row row = rows.get(r);
      int line = row.line();
      String id = get(row, idCol);
      if (id.isEmpty()) {
        missing(part, row, header.get(idCol), problems);
        ids.add(null);
        continue;
      }
      if (!checkLength(id, row, header.get(idCol), part, problems)) {
        ids.add(null);
        continue;
      }
      ids.add(id);
      Integer first = seen.putIfAbsent(id, line);
      if (first != null) {
        problems.add(part, line, header.get(idCol), "DUPLICATE_ID", "applicants line " + line + ", column "
                + header.get(idCol) + ": applicant " + id + " is already on line " + first,
            "申請者ファイル " + line + "行目「" + header.get(idCol) + "」：申請者番号 " + id + " は " + first
                + "行目と重複しています。");
        continue;
      }
      boolean ok = true;
      String household = householdCol < 0 ? "" : get(row, householdCol);
      if (!household.isEmpty() && !checkLength(household, row, header.get(householdCol), part, problems)) {
        ok = false;
      }
      if (!household.isEmpty() && householdChildren.merge(household, 1, Integer::sum) == MAX_HOUSEHOLD_CHILDREN + 1) {
        String col = header.get(householdCol);
        problems.add(part, line, col, "TOO_MANY_HOUSEHOLD_CHILDREN", "applicants line " + line + ", column " + col
                + ": household " + CsvText.abbreviate(household) + " has more than " + MAX_HOUSEHOLD_CHILDREN
                + " children (this is child " + (MAX_HOUSEHOLD_CHILDREN + 1) + ")",
            "申請者ファイル " + line + "行目「" + col + "」：同じ世帯（" + CsvText.abbreviate(household) + "）の児童は"
                + MAX_HOUSEHOLD_CHILDREN + "人までです（この行が" + (MAX_HOUSEHOLD_CHILDREN + 1) + "人目）。"
                + "世帯番号を確かめてください。");
        ok = false;
      }
      String ageText = get(row, ageCol);
      Integer age = smallInt(ageText, 0, Facility.AGES - 1);
      if (age == null) {
        String col = header.get(ageCol);
        problems.add(part, line, col, "BAD_AGE", "applicants line " + line + ", column " + col
                + ": the class age must be 0 to 5, not '" + CsvText.abbreviate(ageText) + "'",
            "申請者ファイル " + line + "行目「" + col + "」：年齢（4月1日時点のクラス年齢）は0～5で入力してください（"
                + CsvText.abbreviate(ageText) + "）。");
        ok = false;
      }
      SiblingPattern pattern = null;
      if (patternCol >= 0 && !get(row, patternCol).isEmpty()) {
        String v = get(row, patternCol);
        Integer code = smallInt(v, 1, 7);
        String col = header.get(patternCol);
        if (code == null) {
          problems.add(part, line, col, "BAD_SIBLING_PATTERN", "applicants line " + line + ", column " + col
                  + ": the sibling pattern must be 1 to 7 or empty, not '" + CsvText.abbreviate(v) + "'",
              "申請者ファイル " + line + "行目「" + col + "」：きょうだいパターンは1～7または空欄です（"
                  + CsvText.abbreviate(v) + "）。");
          ok = false;
        } else {
          pattern = SiblingPattern.ofCode(code).orElseThrow();
        }
      }
      if (!household.isEmpty()) {
        int code = pattern == null ? 0 : pattern.code();
        Integer firstCode = householdPattern.putIfAbsent(household, code);
        if (firstCode == null) {
          householdLine.put(household, line);
        } else if (firstCode != code && patternCol >= 0) {
          String col = header.get(patternCol);
          problems.add(part, line, col, "INCONSISTENT_SIBLING_PATTERN", "applicants line " + line + ", column "
                  + col + ": pattern " + (code == 0 ? "(empty)" : code) + " differs from pattern "
                  + (firstCode == 0 ? "(empty)" : firstCode) + " on line " + householdLine.get(household)
                  + " of the same household " + household,
              "申請者ファイル " + line + "行目「" + col + "」：同じ世帯（" + household + "）の " + householdLine.get(household)
                  + "行目とパターンが異なります（" + (code == 0 ? "空欄" : code) + " と " + (firstCode == 0 ? "空欄" : firstCode)
                  + "）。");
          ok = false;
        }
      }
      String current = currentCol < 0 ? "" : get(row, currentCol);
      if (!current.isEmpty() && !facilities.containsKey(current)) {
        unknownFacility(part, row, header.get(currentCol), current, problems);
        ok = false;
      }
      Long lottery = null;
      if (lotteryCol >= 0 && !get(row, lotteryCol).isEmpty()) {
        String v = get(row, lotteryCol);
        try {
          lottery = Long.parseLong(v);
        } catch (NumberFormatException e) {
          String col = header.get(lotteryCol);
          problems.add(part, line, col, "BAD_NUMBER", "applicants line " + line + ", column " + col
                  + ": a whole number, not '" + CsvText.abbreviate(v) + "'",
              "申請者ファイル " + line + "行目「" + col + "」：整数で入力してください（" + CsvText.abbreviate(v) + "）。");
          ok = false;
        }
      }
      Double firstScore = null;
      Integer firstScoreCol = scoreCols.get(1);
      if (firstScoreCol != null) {
        firstScore = score(row, firstScoreCol, header, problems);
        if (firstScore == null && !get(row, firstScoreCol).isEmpty()) {
          ok = false;
        }
      }
      List<Preference> prefs = new ArrayList<>();
      Map<String, Integer> listed = new HashMap<>();
      boolean gap = false;
      for (Map.Entry<Integer, Integer> e : prefCols.entrySet()) {
        String f = get(row, e.getValue());
        String col = header.get(e.getValue());
        if (f.isEmpty()) {
          gap = true;
          continue;
        }
        if (gap || e.getKey() != prefs.size() + 1) {
          problems.add(part, line, col, "PREFERENCE_GAP", "applicants line " + line + ", column " + col
                  + ": preferences must be filled in order from 1 without gaps",
              "申請者ファイル " + line + "行目「" + col + "」：希望は第1希望から順に、間を空けずに入力してください。");
          ok = false;
          break;
        }
        if (!facilities.containsKey(f)) {
          unknownFacility(part, row, col, f, problems);
          ok = false;
          continue;
        }
        Integer before = listed.putIfAbsent(f, e.getKey());
        if (before != null) {
          problems.add(part, line, col, "DUPLICATE_PREFERENCE", "applicants line " + line + ", column " + col
                  + ": facility " + f + " is already preference " + before,
              "申請者ファイル " + line + "行目「" + col + "」：保育所ID " + f + " は第" + before + "希望と重複しています。");
          ok = false;
          continue;
        }
        Integer scoreCol = scoreCols.get(e.getKey());
        Double s = scoreCol == null || get(row, scoreCol).isEmpty() ? firstScore
            : score(row, scoreCol, header, problems);
        if (scoreCol != null && s == null && !get(row, scoreCol).isEmpty()) {
          ok = false;
        }
        prefs.add(new Preference(f, s == null ? 0 : s));
      }
      if (ok && !problems.full()) {
        applicants.add(new Applicant(id, household.isEmpty() ? null : household, age, prefs,
            current.isEmpty() ? null : current, pattern, lottery, Map.of()));
      }
    }
  }

  private static Double score(CsvText.Row row, int col, List<String> header, Problems problems) {
    String v = get(row, col);
    if (v.isEmpty()) {
      return null;
    }
    try {
      double d = Double.parseDouble(v);
      if (Double.isFinite(d) && Math.abs(d) <= 1e9 && !v.contains("x") && !v.contains("X")) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(CsvPart.APPLICANTS, row.line(), header.get(col), "BAD_SCORE", "applicants line " + row.line()
            + ", column " + header.get(col) + ": a number, not '" + CsvText.abbreviate(v) + "'",
        "申請者ファイル " + row.line() + "行目「" + header.get(col) + "」：点数は数値で入力してください（"
            + CsvText.abbreviate(v) + "）。");
    return null;
  }

  private static void unknownFacility(CsvPart part, CsvText.Row row, String col, String id, Problems problems) {
    problems.add(part, row.line(), col, "UNKNOWN_FACILITY", "applicants line " + row.line() + ", column " + col
            + ": facility " + CsvText.abbreviate(id) + " is not in the facilities file",
        "申請者ファイル " + row.line() + "行目「" + col + "」：保育所ID " + CsvText.abbreviate(id) + " は保育所ファイルにありません。");
  }

  private static void missing(CsvPart part, CsvText.Row row, String col, Problems problems) {
    problems.add(part, row.line(), col, "VALUE_MISSING", part.name + " line " + row.line() + ", column " + col
        + ": required", part.ja + " " + row.line() + "行目「" + col + "」：値がありません。");
  }

  private static boolean checkLength(String v, CsvText.Row row, String col, CsvPart part, Problems problems) {
    if (v.length() <= MAX_CELL) {
      return true;
    }
    problems.add(part, row.line(), col, "VALUE_TOO_LONG", part.name + " line " + row.line() + ", column " + col
        + ": at most " + MAX_CELL + " characters", part.ja + " " + row.line() + "行目「" + col + "」：" + MAX_CELL
        + "文字以内で入力してください。");
    return false;
  }

  private static int once(int existing, int c, List<String> header, CsvPart part, Problems problems) {
    if (existing >= 0) {
      problems.add(part, 1, header.get(c), "DUPLICATE_COLUMN", part.name + " line 1: column " + header.get(c)
              + " means the same as column " + header.get(existing),
          part.ja + " 1行目：列「" + header.get(c) + "」と列「" + header.get(existing) + "」は同じ項目です。");
      return existing;
    }
    return c;
  }

  private static String get(CsvText.Row row, int col) {
    return col < row.cells().size() ? cell(row.cells().get(col)) : "";
  }

  private static Integer smallInt(String v, int min, int max) {
    if (v.isEmpty() || v.length() > 9) {
      return null;
    }
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) < '0' || v.charAt(i) > '9') {
        return null;
      }
    }
    int n = Integer.parseInt(v);
    return n < min || n > max ? null : n;
  }

  /**
   * The applicants file with 入所選考結果保育所ID and 入所選考結果保育所名 filled in (added after the last named column,
   * or overwritten where the file has them already); waiting children get empty cells. Only the named columns are
   * written: empty header cells after the last name, and the cells under them, are left out, so a row is padded at
   * most to the named columns (review C6: a header of 100,000 commas made every row 100,000 cells).
   */
  public static String result(Imported imported, AllocationResult result) {
    Map<String, Placement> by = result.byApplicant();
    Map<String, String> names = new LinkedHashMap<>();
    for (Facility f : imported.request().facilities()) {
      names.put(f.id(), f.name());
    }
    List<String> header = new ArrayList<>(named(imported.header()));
    int known = header.size();
    int idCol = -1;
    int nameCol = -1;
    for (int c = 0; c < header.size(); c++) {
      String h = normalize(header.get(c));
      if (h.equals(normalize(RESULT_ID))) {
        idCol = c;
      } else if (h.equals(normalize(RESULT_NAME))) {
        nameCol = c;
      }
    }
    if (idCol < 0) {
      idCol = header.size();
      header.add(RESULT_ID);
    }
    if (nameCol < 0) {
      nameCol = header.size();
      header.add(RESULT_NAME);
    }
    if (!header.isEmpty()) {
      header.set(0, header.get(0).replace("\uFEFF", ""));
    }
    StringBuilder out = new StringBuilder();
    CsvText.appendRecord(out, header);
    for (int r = 0; r < imported.rows().size(); r++) {
      List<String> row = imported.rows().get(r).cells();
      List<String> cells = new ArrayList<>(header.size());
      cells.addAll(row.subList(0, Math.min(row.size(), known)));
      while (cells.size() < header.size()) {
        cells.add("");
      }
      Placement p = by.get(imported.rowApplicantIds().get(r));
      String facility = p == null ? null : p.facilityId();
      cells.set(idCol, facility == null ? "" : facility);
      cells.set(nameCol, facility == null ? "" : names.getOrDefault(facility, ""));
      CsvText.appendRecord(out, cells);
    }
    return out.toString();
  }

  /** The header up to its last named (non-blank) cell. */
  private static List<String> named(List<String> header) {
    int end = header.size();
    while (end > 0 && header.get(end - 1).replace("\uFEFF", "").isBlank()) {
      end--;
    }
    return header.subList(0, end);
  }

  /** Collects problems up to {@link #MAX_PROBLEMS}. */
  private static final class Problems {
    private final List<CsvProblem> list = new ArrayList<>();

    void add(CsvPart part, int line, String column, String code, String message, String messageJa) {
      if (list.size() < MAX_PROBLEMS) {
        list.add(new CsvProblem(part, line, column, code, message, messageJa));
      }
    }

    boolean full() {
      return list.size() >= MAX_PROBLEMS;
    }

    CsvFormatException exception() {
      return new CsvFormatException(list);
    }

    void throwIfAny() {
      if (!list.isEmpty()) {
        throw exception();
      }
    }
  }
}
