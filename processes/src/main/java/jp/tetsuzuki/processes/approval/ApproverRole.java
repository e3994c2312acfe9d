package jp.tetsuzuki.processes.approval;

import java.util.Locale;
import java.util.Optional;

/** Roles a route step names, relative to a department: the head of its 課, of its 部 or of its 局. */
public enum ApproverRole {
  KACHO(OrgUnit.Level.KA, "課長"),
  BUCHO(OrgUnit.Level.BU, "部長"),
  KYOKUCHO(OrgUnit.Level.KYOKU, "局長");

  private final OrgUnit.Level level;
  private final String label;

  ApproverRole(OrgUnit.Level level, String label) {
    this.level = level;
    this.label = label;
  }

  public OrgUnit.Level level() {
    return level;
  }

  /** Japanese title shown to staff. */
  public String label() {
    return label;
  }

  /** The next role up the chain (課長 → 部長 → 局長), used for escalation. */
  public Optional<ApproverRole> superior() {
    return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
  }

  /** Parses the route table's value ({@code kacho}, {@code bucho}, {@code kyokucho}). */
  public static ApproverRole parse(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("role is missing");
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("role '" + value + "' is not one of kacho, bucho, kyokucho");
    }
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
