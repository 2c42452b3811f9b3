package org.cabildo.sensing;

import java.security.Principal;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who reads sensing data, for which purpose, in answer to which request: passed with every
 * read, so that what may be read is decided from the reader named here and never from the
 * thread it runs on. There is no "nobody" reader: an anonymous member of the public, a
 * signed-in principal and the platform itself are each said explicitly.
 */
public sealed interface ReadContext {

	/** The header that names the purpose of a read; a {@code purpose} query parameter does too. */
	String PURPOSE_HEADER = "Cabildo-Purpose";

	/** The declared purpose of the read; null when none was named. */
	String purpose();

	/** What was asked, for the ledger: method, path and query, without credentials. */
	String request();

	/** The same reader and purpose, answering another request (a request inside a {@code $batch}). */
	ReadContext answering(String request);

	/** A member of the public who did not sign in. */
	record Anonymous(String purpose, String request) implements ReadContext {

		public Anonymous {
			Objects.requireNonNull(request, "request");
		}

		@Override
		public ReadContext answering(String other) {
			return new Anonymous(purpose, other);
		}

	}

	/** Someone who signed in, as the principal the security layer made of the credentials. */
	record SignedIn(Principal principal, String purpose, String request) implements ReadContext {

		public SignedIn {
			Objects.requireNonNull(principal, "principal");
			Objects.requireNonNull(request, "request");
		}

		@Override
		public ReadContext answering(String other) {
			return new SignedIn(principal, purpose, other);
		}

	}

	/**
	 * The platform itself, for its own work (a scheduled job, the demo loader, a lookup another
	 * module makes): named by the task, and never answering a caller.
	 */
	record Platform(String task) implements ReadContext {

		public Platform {
			Objects.requireNonNull(task, "task");
		}

		@Override
		public String purpose() {
			return null;
		}

		@Override
		public String request() {
			return "platform: " + task;
		}

		@Override
		public ReadContext answering(String other) {
			return this;
		}

	}

	/** The reader of an HTTP request: its signed-in principal, or the public; its declared purpose. */
	static ReadContext of(HttpServletRequest request) {
		String purpose = request.getHeader(PURPOSE_HEADER);
		if (purpose == null || purpose.isBlank()) {
			purpose = request.getParameter("purpose");
		}
		purpose = purpose == null || purpose.isBlank() ? null : purpose.strip();
		String asked = request.getMethod() + " " + request.getRequestURI()
				+ (request.getQueryString() == null ? "" : "?" + request.getQueryString());
		Principal principal = request.getUserPrincipal();
		return principal == null ? new Anonymous(purpose, asked) : new SignedIn(principal, purpose, asked);
	}

}
