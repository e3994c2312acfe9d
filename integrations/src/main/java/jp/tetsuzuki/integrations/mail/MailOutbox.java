package jp.tetsuzuki.integrations.mail;

import java.nio.file.Path;

/**
 * A folder that stands in for the applicants' mail server: each mail one {@code .eml} file. Only the demo profile
 * provides one, and only while no mail server is configured; production configuration never does.
 */
public record MailOutbox(Path folder) {}
