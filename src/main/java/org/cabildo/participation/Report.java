package org.cabildo.participation;

import java.time.Instant;
import java.util.Map;

/**
 * A resident's report of a problem (an Open311 service request) as the public sees it: never
 * who filed it.
 *
 * @param agency the office responsible
 * @param notice what the reporter was told at filing (e.g. the same problem reported nearby)
 * @param attributes the answers to the service's questions, by attribute code
 * @param duplicateOf the open report of the same service nearby that the reporter was offered
 */
public record Report(long id, String token, String serviceCode, Status status, String statusNotes,
		String description, String agency, String notice, Place place, Times times, Map<String, Object> attributes,
		String mediaUrl, Long duplicateOf) {

	/** The standard's two statuses. */
	public enum Status {

		OPEN, CLOSED;

		public String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		public static java.util.Optional<Status> of(String label) {
			for (Status status : values()) {
				if (status.label().equals(label)) {
					return java.util.Optional.of(status);
				}
			}
			return java.util.Optional.empty();
		}

	}

	/** Where the problem is: a point, an address, or both; the district the point is in. */
	public record Place(Double lat, Double lon, String address, String addressId, String zipcode, String district) {
	}

	/**
	 * When: filed, last changed, expected to be answered, first answered, closed (the last three
	 * may be null).
	 */
	public record Times(Instant requested, Instant updated, Instant expected, Instant answered, Instant closed) {
	}

}
