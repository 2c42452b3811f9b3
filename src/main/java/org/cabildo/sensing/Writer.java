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
 */
public sealed interface Writer {

	/** As revisions and the ledger name the writer: {@code person alice}, {@code device station-7}. */
	String label();

	/** A person signed in with an account, a personal API token or an OIDC token. */
	record Person(String username) implements Writer {

		public Person {
			Objects.requireNonNull(username, "username");
		}

		@Override
		public String label() {
			return "person " + username;
		}

	}

	/** A device, with its secret over HTTP or its credentials over MQTT. */
	record Device(String name) implements Writer {

		public Device {
			Objects.requireNonNull(name, "name");
		}

		@Override
		public String label() {
			return "device " + name;
		}

	}

	/** The platform's own work that no caller asked for (the demo loader, an external broker's relay). */
	record Platform(String job) implements Writer {

		public Platform {
			Objects.requireNonNull(job, "job");
		}

		@Override
		public String label() {
			return "platform: " + job;
		}

	}

	/**
	 * The writer of a request: its signed-in person or device, or the platform's named work.
	 *
	 * @throws ApiException 401 for the anonymous public, which writes nothing (as write access
	 * refuses it: a missing caller refuses, never allows)
	 */
	static Writer of(ReadContext caller) {
		return switch (caller) {
			case ReadContext.SignedIn signedIn -> of(signedIn.principal());
			case ReadContext.Platform platform -> new Platform(platform.task());
			case ReadContext.Anonymous anonymous -> throw new ApiException(HttpStatus.UNAUTHORIZED,
					"writing needs credentials");
		};
	}

	/** A signed-in principal: a device holds {@code ROLE_DEVICE}, anyone else signed in is a person. */
	private static Writer of(Principal principal) {
		boolean device = principal instanceof Authentication authentication && authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> "ROLE_DEVICE".equals(authority.getAuthority()));
		return device ? new Device(principal.getName()) : new Person(principal.getName());
	}

}
