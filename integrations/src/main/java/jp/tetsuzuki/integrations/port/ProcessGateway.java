package jp.tetsuzuki.integrations.port;

import java.util.Map;

/** What routes need from the engine; the platform implements it. */
public interface ProcessGateway {

  /**
   * Starts a case of the model {@code processKey} for the municipality {@code tenantId} as the service identity
   * {@code serviceUser}, at most once per tenant, model and business key, ever: a business key that started a case
   * before (running or ended) starts nothing and answers with that case. The claim of the business key and the
   * start are one transaction, so a failed start leaves no claim, and of two nodes only one starts the case.
   *
   * <p>The engine checks the identity's authorizations and tenants as for any user; the identity must be a service
   * identity of the integrations (never an administrator).
   *
   * @return the case and whether this call started it
   * @throws IllegalArgumentException when the tenant is unknown or not served by the identity, or the identity is
   *     not a service identity; the message (Japanese) names the problem
   */
  StartResult startOnce(String serviceUser, String processKey, String tenantId, String businessKey,
      Map<String, Object> variables);

  /**
   * Submits an application (行政手続の申請) of the municipality {@code tenantId} as the service identity, through the
   * platform's application service: the same checks, record, events and case as an application through the public
   * API. The business key is the application's idempotency key for this identity: a file read again registers
   * nothing new and answers with the first application's case.
   *
   * @param application {@code procedureCode}, {@code applicant} ({@code name}, …), {@code data} (the catalog's
   *     fields) and optionally {@code documents} ({@code [{documentId, kind}]}), as in {@code POST /api/v1/applications}
   * @return the case of the application and whether this call registered it
   * @throws IllegalArgumentException when the application is refused; the message (Japanese) names the field and the
   *     problem as the API's {@code messageJa} does
   */
  StartResult submitApplication(String serviceUser, String tenantId, String businessKey,
      Map<String, Object> application);

  /**
   * @param processInstanceId the case carrying the business key (it may have ended since)
   * @param started {@code true} when this call started it, {@code false} when it existed before
   */
  record StartResult(String processInstanceId, boolean started) {}
}
