package jp.tetsuzuki.workers.notification;

/** A template filled with the case's values. */
public record RenderedMail(String subject, String body) {}
