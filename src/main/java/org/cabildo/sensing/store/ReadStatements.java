package org.cabildo.sensing.store;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.cabildo.platform.StatementTimeout;
import org.cabildo.sensing.ReadSettings;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Component;

/**
 * The statements of reads, each cancelled by the database when it runs past the read
 * statement timeout ({@link ReadSettings#statementTimeout()}); the cancellation becomes a
 * {@link StatementTimeout} naming the limit, answered 503. Writes keep statements of their own,
 * without this limit: a commit of ingest must not be cut short because the database is busy.
 * <p>
 * On PostgreSQL this is {@code Statement.setQueryTimeout} (whole seconds), which the driver
 * keeps to the statement. H2 keeps a query timeout in the session instead, so a pooled
 * connection would hand it on to the next writer: there each read statement is cancelled by a
 * timer ({@code Statement.cancel()} stops only that statement's command).
 */
@Component
class ReadStatements implements DisposableBean {

	private final JdbcClient jdbc;

	private final ScheduledExecutorService canceller;

	ReadStatements(DataSource dataSource, ReadSettings settings) throws MetaDataAccessException {
		Duration limit = settings.statementTimeout();
		String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		JdbcTemplate template;
		if ("H2".equalsIgnoreCase(product)) {
			ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
					Thread.ofPlatform().daemon().name("read-statement-timeout").factory());
			timer.setRemoveOnCancelPolicy(true);
			canceller = timer;
			template = new CancelledAfter(dataSource, timer, limit);
		}
		else {
			canceller = null;
			template = new JdbcTemplate(dataSource);
			template.setQueryTimeout((int) Math.max(1, (limit.toMillis() + 999) / 1000));
		}
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

	@Override
	public void destroy() {
		if (canceller != null) {
			canceller.shutdownNow();
		}
	}

	/** Schedules each statement's cancellation as it is prepared, and drops it once the statement has run. */
	private static final class CancelledAfter extends JdbcTemplate {

		private final ScheduledExecutorService timer;

		private final Duration limit;

		private final ThreadLocal<ScheduledFuture<?>> pending = new ThreadLocal<>();

		CancelledAfter(DataSource dataSource, ScheduledExecutorService timer, Duration limit) {
			super(dataSource);
			this.timer = timer;
			this.limit = limit;
		}

		@Override
		protected void applyStatementSettings(Statement statement) throws SQLException {
			super.applyStatementSettings(statement);
			pending.set(timer.schedule(() -> cancel(statement), limit.toNanos(), TimeUnit.NANOSECONDS));
		}

		@Override
		protected void handleWarnings(Statement statement) throws SQLException {
			ScheduledFuture<?> cancellation = pending.get();
			if (cancellation != null) {
				cancellation.cancel(false);
				pending.remove();
			}
			super.handleWarnings(statement);
		}

		/** A statement that failed otherwise is closed by the time its cancellation comes: then nothing happens. */
		private static void cancel(Statement statement) {
			try {
				if (!statement.isClosed()) {
					statement.cancel();
				}
			}
			catch (SQLException e) {
				// closed meanwhile: nothing left to cancel
			}
		}

	}

}
