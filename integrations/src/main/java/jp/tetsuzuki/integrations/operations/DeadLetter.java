package jp.tetsuzuki.integrations.operations;

import java.time.Instant;

/**
 * One message a route gave up on, as operators see it.
 *
 * @param id the record's id
 * @param routeId the route that gave up
 * @param failedAt when
 * @param reason why, as the route words it (never secrets, never personal numbers)
 * @param payloadRef what the message was about: a file name, a looked-up number, a document id — never the payload
 * @param node the node that gave up
 */
public record DeadLetter(String id, String routeId, Instant failedAt, String reason, String payloadRef,
    String node) {}
