package org.cabildo.sensing.web;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.cabildo.platform.ApiException;
import org.cabildo.sensing.ReadSettings;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves at most {@link ReadSettings#concurrentOn(boolean)} SensorThings reads at once (GET, HEAD and
 * {@code $batch}); the next waits up to the read queue wait ({@code cabildo.sensing.reads.queue-wait}) for a turn, then hears 503
 * with {@code Retry-After}. A read holds at most one database connection at a time, so reads
 * can never take the whole pool: ingest (the group-commit writers, POSTs, DataArray, MQTT)
 * keeps connections of its own. With virtual threads Tomcat takes any number of requests, so
 * this also bounds the memory reads hold at once.
 * <p>
 * A read whose client has gone keeps its turn until its statements end: Tomcat notices a
 * closed connection only when it writes to it. The statement timeout bounds that time, so a
 * departed client costs at most one turn for {@link ReadSettings#statementTimeout()} per
 * statement; cancelling on disconnect would need a read of the socket during the query, which
 * servlet I/O does not offer on a request whose body has been read.
 */
final class ReadTurns implements HandlerInterceptor {

	private static final String HOLDS_TURN = ReadTurns.class.getName() + ".turn";

	private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

	private final Semaphore turns;

	private final int concurrent;

	private final Duration wait;

	ReadTurns(int concurrent, Duration wait) {
		this.concurrent = concurrent;
		this.wait = wait;
		this.turns = new Semaphore(concurrent);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws InterruptedException {
		if (!isRead(request) || request.getAttribute(HOLDS_TURN) != null) {
			return true;
		}
		if (!turns.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
			throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "the server is serving as many reads as it serves at once ("
					+ concurrent + ", setting " + ReadSettings.CONCURRENT + "); try again shortly")
				.with("limit", concurrent)
				.with("setting", ReadSettings.CONCURRENT)
				.retryAfter(RETRY_AFTER);
		}
		request.setAttribute(HOLDS_TURN, Boolean.TRUE);
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception failure) {
		if (request.getAttribute(HOLDS_TURN) != null) {
			request.removeAttribute(HOLDS_TURN);
			turns.release();
		}
	}

	private static boolean isRead(HttpServletRequest request) {
		return switch (request.getMethod()) {
			case "GET", "HEAD" -> true;
			case "POST" -> request.getRequestURI().endsWith("/$batch") || request.getRequestURI().endsWith("/%24batch");
			default -> false;
		};
	}

}
