package org.cabildo.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.cabildo.platform.ApiException;
import org.springframework.http.HttpStatus;

/**
 * Who makes a request: a person (built-in account, personal API token or OIDC JWT) with roles
 * per organisation, or a device bound to datastreams.
 *
 * @param id the person's or device's id; -1 for a person known only to the OIDC provider
 * @param organisation the person's or device's own organisation, -1 if none
 * @param grants roles per organisation id
 * @param datastreams the datastreams a device may write to (empty for a person)
 */
public record Caller(Kind kind, long id, String name, long organisation, Map<Long, Set<Role>> grants,
		Set<Long> datastreams) {

	public enum Kind {

		PERSON, DEVICE

	}

	public Caller {
		grants = Map.copyOf(grants);
		datastreams = Set.copyOf(datastreams);
	}

	/** The caller a principal of a signed-in request stands for; empty for any other principal. */
	public static java.util.Optional<Caller> of(java.security.Principal principal) {
		return principal instanceof org.cabildo.identity.security.CallerAuthentication signedIn
				? java.util.Optional.of(signedIn.caller()) : java.util.Optional.empty();
	}

	/** The caller a signed-in request's principal stands for; 401 for any other principal, or none. */
	public static Caller required(java.security.Principal principal) {
		return of(principal).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "this needs credentials"));
	}

	/** The caller of the current HTTP request, if one signed in. */
	public static java.util.Optional<Caller> current() {
		return org.cabildo.identity.security.CallerAuthentication.current();
	}

	/**
	 * Does work on this caller's behalf on the current thread, outside the request that asked for
	 * it (an import running in the background): every access rule applies as in that request, and
	 * new Things are for {@code organisation}, as if the request had named it.
	 */
	public <T> T onBehalf(long organisation, java.util.function.Supplier<T> work) {
		return org.cabildo.identity.security.CallerAuthentication.onBehalfOf(this, organisation, work);
	}

	public boolean isDevice() {
		return kind == Kind.DEVICE;
	}

	public boolean has(Role role, long organisation) {
		return grants.getOrDefault(organisation, Set.of()).contains(role);
	}

	public boolean hasAnywhere(Role role) {
		return grants.values().stream().anyMatch(roles -> roles.contains(role));
	}

	/** Refuses (403) unless the caller is an admin of the organisation. */
	public Caller requireAdmin(long organisation) {
		if (!has(Role.ADMIN, organisation)) {
			throw new ApiException(HttpStatus.FORBIDDEN, "this needs the admin role in organisation " + organisation)
				.with("rule", "admin-of-organisation");
		}
		return this;
	}

	/**
	 * Refuses (403) unless the caller is an admin of every one of these organisations: managing a
	 * person or device that belongs to several needs the admin role in each, or an admin of one
	 * could act in the others through it.
	 *
	 * @param what the management, for the refusal: "managing device 5"
	 */
	public Caller requireAdminOfEach(Collection<Long> organisations, String what) {
		for (long organisation : organisations) {
			if (!has(Role.ADMIN, organisation)) {
				throw new ApiException(HttpStatus.FORBIDDEN, what + " needs the admin role in organisation "
						+ organisation + ", which it belongs to")
					.with("rule", "admin-of-every-organisation")
					.with("organisation", organisation);
			}
		}
		return this;
	}

	/** The caller of the current request; 401 when no one signed in. */
	public static Caller signedIn() {
		return current().orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "this needs credentials"));
	}

	/** The organisations in which the caller holds a role, in id order. */
	public Set<Long> organisationsWith(Role role) {
		Set<Long> found = new TreeSet<>();
		grants.forEach((organisation, roles) -> {
			if (roles.contains(role)) {
				found.add(organisation);
			}
		});
		return found;
	}

	@Override
	public String toString() {
		return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + name;
	}

}
