package org.cabildo.indicators;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A health series by district, as it is loaded: what it counts and how far it may be read.
 *
 * @param code its name in the API, e.g. {@code cdmx-eti-irag-2020}
 * @param name what it counts, in words
 * @param unit what one count is (e.g. "reported cases")
 * @param source whom to attribute, and the licence when known
 * @param method how the counts were made from the source
 * @param caveats what the counts are not
 */
public record HealthSeries(String code, String name, String unit, String source, String method, String caveats) {

	private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	public HealthSeries {
		Objects.requireNonNull(code, "code");
		if (!CODE.matcher(code).matches()) {
			throw new IllegalArgumentException("a series' code is lower-case letters, digits and dashes, not " + code);
		}
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(unit, "unit");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(method, "method");
		Objects.requireNonNull(caveats, "caveats");
	}

}
