package org.cabildo.platform.web;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.cabildo.platform.StatementTimeout;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionException;

/**
 * What a client is told when the database refuses or fails a request: in the platform's words,
 * never the database's (its messages name tables, columns, types and values of other rows).
 * A data exception (SQLSTATE class 22) or a constraint (23) can only come from values in the
 * request, so they are the client's; a cancelled statement, a lost connection or a failed
 * commit are temporary, answered 503 with {@code Retry-After}.
 *
 * @param retryAfter when to try again, for a 503
 */
public record DatabaseProblem(HttpStatus status, String detail, Map<String, Object> details,
		Optional<Duration> retryAfter) {

	/** How long a client is asked to wait after the database was busy or unreachable. */
	public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	public static DatabaseProblem of(RuntimeException e) {
		if (e instanceof StatementTimeout timeout) {
			return busy("the query ran longer than the " + timeout.limit().toMillis()
					+ " ms a read may take (setting " + timeout.setting()
					+ "); ask for less: a narrower $filter, a smaller $top, fewer $expand",
					Map.of("limit", timeout.limit().toString(), "setting", timeout.setting()));
		}
		if (e instanceof QueryTimeoutException || e instanceof TransactionException) {
			return busy("the database did not answer in time; try again later", Map.of());
		}
		String state = sqlState(e);
		if (state.startsWith("22")) {
			return new DatabaseProblem(HttpStatus.BAD_REQUEST, dataException(state), Map.of(), Optional.empty());
		}
		if (state.startsWith("23")) {
			return new DatabaseProblem(HttpStatus.CONFLICT, constraint(state), Map.of(), Optional.empty());
		}
		if (state.equals("57014") || state.equals("HY008")) {
			return busy("the database cancelled the query; try again later", Map.of());
		}
		return busy("the database failed to answer; try again later", Map.of());
	}

	/**
	 * The SQLSTATE of the first SQL exception among the causes: not the innermost cause, which
	 * may be the driver's own (H2 wraps a NumberFormatException in its data exception).
	 */
	private static String sqlState(Throwable e) {
		for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return "";
	}

	/** Whether the failure is the server's (to be logged), not the request's. */
	public boolean serverSide() {
		return status.is5xxServerError();
	}

	private static DatabaseProblem busy(String detail, Map<String, Object> details) {
		return new DatabaseProblem(HttpStatus.SERVICE_UNAVAILABLE, detail, details, Optional.of(RETRY_AFTER));
	}

	private static String dataException(String state) {
		return switch (state) {
			case "22001" -> "a text in the request is longer than the server stores";
			case "22003" -> "a number in the request, or computed from it, is out of the range the server handles";
			case "22012" -> "the request divides by zero";
			case "22007", "22008" -> "a date or time in the request is not valid or out of range";
			case "22021", "22P05" -> "a text in the request holds a character the server cannot store";
			case "22P02", "22018" -> "a value in the request does not have the form its type needs";
			default -> "a value in the request cannot be evaluated";
		};
	}

	private static String constraint(String state) {
		return switch (state) {
			case "23505" -> "the request conflicts with stored data: that value is already taken";
			case "23503" -> "the request conflicts with stored data: it refers to something that does not exist, "
					+ "or removes something still referred to";
			case "23502" -> "the request conflicts with stored data: a required value is missing";
			default -> "the request conflicts with stored data";
		};
	}

}
