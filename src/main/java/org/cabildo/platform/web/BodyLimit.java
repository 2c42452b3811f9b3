package org.cabildo.platform.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.cabildo.platform.ApiException;
import org.cabildo.platform.LargeBody;
import org.cabildo.platform.PlatformSettings;
import org.cabildo.platform.RefusalWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every API's bound on request bodies ({@code cabildo.max-body-bytes}, or a {@link LargeBody}'s
 * for the routes that upload files), in one place rather than in each controller: a body whose Content-Length is over it is answered 413 before anyone reads
 * it; one sent without (chunked) fails with 413 as soon as reading it passes the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodyLimit extends OncePerRequestFilter {

	private final long defaultLimit;

	private final List<LargeBody> exceptions;

	private final RefusalWriter refusals;

	BodyLimit(PlatformSettings settings, List<LargeBody> exceptions, RefusalWriter refusals) {
		this.defaultLimit = settings.maxBodyBytes();
		this.exceptions = List.copyOf(exceptions);
		this.refusals = refusals;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = limit(request);
		if (request.getContentLengthLong() > limit) {
			// The client may still be sending: tell it the connection ends rather than read 17 MB to drain it.
			response.setHeader("Connection", "close");
			refusals.write(request, response, HttpStatus.CONTENT_TOO_LARGE, tooLarge(limit).getMessage(),
					Map.of("limit", limit));
			return;
		}
		chain.doFilter(new Bounded(request, limit), response);
	}

	/** The limit of the request's route: a {@link LargeBody}'s, else {@code cabildo.max-body-bytes}. */
	private long limit(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (LargeBody large : exceptions) {
			if (large.method().equalsIgnoreCase(request.getMethod()) && large.path().equals(path)) {
				return large.limit();
			}
		}
		return defaultLimit;
	}

	private static ApiException tooLarge(long limit) {
		return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "the request body is larger than " + limit + " bytes")
			.with("limit", limit);
	}

	/** The request, whose body fails (413) once more than the limit has been read of it. */
	private static final class Bounded extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream bounded;

		Bounded(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (bounded == null) {
				bounded = new Counting(super.getInputStream(), limit);
			}
			return bounded;
		}

	}

	private static final class Counting extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private long read;

		Counting(ServletInputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			read += n;
			if (read > limit) {
				throw tooLarge(limit);
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}

		@Override
		public int available() throws IOException {
			return in.available();
		}

		@Override
		public void close() throws IOException {
			in.close();
		}

	}

}
