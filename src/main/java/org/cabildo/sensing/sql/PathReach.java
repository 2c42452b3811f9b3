package org.cabildo.sensing.sql;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.model.Navigation;
import org.cabildo.sensing.query.Expr;

/**
 * How far the navigation paths of one filter may fan out. Each step to many related entities
 * multiplies the rows a condition is evaluated on, and a path that climbs to a shared parent and
 * comes back down (an Observation's {@code Datastream/Sensor/Datastreams/Observations}) joins the
 * largest table with itself: a few such filters would keep the database busy for minutes.
 * <p>
 * The limits leave every query the standard's examples and the conformance tests make:
 * {@code Things?$filter=Datastreams/Observations/result gt 3},
 * {@code Locations?$filter=Things/Datastreams/name eq 'x'},
 * {@code Observations?$filter=Datastream/Thing/Locations/name eq 'x'}.
 */
final class PathReach {

	/** Steps to many related entities one path may take. */
	static final int MAX_TO_MANY_STEPS = 2;

	/** Steps to many a path may take after a step to a single related entity. */
	static final int MAX_TO_MANY_STEPS_AFTER_CLIMB = 1;

	/** Distinct paths through to-many relations in one filter. */
	static final int MAX_TO_MANY_PATHS = 3;

	private final EntityType root;

	private final Set<String> toManyPaths = new LinkedHashSet<>();

	PathReach(EntityType root) {
		this.root = root;
	}

	/** Whether any path of the filter goes through a to-many relation. */
	boolean reachesMany() {
		return !toManyPaths.isEmpty();
	}

	/** Why the path goes too far, given the paths already seen in the filter; empty if it does not. */
	Optional<String> refusal(Expr.Path path) {
		EntityType type = root;
		int toMany = 0;
		int toManyAfterClimb = 0;
		boolean climbed = false;
		String throughMany = null;
		List<String> segments = path.segments();
		for (int i = 0; i < segments.size(); i++) {
			Optional<Navigation> step = type.navigation(segments.get(i));
			if (step.isEmpty()) {
				break;
			}
			Navigation navigation = step.get();
			if (navigation.toMany()) {
				toMany++;
				toManyAfterClimb += climbed ? 1 : 0;
				throughMany = String.join("/", segments.subList(0, i + 1));
			}
			else {
				climbed = true;
			}
			type = navigation.target();
		}
		if (toMany > MAX_TO_MANY_STEPS) {
			return Optional.of("the path '" + path + "' takes " + toMany + " steps to many related entities; at most "
					+ MAX_TO_MANY_STEPS + " are allowed");
		}
		if (toManyAfterClimb > MAX_TO_MANY_STEPS_AFTER_CLIMB) {
			return Optional.of("the path '" + path + "' goes up to a related entity and then down " + toManyAfterClimb
					+ " steps to many; at most " + MAX_TO_MANY_STEPS_AFTER_CLIMB + " is allowed");
		}
		if (throughMany != null && toManyPaths.add(throughMany) && toManyPaths.size() > MAX_TO_MANY_PATHS) {
			return Optional.of("the filter reaches many related entities through " + toManyPaths.size()
					+ " different paths; at most " + MAX_TO_MANY_PATHS + " are allowed");
		}
		return Optional.empty();
	}

}
