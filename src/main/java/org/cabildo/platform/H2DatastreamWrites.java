package org.cabildo.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.h2.api.Trigger;

/**
 * Writes to the {@code datastreams} view of the embedded H2 database go to the {@code streams}
 * table it shows (its rows that are not {@code multi}), as PostgreSQL does by itself for a simple
 * view. A value left out of an INSERT takes the table's default.
 */
public final class H2DatastreamWrites implements Trigger {

	private List<String> columns;

	@Override
	public void init(Connection connection, String schema, String trigger, String view, boolean before, int type)
			throws SQLException {
		columns = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
				+ " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
			statement.setString(1, schema);
			statement.setString(2, view);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					columns.add(rows.getString(1));
				}
			}
		}
	}

	@Override
	public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
		if (newRow == null) {
			run(connection, "DELETE FROM streams WHERE id = ? AND multi = FALSE", List.of(oldRow[index("ID")]));
			return;
		}
		List<String> names = new ArrayList<>();
		List<Object> values = new ArrayList<>();
		for (int i = 0; i < columns.size(); i++) {
			if (columns.get(i).equals("MULTI")) {
				continue;
			}
			if (oldRow != null || newRow[i] != null) {
				names.add(columns.get(i));
				values.add(newRow[i]);
			}
		}
		if (oldRow == null) {
			run(connection, "INSERT INTO streams (" + String.join(", ", names) + ") VALUES ("
					+ String.join(", ", names.stream().map(name -> "?").toList()) + ")", values);
			return;
		}
		values.add(oldRow[index("ID")]);
		run(connection, "UPDATE streams SET " + String.join(", ", names.stream().map(name -> name + " = ?").toList())
				+ " WHERE id = ? AND multi = FALSE", values);
	}

	private int index(String column) {
		return columns.indexOf(column);
	}

	private static void run(Connection connection, String sql, List<Object> values) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < values.size(); i++) {
				statement.setObject(i + 1, values.get(i));
			}
			statement.executeUpdate();
		}
	}

}
