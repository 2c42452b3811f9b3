package org.cabildo.support;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Integration tests start from an empty schema, once per test run. Later application
 * contexts (tests with other settings) migrate without cleaning, so that they never pull the
 * database from under a context that is still cached.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabase {

	private static final AtomicBoolean CLEANED = new AtomicBoolean();

	@Bean
	FlywayMigrationStrategy cleanOnceThenMigrate() {
		return flyway -> {
			if (CLEANED.compareAndSet(false, true)) {
				flyway.clean();
			}
			flyway.migrate();
		};
	}

}
