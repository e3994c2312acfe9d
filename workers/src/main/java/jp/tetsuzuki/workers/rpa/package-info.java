/**
 * RPA-style entry of approved cases into a legacy system that has only HTML screens (topic
 * {@code legacy-system-entry}).
 *
 * <ul>
 *   <li>{@link jp.tetsuzuki.workers.rpa.LegacyEntryBot} drives the screens with HtmlUnit (scripts off): login,
 *       search by case number, entry form, confirmation, completion. It searches before it enters, so a redelivered
 *       task (or a retry after a lost answer) finds the record and enters nothing.</li>
 *   <li>Audit trail: every screen step is a {@link jp.tetsuzuki.workers.rpa.AuditStep} (time, screen, action,
 *       outcome). Each step is logged as it happens (logger {@code AuditTrail}, key {@code legacy-entry}) and the
 *       whole trail goes back to the process as the JSON variable {@code legacyEntryAudit}, also with the BPMN error;
 *       on a technical failure it is in the incident's details. Steps name fields, never values: no names, addresses,
 *       birth dates or personal numbers; only the case number and the legacy record number.</li>
 *   <li>Outcomes: validation messages of the legacy form → BPMN error {@code LEGACY_VALIDATION_FAILED} with the
 *       messages in {@code legacyValidationErrors}; site down, maintenance screen, unexpected screen, refused login →
 *       failure with retries and back-off ({@code Retries}), then an incident.</li>
 *   <li>The lock is extended after every screen step.</li>
 *   <li>The simulator in {@code rpa.demo} stands in for the legacy system in tests and in the demo profile (wired by
 *       {@code LegacySimulatorConfiguration}, profile {@code demo}); production configuration knows only the port
 *       {@link jp.tetsuzuki.workers.rpa.LegacySystemStandIn}.</li>
 * </ul>
 */
package jp.tetsuzuki.workers.rpa;
