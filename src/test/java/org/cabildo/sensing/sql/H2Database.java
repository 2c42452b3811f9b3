package org.cabildo.sensing.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.cabildo.sensing.model.EntityType;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A private in-memory H2 database with the server's schema, built from its own migration
 * scripts, so that translated SQL can be run and its answers checked.
 */
final class H2Database implements AutoCloseable {

	private static final Pattern VERSION = Pattern.compile("V(\\d+)__");

	private final Connection connection;

	H2Database() {
		try {
			connection = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID(), "sa", "");
			execute("SET TIME ZONE 'UTC'");
			for (Resource script : migrations()) {
				String text = script.getContentAsString(StandardCharsets.UTF_8)
					.replace("${json}", "VARCHAR")
					.replaceAll("--[^\\n]*", "");
				for (String statement : text.split(";\\s*(\\n|$)")) {
					if (!statement.isBlank()) {
						execute(statement);
					}
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static List<Resource> migrations() throws IOException {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		return Stream
			.concat(Arrays.stream(resolver.getResources("classpath*:db/migration/common/*.sql")),
					Arrays.stream(resolver.getResources("classpath*:db/migration/h2/*.sql")))
			.sorted(Comparator.comparingInt(H2Database::version))
			.toList();
	}

	private static int version(Resource script) {
		Matcher matcher = VERSION.matcher(script.getFilename());
		return matcher.lookingAt() ? Integer.parseInt(matcher.group(1)) : Integer.MAX_VALUE;
	}

	void execute(String sql, Object... parameters) {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			bind(statement, Arrays.asList(parameters));
			statement.execute();
		}
		catch (SQLException e) {
			throw new IllegalStateException(sql, e);
		}
	}

	/** Ids of the rows of {@code type} that satisfy the condition, in id order. */
	List<Long> ids(EntityType type, SqlFragment condition) {
		return query("SELECT t0.id FROM " + type.table() + " t0 WHERE " + condition.text() + " ORDER BY t0.id",
				condition.parameters());
	}

	/** H2's plan of a statement, as {@code EXPLAIN} prints it. */
	String plan(SqlFragment sql) {
		try (PreparedStatement statement = connection.prepareStatement("EXPLAIN " + sql.text())) {
			bind(statement, sql.parameters());
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getString(1);
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(sql.text(), e);
		}
	}

	/** Ids of all rows of {@code type} in the order of the sort keys. */
	List<Long> idsInOrder(EntityType type, List<SqlFragment> keys) {
		SqlFragment order = SqlFragment.join(", ", keys);
		return query("SELECT t0.id FROM " + type.table() + " t0 ORDER BY " + order.text() + ", t0.id",
				order.parameters());
	}

	private List<Long> query(String sql, List<Object> parameters) {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			bind(statement, parameters);
			List<Long> ids = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					ids.add(rows.getLong(1));
				}
			}
			return ids;
		}
		catch (SQLException e) {
			throw new IllegalStateException(sql + " " + parameters, e);
		}
	}

	private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
		for (int i = 0; i < parameters.size(); i++) {
			statement.setObject(i + 1, parameters.get(i));
		}
	}

	@Override
	public void close() {
		execute("SHUTDOWN");
	}

}
