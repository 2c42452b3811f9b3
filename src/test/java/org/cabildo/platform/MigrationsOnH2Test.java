package org.cabildo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The migrations on H2 made by one connection, then used by others after it is closed, as a
 * connection pool does when it renews its connections: every table must still take its rows.
 * (H2 binds an IN list of constants in a CHECK constraint to the session that made it, and then
 * refuses every insert once that session is gone.)
 */
class MigrationsOnH2Test {

	@Test
	void tablesTakeRowsAfterTheMigratingConnectionIsClosed() throws SQLException {
		String url = "jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		Flyway.configure()
			.dataSource(url, "sa", "")
			.locations("classpath:db/migration/common", "classpath:db/migration/h2")
			.placeholders(Map.of("json", "VARCHAR"))
			.load()
			.migrate();
		try (Connection later = DriverManager.getConnection(url, "sa", "");
				Statement statement = later.createStatement()) {
			assertThat(statement.executeUpdate("INSERT INTO mobility_series (code, kind, name, unit, source, caveats,"
					+ " loaded_at) VALUES ('s', 'cyclists', 'n', 'u', 's', 'c', CURRENT_TIMESTAMP)")).isEqualTo(1);
			assertThat(statement.executeUpdate("INSERT INTO mobility_counts (series_code, operator, site, local_day,"
					+ " counted, left_out) VALUES ('s', 'o', 's', DATE '2020-01-01', 1, 'outage')")).isEqualTo(1);
			assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO mobility_series (code, kind, name, unit,"
					+ " source, caveats, loaded_at) VALUES ('t', 'walkers', 'n', 'u', 's', 'c', CURRENT_TIMESTAMP)"))
				.as("the constraint still holds").hasMessageContaining("CONSTRAINT");
			assertThat(statement.executeUpdate("INSERT INTO service_requests (token, jurisdiction_id, service_code, status,"
					+ " agency_responsible, requested_at, updated_at, lat, lon, attributes) VALUES ('t', 'j', 's', 'open', 'a',"
					+ " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, -19.4, -99.1, '{}')")).isEqualTo(1);
			assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO service_requests (token, jurisdiction_id,"
					+ " service_code, status, agency_responsible, requested_at, updated_at, attributes) VALUES ('u', 'j', 's',"
					+ " 'lost', 'a', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '{}')")).hasMessageContaining("CONSTRAINT");
			statement.executeUpdate("INSERT INTO people (username, organisation_id, created_at) VALUES ('p', 1, CURRENT_TIMESTAMP)");
			assertThat(statement.executeUpdate("INSERT INTO account_links (secret_hash, person_id, purpose, created_at,"
					+ " expires_at) SELECT 'h', id, 'verify', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM people WHERE username = 'p'"))
				.isEqualTo(1);
			assertThat(statement.executeUpdate("INSERT INTO proposals (title, body, category, person_id, created_at, status)"
					+ " VALUES ('t', 'b', 'movilidad', 1, CURRENT_TIMESTAMP, 'open')")).isEqualTo(1);
			assertThat(statement.executeUpdate("INSERT INTO proposals (title, body, category, person_id, created_at, status,"
					+ " forwarded_at, office, answer_due, answer, answer_outcome, answered_at, answered_by) VALUES ('t', 'b',"
					+ " 'movilidad', 1, CURRENT_TIMESTAMP, 'answered', CURRENT_TIMESTAMP, 'o', CURRENT_TIMESTAMP, 'a',"
					+ " 'in-study', CURRENT_TIMESTAMP, 'u')")).isEqualTo(1);
			assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO proposals (title, body, category, person_id,"
					+ " created_at, status) VALUES ('t', 'b', 'c', 1, CURRENT_TIMESTAMP, 'lost')")).hasMessageContaining("CONSTRAINT");
			statement.execute("SHUTDOWN");
		}
	}

}
