package org.cabildo.governance.web;

import java.util.Arrays;

import org.cabildo.governance.AccessLevel;
import org.cabildo.governance.Declaration;
import org.cabildo.governance.PersonalDataClass;
import org.cabildo.governance.Stage;
import org.cabildo.governance.register.Vocabulary;
import org.cabildo.platform.ApiException;
import org.cabildo.sensing.DatastreamPlaces;

/** The filters of {@code GET /api/register}; a bad value is a 400 naming the parameter. */
record RegisterFilter(String purpose, PersonalDataClass personalDataClass, String organisation, Stage stage,
		AccessLevel access, double[] bbox) {

	static RegisterFilter of(String purpose, String personalDataClass, String organisation, String stage,
			String access, String bbox, Vocabulary vocabulary) {
		if (purpose != null && !vocabulary.has("purpose", purpose)) {
			throw ApiException.badRequest("'" + purpose + "' is not a DTPR purpose id").with("parameter", "purpose");
		}
		return new RegisterFilter(purpose,
				personalDataClass == null ? null : PersonalDataClass.of(personalDataClass)
					.orElseThrow(() -> bad("class", "none, pseudonymous, personal or sensitive")),
				organisation,
				stage == null ? null : Stage.of(stage).orElseThrow(() -> bad("stage", "lab, pilot, city or retired")),
				access == null ? null : AccessLevel.of(access).orElseThrow(() -> bad("access", "open, restricted or internal")),
				bbox == null ? null : box(bbox));
	}

	boolean matches(Declaration declaration, DatastreamPlaces.Place place) {
		if (purpose != null && !declaration.purposes().contains(purpose)) {
			return false;
		}
		if (personalDataClass != null && declaration.personalDataClass() != personalDataClass) {
			return false;
		}
		if (organisation != null && !organisation.equals(declaration.organisation())
				&& !organisation.equals(Long.toString(declaration.organisationId()))) {
			return false;
		}
		if (stage != null && declaration.stage() != stage) {
			return false;
		}
		if (access != null && declaration.accessLevel() != access) {
			return false;
		}
		if (bbox != null) {
			double[] point = place == null ? null : Positions.anchor(place.location());
			return point != null && point[0] >= bbox[0] && point[1] >= bbox[1] && point[0] <= bbox[2]
					&& point[1] <= bbox[3];
		}
		return true;
	}

	private static double[] box(String text) {
		String[] parts = text.split(",");
		if (parts.length != 4) {
			throw bad("bbox", "four numbers: minLon,minLat,maxLon,maxLat");
		}
		try {
			double[] box = Arrays.stream(parts).mapToDouble(part -> Double.parseDouble(part.strip())).toArray();
			if (box[0] > box[2] || box[1] > box[3]) {
				throw bad("bbox", "minLon,minLat,maxLon,maxLat with each minimum below its maximum");
			}
			return box;
		}
		catch (NumberFormatException e) {
			throw bad("bbox", "four numbers: minLon,minLat,maxLon,maxLat");
		}
	}

	private static ApiException bad(String parameter, String expected) {
		return ApiException.badRequest(parameter + " is " + expected).with("parameter", parameter);
	}

}
