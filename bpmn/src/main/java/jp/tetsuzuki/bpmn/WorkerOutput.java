package jp.tetsuzuki.bpmn;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a variable-name constant of a contract class as an output of the workers of {@link #value()} (their topics):
 * the one source of what a worker may report. The platform's edge lets a worker account complete or fail a task with
 * these variables only; an input (which document, which application, whose case) is never the worker's to set.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface WorkerOutput {

  /** The topics whose workers report this variable. */
  String[] value();
}
