package org.cabildo.sensing;

import java.security.Principal;
import java.util.Objects;

import org.cabildo.platform.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;

/**
 * Who writes Observations, passed down every write path with the rows so that a correction
 * records who made it (in its revision and its ledger entry). There is no default writer: a
 * person, a device, or the platform doing named work of its own is each said explicitly.
 *
 * @param name the person's username, the device's name, or the platform's job
 */
public record Writer(Kind kind, String name) {

	/** The kinds of writer, each with how a label starts. */
	public enum Kind {

		/** A person signed in with an account, a personal API token or an OIDC token. */
		PERSON("person "),

		/** A device, with its secret over HTTP or its credentials over MQTT. */
		DEVICE("device "),

		/** The platform's own work that no caller asked for (the demo loader, an external broker's relay). */
		PLATFORM("platform: ");

		private final String prefix;

		Kind(String prefix) {
			this.prefix = prefix;
		}

	}

	public Writer {
		Objects.requireNonNull(kind, "kind");
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("a writer is named");
		}
	}

	public static Writer person(String username) {
		return new Writer(Kind.PERSON, username);
	}

	public static Writer device(String name) {
		return new Writer(Kind.DEVICE, name);
	}

	public static Writer platform(String job) {
		return new Writer(Kind.PLATFORM, job);
	}

	/** As revisions and the ledger name the writer: {@code person alice}, {@code device station-7}. */
	public String label() {
		return kind.prefix + name;
	}

	/**
	 * The writer of a request: its signed-in person or device, or the platform's named work.
	 *
	 * @throws ApiException 401 for the anonymous public, which writes nothing (as write access
	 * refuses it: a missing caller refuses, never allows)
	 */
	public static Writer of(ReadContext caller) {
		return switch (caller) {
			case ReadContext.SignedIn signedIn -> of(signedIn.principal());
			case ReadContext.Platform platform -> platform(platform.task());
			case ReadContext.Anonymous anonymous -> throw new ApiException(HttpStatus.UNAUTHORIZED,
					"writing needs credentials");
		};
	}

	/** A signed-in principal: a device holds {@code ROLE_DEVICE}, anyone else signed in is a person. */
	private static Writer of(Principal principal) {
		boolean device = principal instanceof Authentication authentication && authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> "ROLE_DEVICE".equals(authority.getAuthority()));
		return device ? device(principal.getName()) : person(principal.getName());
	}

}
