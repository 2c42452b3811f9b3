package org.cabildo.sensing.web;

import java.util.regex.Pattern;

import org.cabildo.platform.ApiException;
import org.cabildo.sensing.CostlyReads;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A {@code $filter} over all Observations, rather than one Datastream's, reads through the
 * largest table: it takes a costly read from the caller's allowance ({@link CostlyReads}).
 */
final class ObservationScans implements HandlerInterceptor {

	private static final Pattern ALL_OBSERVATIONS = Pattern.compile("/v1\\.[01]/Observations/?");

	private final CostlyReads costly;

	ObservationScans(CostlyReads costly) {
		this.costly = costly;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if ("GET".equals(request.getMethod()) && ALL_OBSERVATIONS.matcher(path).matches()
				&& request.getParameter("$filter") != null) {
			take(costly);
		}
		return true;
	}

	/** Takes a costly read for a {@code $filter} across Datastreams' Observations; 429 when none is left. */
	static void take(CostlyReads costly) {
		costly.take().ifPresent(wait -> {
			throw new ApiException(HttpStatus.TOO_MANY_REQUESTS,
					"too many $filter over all Observations from this address without credentials; "
							+ "try again later, filter one Datastream's Observations, or sign in")
				.with("option", "$filter")
				.retryAfter(wait);
		});
	}

}
