package org.cabildo.governance.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cabildo.governance.Declaration;
import org.cabildo.governance.DtprLabels;
import org.cabildo.governance.register.Vocabulary;
import org.cabildo.sensing.DatastreamPlaces;

/** A stream as a map feature, with what a sign on the street would tell a passer-by, in one language. */
final class StreetSign {

	private StreetSign() {
	}

	static Map<String, Object> feature(Declaration declaration, DatastreamPlaces.Place place, Vocabulary vocabulary,
			String language) {
		double[] point = place == null ? null : place.anchor();
		DtprLabels labels = DtprLabels.of(declaration, vocabulary, language);
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("datastreamId", declaration.datastreamId());
		properties.put("name", place == null ? null : place.name());
		properties.put("thing", place == null ? null : place.thing());
		properties.put("purpose", DtprLabels.names(labels.purposes()));
		properties.put("technology", DtprLabels.names(labels.technology()));
		properties.put("dataCollected", DtprLabels.names(labels.dataCollected()));
		properties.put("organisation", declaration.organisation());
		properties.put("contact", declaration.contact());
		properties.put("retention", declaration.retention());
		properties.put("personalDataClass", declaration.personalDataClass());
		properties.put("accessLevel", declaration.accessLevel());
		properties.put("stage", declaration.stage());
		properties.put("summary", declaration.summary());
		properties.put("version", declaration.version());
		Map<String, Object> feature = new LinkedHashMap<>();
		feature.put("type", "Feature");
		feature.put("id", declaration.datastreamId());
		feature.put("geometry", point == null ? null : Map.of("type", "Point", "coordinates", List.of(point[0], point[1])));
		feature.put("properties", properties);
		return feature;
	}

}
