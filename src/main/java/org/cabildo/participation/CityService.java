package org.cabildo.participation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What residents may report (an Open311 service), and which office answers it.
 *
 * @param office the office that answers, its name holding {@code {district}} where each district
 *        has its own (the name of the district the report is in)
 * @param fallbackOffice the office that answers a report in no district
 * @param expectedResponse how soon the office is expected to answer
 */
public record CityService(String code, String name, String description, List<String> keywords, String group,
		String office, String fallbackOffice, Duration expectedResponse, List<ServiceAttribute> attributes) {

	public CityService {
		keywords = List.copyOf(keywords);
		attributes = List.copyOf(attributes);
	}

	/** The office responsible for a report in this district (by its name; null: in none). */
	public String officeFor(String districtName) {
		if (!office.contains("{district}")) {
			return office;
		}
		return districtName == null ? fallbackOffice : office.replace("{district}", districtName);
	}

	public Optional<ServiceAttribute> attribute(String code) {
		return attributes.stream().filter(a -> a.code().equals(code)).findFirst();
	}

	/** Whether residents answer questions about it (the standard's {@code metadata}). */
	public boolean hasAttributes() {
		return !attributes.isEmpty();
	}

}
