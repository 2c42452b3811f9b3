package org.cabildo.sensing.store;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;

import javax.sql.DataSource;

import org.cabildo.platform.StatementTimeout;
import org.cabildo.sensing.ReadSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Component;

/**
 * The statements of reads, each given the read statement timeout
 * ({@link ReadSettings#statementTimeout()}, in whole seconds as JDBC counts them): the database
 * cancels one that runs longer (H2 and PostgreSQL both honour {@code Statement.setQueryTimeout}),
 * and the cancellation becomes a {@link StatementTimeout} naming the limit, answered 503.
 * Writes keep statements of their own, without this limit: a commit of ingest must not be cut
 * short because the database is busy.
 */
@Component
class ReadStatements {

	private final JdbcClient jdbc;

	ReadStatements(DataSource dataSource, ReadSettings settings) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		Duration limit = settings.statementTimeout();
		template.setQueryTimeout((int) Math.max(1, (limit.toMillis() + 999) / 1000));
		SQLExceptionTranslator translator = template.getExceptionTranslator();
		template.setExceptionTranslator((task, sql, e) -> isCancellation(e)
				? new StatementTimeout(limit, ReadSettings.STATEMENT_TIMEOUT, e) : translator.translate(task, sql, e));
		this.jdbc = JdbcClient.create(template);
	}

	JdbcClient jdbc() {
		return jdbc;
	}

	/** 57014 is "query canceled" on PostgreSQL and "statement was canceled or the session timed out" on H2. */
	static boolean isCancellation(SQLException e) {
		return e instanceof SQLTimeoutException || "57014".equals(e.getSQLState());
	}

}
