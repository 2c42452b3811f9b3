package org.cabildo.participation;

import java.util.List;

import org.cabildo.platform.ApiException;
import org.springframework.http.HttpStatus;

/**
 * What a resident chose to say about themselves when taking part: a gender and an age band,
 * each optional. Never stored with who they are or what they filed ({@link DeclaredDemographics}).
 *
 * @param gender one of {@link #GENDERS}, or null when not said
 * @param ageBand one of {@link #AGE_BANDS}, or null when not said
 */
public record Demographics(String gender, String ageBand) {

	public static final List<String> GENDERS = List.of("woman", "man", "non-binary", "other");

	public static final List<String> AGE_BANDS = List.of("under-18", "18-29", "30-44", "45-59", "60-74", "75-plus");

	public static final Demographics NOT_SAID = new Demographics(null, null);

	/** Checks what was sent (blank: not said); 400 naming the field otherwise. */
	public static Demographics of(String gender, String ageBand, String genderField, String ageField) {
		return new Demographics(checked(gender, GENDERS, genderField), checked(ageBand, AGE_BANDS, ageField));
	}

	public boolean said() {
		return gender != null || ageBand != null;
	}

	private static String checked(String value, List<String> allowed, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.trim();
		if (!allowed.contains(v)) {
			throw new ApiException(HttpStatus.BAD_REQUEST, field + ": one of " + String.join(", ", allowed)
					+ ", or nothing").with("field", field);
		}
		return v;
	}

}
