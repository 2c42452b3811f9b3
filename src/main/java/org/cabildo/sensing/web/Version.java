package org.cabildo.sensing.web;

import java.util.List;

import org.cabildo.sensing.model.Property;

/** The versions of the SensorThings API served, each under its own base path. */
enum Version {

	V1_0("v1.0"), V1_1("v1.1");

	static final String REQUIREMENTS_1_1 = "http://www.opengis.net/spec/iot_sensing/1.1/req/";

	private final String path;

	Version(String path) {
		this.path = path;
	}

	String path() {
		return path;
	}

	static Version of(String path) {
		return path.equals("v1.0") ? V1_0 : V1_1;
	}

	/** Version 1.0 has no {@code properties} outside Thing; it does not show what 1.1 added. */
	boolean shows(Property property) {
		return this == V1_1 || !property.since11();
	}

	/** The requirement classes this server implements, for {@code serverSettings.conformance}. */
	List<String> conformance() {
		return List.of(REQUIREMENTS_1_1 + "datamodel", REQUIREMENTS_1_1 + "resource-path/resource-path-to-entities",
				REQUIREMENTS_1_1 + "request-data", REQUIREMENTS_1_1 + "create-update-delete",
				REQUIREMENTS_1_1 + "create-update-delete/historical-location-manual-creation",
				REQUIREMENTS_1_1 + "create-update-delete/update-entity-put", REQUIREMENTS_1_1 + "data-array/data-array",
				REQUIREMENTS_1_1 + "batch-request/batch-request", REQUIREMENTS_1_1 + "multi-datastream");
	}

}
