package jp.tetsuzuki.bpmn;

/** Variables every Tetsuzuki model understands. */
public final class CommonVariables {

  /** The municipality a case belongs to (start variable; decides the case's tenant). */
  public static final String TENANT_ID = "tenantId";

  private CommonVariables() {}
}
