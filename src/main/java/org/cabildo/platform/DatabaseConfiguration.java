package org.cabildo.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One schema history for both databases: shared migrations use {@code ${json}} for the JSON
 * column type, and only what must differ lives in {@code db/migration/h2} or
 * {@code db/migration/postgresql}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean
	FlywayConfigurationCustomizer jsonColumnType() {
		return configuration -> {
			try (Connection connection = configuration.getDataSource().getConnection()) {
				boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
				configuration.placeholders(Map.of("json", postgres ? "JSONB" : "VARCHAR"));
			}
			catch (SQLException e) {
				throw new IllegalStateException("cannot reach the database to migrate it", e);
			}
		};
	}

}
