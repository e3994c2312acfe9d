package jp.tetsuzuki.workers;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;

/**
 * The external-task workers. They talk to the platform only over HTTP: the engine through its external-task REST API,
 * documents through the worker document endpoint; their mail log is a database of their own. So the same handlers
 * run in the worker application ({@code jp.tetsuzuki.workerapp}) or, for the one-JVM demo, in the platform's JVM;
 * {@code tetsuzuki.workers.enabled=false} leaves them out.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "tetsuzuki.workers.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(WorkersSettings.class)
@ComponentScan
public class WorkersAutoConfiguration {}
