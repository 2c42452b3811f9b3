package org.cabildo.sensing.sql;

import java.util.function.Predicate;

import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.model.Property;
import org.locationtech.jts.geom.Geometry;

/**
 * Finds the entities whose geometry property satisfies a predicate. Geometry predicates run
 * in Java (JTS) so that no spatial database extension is needed; the ids they yield join the
 * rest of the query in SQL.
 */
public interface GeometryMatcher {

	long[] matchingIds(EntityType type, Property geometry, Predicate<Geometry> predicate);

}
