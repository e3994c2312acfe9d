/**
 * Rules every module applies the same way: the check digits of Japanese identifiers and the zone in which the
 * platform's dates are dates. They live here, in the module every other module depends on ({@code workers} and
 * {@code integrations} may not see {@code processes}, {@code integrations} does not see {@code workers}), so that the
 * OCR worker, the e-invoice routes and the platform's identifier service cannot drift apart. Plain Java only, like
 * the contracts beside them; {@code processes}' ArchitectureTest keeps the copies out.
 */
package jp.tetsuzuki.bpmn.rules;
