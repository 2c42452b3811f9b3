package org.cabildo;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.cabildo.support.TestDatabase;
import org.cabildo.support.TestMailbox;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of the whole server, started on a random port and used over HTTP as a client
 * would. Runs on H2 in {@code ./cabildo test} and on PostgreSQL in the PostgreSQL suite.
 * Tests share one server per configuration, so each creates the data it needs and never
 * assumes an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({ TestDatabase.class, TestMailbox.class })
@Tag("integration")
public @interface IntegrationTest {
}
