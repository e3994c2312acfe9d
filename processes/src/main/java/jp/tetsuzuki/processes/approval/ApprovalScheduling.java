package jp.tetsuzuki.processes.approval;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Periodic work of the approval routes (substitute periods beginning and ending). */
@Configuration
@EnableScheduling
class ApprovalScheduling {}
