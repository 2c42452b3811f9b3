package org.cabildo.sensing.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.model.Property;
import org.locationtech.jts.geom.Geometry;

/** Records what the translator asks for and answers with fixed ids. */
final class FakeGeometryMatcher implements GeometryMatcher {

	record Call(EntityType type, Property property, Predicate<Geometry> predicate) {
	}

	final List<Call> calls = new ArrayList<>();

	long[] ids = { 3, 7 };

	@Override
	public long[] matchingIds(EntityType type, Property geometry, Predicate<Geometry> predicate) {
		calls.add(new Call(type, geometry, predicate));
		return ids.clone();
	}

	Call onlyCall() {
		assertThat(calls).hasSize(1);
		return calls.get(0);
	}

}
