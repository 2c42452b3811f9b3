package org.cabildo.sensing.write;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.cabildo.sensing.sql.Dialect;
import org.cabildo.sensing.store.RawJson;
import org.cabildo.sensing.time.TimeValue;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.stereotype.Component;

/**
 * Inserts rows of the observations table in the caller's transaction and returns their ids.
 * On PostgreSQL the ids come from the sequence in one round trip and the rows go in by COPY,
 * several times faster than batched INSERTs; on H2, batched INSERTs return the keys.
 */
@Component
class ObservationInserter {

	private static final String COLUMNS = "datastream_id, feature_of_interest_id, phenomenon_time, "
			+ "phenomenon_time_end, result_time, result_number, result_json, result_quality, valid_time_start, "
			+ "valid_time_end, parameters";

	private static final int BATCH = 1000;

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final boolean postgres;

	private final String insert;

	private final SQLExceptionTranslator translator;

	ObservationInserter(DataSource dataSource, JdbcClient jdbc, Dialect dialect) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.postgres = dialect.partitionsObservations();
		String json = dialect.jsonParameter();
		this.insert = "INSERT INTO observations (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, " + json + ", " + json
				+ ", ?, ?, " + json + ")";
		this.translator = new SQLErrorCodeSQLExceptionTranslator(dataSource);
	}

	long[] insert(List<NewObservation> rows) {
		if (rows.isEmpty()) {
			return new long[0];
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			return postgres ? copy(connection, rows) : batch(connection, rows);
		}
		catch (SQLException e) {
			throw translator.translate("inserting observations", null, e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private long[] copy(Connection connection, List<NewObservation> rows) throws SQLException {
		long[] ids = jdbc.sql("SELECT nextval('observations_id_seq') FROM generate_series(1, ?)")
			.param(rows.size())
			.query(Long.class)
			.list()
			.stream()
			.mapToLong(Long::longValue)
			.sorted()
			.toArray();
		CopyIn copy = connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("COPY observations (id, " + COLUMNS + ") FROM STDIN");
		try {
			StringBuilder text = new StringBuilder(256 * Math.min(rows.size(), BATCH));
			for (int i = 0; i < rows.size(); i++) {
				line(text, ids[i], rows.get(i));
				if (text.length() > 1 << 20 || i == rows.size() - 1) {
					byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
					copy.writeToCopy(bytes, 0, bytes.length);
					text.setLength(0);
				}
			}
			copy.endCopy();
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
		return ids;
	}

	/** One row in COPY's text format: tab-separated, \N for null. */
	private static void line(StringBuilder text, long id, NewObservation row) {
		text.append(id).append('\t').append(row.datastreamId()).append('\t').append(row.featureOfInterestId());
		TimeValue phenomenon = row.phenomenonTime();
		field(text, phenomenon.start());
		field(text, phenomenon.end());
		field(text, row.resultTime());
		field(text, row.result() instanceof Double number ? number.toString() : null);
		field(text, row.result() instanceof RawJson json ? json.text() : null);
		field(text, row.resultQuality() == null ? null : row.resultQuality().text());
		field(text, row.validTime() == null ? null : row.validTime().start());
		field(text, row.validTime() == null ? null : row.validTime().end());
		field(text, row.parameters() == null ? null : row.parameters().text());
		text.append('\n');
	}

	private static void field(StringBuilder text, Instant instant) {
		text.append('\t');
		if (instant == null) {
			text.append("\\N");
		}
		else {
			text.append(instant);
		}
	}

	private static void field(StringBuilder text, String value) {
		text.append('\t');
		if (value == null) {
			text.append("\\N");
			return;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> text.append("\\\\");
				case '\t' -> text.append("\\t");
				case '\n' -> text.append("\\n");
				case '\r' -> text.append("\\r");
				default -> text.append(c);
			}
		}
	}

	private long[] batch(Connection connection, List<NewObservation> rows) throws SQLException {
		long[] ids = new long[rows.size()];
		int next = 0;
		try (PreparedStatement statement = connection.prepareStatement(insert, new String[] { "ID" })) {
			for (int i = 0; i < rows.size(); i++) {
				bind(statement, rows.get(i));
				statement.addBatch();
				if ((i + 1) % BATCH == 0 || i == rows.size() - 1) {
					statement.executeBatch();
					try (ResultSet keys = statement.getGeneratedKeys()) {
						while (keys.next()) {
							ids[next++] = keys.getLong(1);
						}
					}
				}
			}
		}
		if (next != rows.size()) {
			throw new IllegalStateException("the database returned " + next + " ids for " + rows.size() + " rows");
		}
		return ids;
	}

	private static void bind(PreparedStatement statement, NewObservation o) throws SQLException {
		statement.setLong(1, o.datastreamId());
		statement.setLong(2, o.featureOfInterestId());
		statement.setObject(3, o.phenomenonTime().startUtc());
		setTime(statement, 4, o.phenomenonTime().end());
		setTime(statement, 5, o.resultTime());
		if (o.result() instanceof Double number) {
			statement.setDouble(6, number);
		}
		else {
			statement.setNull(6, Types.DOUBLE);
		}
		statement.setString(7, o.result() instanceof RawJson json ? json.text() : null);
		statement.setString(8, o.resultQuality() == null ? null : o.resultQuality().text());
		setTime(statement, 9, o.validTime() == null ? null : o.validTime().start());
		setTime(statement, 10, o.validTime() == null ? null : o.validTime().end());
		statement.setString(11, o.parameters() == null ? null : o.parameters().text());
	}

	private static void setTime(PreparedStatement statement, int index, Instant instant) throws SQLException {
		if (instant == null) {
			statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
		}
		else {
			statement.setObject(index, ColumnValues.utc(instant));
		}
	}

}
