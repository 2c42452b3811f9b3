package org.cabildo.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import tools.jackson.databind.json.JsonMapper;

/**
 * How many observations the database holds, committed: what the ingest benchmark counts as
 * landed, rather than what the clients sent.
 */
interface StoredRows extends AutoCloseable {

	long count() throws Exception;

	/** How the rows are counted, for the report. */
	String how();

	@Override
	default void close() throws Exception {
	}

	/** {@code SELECT COUNT(*) FROM observations} on a connection of the benchmark's own. */
	static StoredRows postgres(PostgresBenchDatabase db) throws SQLException {
		Connection connection = db.connect();
		return new StoredRows() {
			@Override
			public long count() throws SQLException {
				try (Statement statement = connection.createStatement();
						ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM observations")) {
					rs.next();
					return rs.getLong(1);
				}
			}

			@Override
			public String how() {
				return "SELECT COUNT(*) FROM observations, on a connection of the benchmark's own";
			}

			@Override
			public void close() throws SQLException {
				connection.close();
			}
		};
	}

	/**
	 * H2 lets one process at a time open its file, so the server is asked: {@code $count} of
	 * the Observations collection, which it answers with {@code SELECT COUNT(*)}.
	 */
	static StoredRows throughApi(URI base) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1.1/Observations?$count=true&$top=0"))
			.timeout(Duration.ofSeconds(120))
			.build();
		return new StoredRows() {
			@Override
			public long count() throws IOException, InterruptedException {
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200) {
					throw new IllegalStateException("counting observations: " + response.statusCode() + " "
							+ response.body());
				}
				return JsonMapper.shared().readTree(response.body()).get("@iot.count").asLong();
			}

			@Override
			public String how() {
				return "GET /v1.1/Observations?$count=true&$top=0 (the server runs SELECT COUNT(*); H2 admits one process)";
			}
		};
	}

}
