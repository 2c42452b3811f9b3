package org.cabildo.participation;

import java.util.List;
import java.util.Map;

/**
 * A report as a resident sends it, every value as given (the Open311 {@code POST requests}
 * arguments, or the portal's form): {@link Reports#file} checks it whole before anything is
 * stored.
 *
 * @param jurisdictionId the jurisdiction named, or null
 * @param lat the latitude as sent, or null
 * @param lon the longitude as sent, or null
 * @param district the code of the district the reporter chose, or null: the portal's form places a
 *        report by district where no point is given (a resident without the map's script); Open311
 *        has no such argument and sends null
 * @param attributes the answers to the service's questions, by attribute code (a multivaluelist may have several)
 * @param photo the photo as uploaded, not yet read, or null
 * @param said what the reporter chose to say about themselves, counted apart from the report
 */
public record Filing(String jurisdictionId, String serviceCode, String lat, String lon, String addressString,
		String addressId, String district, Map<String, List<String>> attributes, String description, String mediaUrl, Reporter reporter,
		PhotoUpload photo, Demographics said) {

	public Filing {
		attributes = Map.copyOf(attributes);
	}

}
