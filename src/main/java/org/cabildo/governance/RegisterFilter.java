package org.cabildo.governance;

import java.util.Arrays;

import org.cabildo.governance.register.Vocabulary;
import org.cabildo.platform.ApiException;
import org.cabildo.sensing.DatastreamPlaces;

/**
 * Which declarations of the public register a reader asks for: the filters of
 * {@code GET /api/register}, its GeoJSON and the portal's map, made by {@link Register#filter}.
 * Each is optional (null: any).
 *
 * @param purpose a DTPR purpose id the stream declares among its purposes
 * @param technology a DTPR technology id the stream declares among its technologies
 * @param organisation the accountable organisation's name or id
 * @param bbox {@code [minLon, minLat, maxLon, maxLat]} around the stream's place
 */
public record RegisterFilter(String purpose, String technology, PersonalDataClass personalDataClass,
		String organisation, Stage stage, AccessLevel access, double[] bbox) {

	/** Every declaration. */
	public static final RegisterFilter ANY = new RegisterFilter(null, null, null, null, null, null, null);

	/** The filter of these parameters (null or blank: any); a bad value is a 400 naming the parameter. */
	static RegisterFilter of(String purpose, String technology, String personalDataClass, String organisation,
			String stage, String access, String bbox, Vocabulary vocabulary) {
		purpose = given(purpose);
		technology = given(technology);
		if (purpose != null && !vocabulary.has("purpose", purpose)) {
			throw ApiException.badRequest("'" + purpose + "' is not a DTPR purpose id").with("parameter", "purpose");
		}
		if (technology != null && !vocabulary.has("tech", technology)) {
			throw ApiException.badRequest("'" + technology + "' is not a DTPR technology id")
				.with("parameter", "technology");
		}
		personalDataClass = given(personalDataClass);
		stage = given(stage);
		access = given(access);
		bbox = given(bbox);
		return new RegisterFilter(purpose, technology,
				personalDataClass == null ? null : PersonalDataClass.of(personalDataClass)
					.orElseThrow(() -> bad("class", "none, pseudonymous, personal or sensitive")),
				given(organisation),
				stage == null ? null : Stage.of(stage).orElseThrow(() -> bad("stage", "lab, pilot, city or retired")),
				access == null ? null : AccessLevel.of(access).orElseThrow(() -> bad("access", "open, restricted or internal")),
				bbox == null ? null : box(bbox));
	}

	/** Whether a declaration, at its place (null when unknown), is one asked for. */
	public boolean matches(Declaration declaration, DatastreamPlaces.Place place) {
		if (purpose != null && !declaration.purposes().contains(purpose)) {
			return false;
		}
		if (technology != null && !declaration.technology().contains(technology)) {
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
			double[] point = place == null ? null : place.anchor();
			return point != null && point[0] >= bbox[0] && point[1] >= bbox[1] && point[0] <= bbox[2]
					&& point[1] <= bbox[3];
		}
		return true;
	}

	/** A parameter's value; an empty one (a form's "any") is none. */
	private static String given(String value) {
		return value == null || value.isBlank() ? null : value.strip();
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
