package jp.tetsuzuki.processes.childcare.points;

/** The tenant has no points table for the fiscal year (no decision deployed under that key). */
public class PointsTableMissingException extends RuntimeException {

  private final String tenantId;
  private final int fiscalYear;

  public PointsTableMissingException(String tenantId, int fiscalYear) {
    super("No childcare points table for tenant " + tenantId + " and fiscal year " + fiscalYear);
    this.tenantId = tenantId;
    this.fiscalYear = fiscalYear;
  }

  public String tenantId() {
    return tenantId;
  }

  public int fiscalYear() {
    return fiscalYear;
  }

  public String messageJa() {
    return fiscalYear + "年度の指数表が登録されていません。";
  }
}
