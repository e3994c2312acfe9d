package jp.tetsuzuki.processes.childcare.allocation;

import java.util.Optional;

/**
 * The household's wish for its children applying together (きょうだいパターン, numbered as in ChilmAI). Every child of
 * one household carries the same pattern; pattern 7 (each child on its own preferences, months may differ) binds
 * nothing, so its children are placed like children without siblings.
 */
public enum SiblingPattern {
  /** 同保同時: the same facility, all in this round, or nobody. */
  SAME_FACILITY_TOGETHER(1, "同保同時", Same.REQUIRED, Partial.NONE),
  /** 同保順次(上): the same facility; the elder may go alone (the younger follow in a later month). */
  SAME_FACILITY_ELDER_FIRST(2, "同保順次(上)", Same.REQUIRED, Partial.ELDEST),
  /** 同保順次(下): the same facility; the younger may go alone. */
  SAME_FACILITY_YOUNGER_FIRST(3, "同保順次(下)", Same.REQUIRED, Partial.YOUNGEST),
  /** 別保同時(同): the same facility preferred, otherwise different facilities, all in this round. */
  TOGETHER_SAME_PREFERRED(4, "別保同時(同)", Same.PREFERRED, Partial.NONE),
  /** 別保順次(同): the same facility preferred, otherwise different facilities; some may go first. */
  ANY_SAME_PREFERRED(5, "別保順次(同)", Same.PREFERRED, Partial.ANY),
  /** 別保同時(希): each child on its own preferences, all in this round. */
  TOGETHER_OWN_PREFERENCES(6, "別保同時(希)", Same.NOT_REQUIRED, Partial.NONE),
  /** 別保順次(希): each child on its own preferences, months may differ: no joint constraint. */
  INDEPENDENT(7, "別保順次(希)", Same.NOT_REQUIRED, Partial.INDEPENDENT);

  enum Same { REQUIRED, PREFERRED, NOT_REQUIRED }

  /** Which children may be placed while the others wait. */
  enum Partial { NONE, ELDEST, YOUNGEST, ANY, INDEPENDENT }

  private final int code;
  private final String labelJa;
  final Same same;
  final Partial partial;

  SiblingPattern(int code, String labelJa, Same same, Partial partial) {
    this.code = code;
    this.labelJa = labelJa;
    this.same = same;
    this.partial = partial;
  }

  /** The number in ChilmAI's きょうだいパターン column (1…7). */
  public int code() {
    return code;
  }

  public String labelJa() {
    return labelJa;
  }

  /** Whether the household must be placed jointly (patterns 1 to 6). */
  public boolean joint() {
    return partial != Partial.INDEPENDENT;
  }

  public static Optional<SiblingPattern> ofCode(int code) {
    for (SiblingPattern p : values()) {
      if (p.code == code) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
