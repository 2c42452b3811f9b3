package org.cabildo.identity.security;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

import org.cabildo.identity.Caller;
import org.cabildo.identity.Organisation;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.Role;
import org.cabildo.platform.ApiException;
import org.cabildo.platform.Platform;
import org.cabildo.sensing.WriteAccess;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The rules of writing sensing data: operators change what belongs to their organisation;
 * devices only add Observations to the Datastreams they are bound to. The platform itself may
 * do anything, when its work says so ({@link Platform#runAs}); a write with neither a signed-in
 * caller nor the platform is refused.
 */
@Component
class CallerWriteAccess implements WriteAccess {

	/** Names (or gives the id of) the organisation a new Thing is for, when the caller operates several. */
	static final String ORGANISATION_HEADER = "Cabildo-Organisation";

	private final Organisations organisations;

	CallerWriteAccess(Organisations organisations) {
		this.organisations = organisations;
	}

	@Override
	public long organisationForNewThing() {
		if (Platform.job().isPresent()) {
			return UNASSIGNED;
		}
		Caller caller = signedIn();
		refuseDevice(caller);
		Set<Long> operated = caller.organisationsWith(Role.OPERATOR);
		String named = header(ORGANISATION_HEADER);
		if (named == null) {
			named = CallerAuthentication.actingFor().map(String::valueOf).orElse(null);
		}
		if (named != null && !named.isBlank()) {
			Organisation organisation = named.matches("\\d+")
					? organisations.byId(Long.parseLong(named)).orElse(null)
					: organisations.named(named.strip()).orElse(null);
			if (organisation == null || !operated.contains(organisation.id())) {
				throw forbidden("creating a Thing for organisation '" + named
						+ "' needs the operator role in that organisation", "operator-of-owner");
			}
			return organisation.id();
		}
		if (operated.size() == 1) {
			return operated.iterator().next();
		}
		if (operated.isEmpty()) {
			throw forbidden("creating a Thing needs the operator role in an organisation", "operator-of-owner");
		}
		throw forbidden("you operate several organisations: name the one the Thing is for in the "
				+ ORGANISATION_HEADER + " header", "operator-of-owner");
	}

	@Override
	public void requireChange(Collection<Long> owners, String what) {
		if (Platform.job().isPresent()) {
			return;
		}
		Caller caller = signedIn();
		refuseDevice(caller);
		if (owners.isEmpty()) {
			if (!caller.hasAnywhere(Role.OPERATOR)) {
				throw forbidden("to " + what + " needs the operator role in an organisation", "operator");
			}
			return;
		}
		for (long owner : owners) {
			if (!caller.has(Role.OPERATOR, owner)) {
				throw forbidden("to " + what + " needs the operator role in organisation '" + name(owner)
						+ "', which it belongs to", "operator-of-owner");
			}
		}
	}

	@Override
	public Optional<String> observationsRefused(long datastream, LongSupplier organisation) {
		if (Platform.job().isPresent()) {
			return Optional.empty();
		}
		Optional<Caller> signedIn = CallerAuthentication.current();
		if (signedIn.isEmpty()) {
			requireRequest();
			return Optional.of("writing Observations needs credentials");
		}
		Caller caller = signedIn.get();
		if (caller.isDevice()) {
			return caller.datastreams().contains(datastream) ? Optional.empty()
					: Optional.of("device '" + caller.name() + "' is not bound to Datastream " + datastream);
		}
		long owner = organisation.getAsLong();
		if (owner < 0 ? caller.hasAnywhere(Role.OPERATOR) : caller.has(Role.OPERATOR, owner)) {
			return Optional.empty();
		}
		return Optional.of(owner < 0 ? "writing Observations needs the operator role in an organisation"
				: "writing Observations of Datastream " + datastream + " needs the operator role in organisation '"
						+ name(owner) + "'");
	}

	private String name(long organisation) {
		return organisations.byId(organisation).map(Organisation::name).orElse(Long.toString(organisation));
	}

	private static Caller signedIn() {
		Optional<Caller> caller = CallerAuthentication.current();
		if (caller.isEmpty()) {
			requireRequest();
			throw new ApiException(HttpStatus.UNAUTHORIZED, "writing needs credentials");
		}
		return caller.get();
	}

	/** Work outside a request has no one to answer 401 to: it is a bug unless it runs as the platform. */
	private static void requireRequest() {
		if (RequestContextHolder.getRequestAttributes() == null) {
			throw new IllegalStateException("a write outside a request has no caller; the platform's own work runs"
					+ " through Platform.runAs");
		}
	}

	private static void refuseDevice(Caller caller) {
		if (caller.isDevice()) {
			throw forbidden("devices may only create Observations in the Datastreams they are bound to",
					"device-observations-only");
		}
	}

	private static ApiException forbidden(String detail, String rule) {
		return new ApiException(HttpStatus.FORBIDDEN, detail).with("rule", rule);
	}

	private static String header(String name) {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return attributes.getRequest().getHeader(name);
		}
		return null;
	}

}
