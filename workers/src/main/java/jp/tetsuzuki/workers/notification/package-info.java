/**
 * Mail to applicants from Japanese templates, exactly once per case event (topic {@code notify-applicant}).
 *
 * <ul>
 *   <li>Templates: {@code templates/<event>.txt} in this package's resources, first line {@code 件名: …}, named
 *       placeholders {@code {variable}} filled from process variables; a missing value is an error, never a gap.</li>
 *   <li>Exactly once: the dedup key is process instance : event [: {@code notificationOccurrence}]. The notifier
 *       claims the key in {@code tz_notification_log} of the workers' own database
 *       ({@code TETSUZUKI_WORKER_DB_URL}, shared by every worker process; a lease), sends, then marks it SENT; a failed send releases
 *       the claim so the retry sends; a redelivery finds SENT and completes without sending. A claim whose holder
 *       crashed is taken over when its lease ends and the mail is sent again with the same Message-ID, derived from
 *       the key, so the one unavoidable window (SMTP accepted, worker died before marking) shows as one mail in mail
 *       clients.</li>
 *   <li>Way out: the {@code applicant-mail} Camel route of the integrations module ({@code ApplicantMailRoute}: SMTP
 *       through camel-mail, or the demo's {@code mail-outbox} folder), started in the Camel context of whichever
 *       process runs this worker (the platform, or the worker application); it retries a refusing server, then
 *       records a dead letter (in the platform) and throws, so the task's retries and incident follow.</li>
 *   <li>Outcomes: no or malformed address → BPMN error {@code NOTIFICATION_UNDELIVERABLE}; mail server down, template
 *       or variable missing → failure with retries and back-off, then an incident; another delivery sending the same
 *       key → retry later without using up a retry.</li>
 * </ul>
 */
package jp.tetsuzuki.workers.notification;
