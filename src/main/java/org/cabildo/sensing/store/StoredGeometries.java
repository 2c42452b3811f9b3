package org.cabildo.sensing.store;

import java.util.function.Predicate;
import java.util.stream.LongStream;

import org.cabildo.sensing.geo.GeoJson;
import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.model.Property;
import org.cabildo.sensing.sql.GeometryMatcher;
import org.locationtech.jts.geom.Geometry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Evaluates geometry predicates over the stored GeoJSON of one entity type. */
@Component
class StoredGeometries implements GeometryMatcher {

	private final JdbcClient jdbc;

	StoredGeometries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public long[] matchingIds(EntityType type, Property geometry, Predicate<Geometry> predicate) {
		LongStream.Builder ids = LongStream.builder();
		jdbc.sql("SELECT id, " + geometry.column() + " FROM " + type.table() + " WHERE " + geometry.column()
				+ " IS NOT NULL")
			.query(rs -> {
				Geometry parsed = parse(rs.getString(2));
				if (parsed != null && predicate.test(parsed)) {
					ids.add(rs.getLong(1));
				}
			});
		return ids.build().toArray();
	}

	private static Geometry parse(String json) {
		try {
			return GeoJson.read(JsonMapper.shared().readTree(json));
		}
		catch (RuntimeException e) {
			return null;
		}
	}

}
