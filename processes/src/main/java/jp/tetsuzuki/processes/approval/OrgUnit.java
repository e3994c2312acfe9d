package jp.tetsuzuki.processes.approval;

/**
 * One unit of a municipality's organisation: a 課 under a 部 under a 局, with its head (課長, 部長, 局長).
 *
 * @param headUserId user id of the unit's head; null while the post is vacant
 */
public record OrgUnit(String code, String name, Level level, String parentCode, String headUserId) {

  /** Levels of the chain, lowest first. */
  public enum Level { KA, BU, KYOKU }
}
