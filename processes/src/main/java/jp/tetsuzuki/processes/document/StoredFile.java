package jp.tetsuzuki.processes.document;

import java.time.Instant;

/** Metadata of a document in the store (the content is read separately). */
public record StoredFile(String id, String tenantId, String fileName, String mediaType, long size, String sha256,
    String createdBy, Instant createdAt) {}
