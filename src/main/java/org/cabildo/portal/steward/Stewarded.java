package org.cabildo.portal.steward;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.cabildo.governance.Declaration;
import org.cabildo.governance.Register;
import org.cabildo.identity.Caller;
import org.cabildo.identity.Role;
import org.cabildo.platform.ApiException;
import org.cabildo.sensing.DatastreamPlaces;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What every steward page asks first, of the same services the API asks: who the caller is, of
 * which organisations they are a steward, and whether they steward a stream's owner (the
 * register's own check, {@link Register#requireSteward}: 403 otherwise, 404 for no such stream).
 */
@Component
class Stewarded {

	private final Register register;

	private final DatastreamPlaces places;

	Stewarded(Register register, DatastreamPlaces places) {
		this.register = register;
		this.places = places;
	}

	/** The organisations the signed-in person is a steward of; 403 when none. */
	Set<Long> organisations() {
		Set<Long> organisations = person().organisationsWith(Role.STEWARD);
		if (organisations.isEmpty()) {
			throw new ApiException(HttpStatus.FORBIDDEN, "the steward console is for stewards of an organisation")
				.with("rule", "steward");
		}
		return organisations;
	}

	/** A stream's owner, once the caller is known to be one of its stewards (404, 403 otherwise). */
	long owner(long datastream) {
		long owner = register.owner(datastream);
		Register.requireSteward(owner);
		return owner;
	}

	/** A declared stream's current declaration, for one of its owner's stewards (404, 403 otherwise). */
	Declaration declaration(long datastream) {
		owner(datastream);
		return register.current(datastream)
			.orElseThrow(() -> ApiException.notFound("Datastream " + datastream + " has no declaration"));
	}

	/** Who writes, named as the API names them ({@code PUT /api/register/{id}}). */
	String actor() {
		return Caller.current().map(Caller::name).orElse("platform");
	}

	/** The streams' names (Datastream, and Thing), for headings and lists. */
	Map<Long, DatastreamPlaces.Place> places(Collection<Long> datastreams) {
		return places.of(datastreams);
	}

	/** A stream's name as a heading says it: its Thing's and its own. */
	String name(long datastream) {
		DatastreamPlaces.Place place = places.of(Set.of(datastream)).get(datastream);
		return place == null ? "" : place.thing() + " · " + place.name();
	}

	private static Caller person() {
		return Caller.current()
			.filter(caller -> !caller.isDevice())
			.orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "the console is for people who signed in"));
	}

}
