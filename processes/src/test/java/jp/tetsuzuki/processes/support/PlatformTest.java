package jp.tetsuzuki.processes.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole platform as one JVM on a fixed port (workers poll it), the demo profile, the test database. Every
 * platform test uses exactly this annotation so that all of them share one Spring context; they are tagged
 * {@code database} and run again on PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Tag("database")
public @interface PlatformTest {}
