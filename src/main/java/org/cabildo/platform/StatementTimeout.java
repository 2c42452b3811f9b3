package org.cabildo.platform;

import java.time.Duration;

import org.springframework.dao.QueryTimeoutException;

/**
 * A statement the database cancelled because it ran past a configured time limit: the problem
 * body names the limit and the setting that holds it, never the statement.
 */
public class StatementTimeout extends QueryTimeoutException {

	private final Duration limit;

	private final String setting;

	public StatementTimeout(Duration limit, String setting, Throwable cause) {
		super("a statement ran past " + limit + " (" + setting + ")", cause);
		this.limit = limit;
		this.setting = setting;
	}

	public Duration limit() {
		return limit;
	}

	public String setting() {
		return setting;
	}

}
