package jp.tetsuzuki.workers;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.ComponentScan;

/**
 * The external-task workers. They talk to the engine only through its external-task REST API, so the same handlers
 * run in the platform's JVM (default) or in a separate deployment; {@code tetsuzuki.workers.enabled=false} leaves
 * them out.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "tetsuzuki.workers.enabled", havingValue = "true", matchIfMissing = true)
@ComponentScan
public class WorkersAutoConfiguration {}
