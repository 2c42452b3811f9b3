package org.cabildo.governance.objections;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.cabildo.governance.Declaration;

/** The rules of a pilot: a GeoJSON polygon to run in, and an end date still to come. */
final class PilotArea {

	private PilotArea() {
	}

	static Declaration.Pilot checked(StageChanges.PilotRequest pilot, Clock clock) {
		if (pilot == null || pilot.area() == null || !polygonal(pilot.area())) {
			throw StageChanges.refused("pilot-area", "a pilot needs an area: a GeoJSON Polygon or MultiPolygon"
					+ " (pilot.area)").with("pointer", "/pilot/area");
		}
		LocalDate endsOn;
		try {
			endsOn = pilot.endsOn() == null ? null : LocalDate.parse(pilot.endsOn());
		}
		catch (DateTimeParseException e) {
			endsOn = null;
		}
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		if (endsOn == null || !endsOn.isAfter(today)) {
			throw StageChanges.refused("pilot-end-date", "a pilot needs an end date after today (pilot.endsOn,"
					+ " e.g. " + today.plusMonths(6) + ")").with("pointer", "/pilot/endsOn");
		}
		return new Declaration.Pilot(pilot.area(), endsOn);
	}

	private static boolean polygonal(Map<String, Object> area) {
		Object coordinates = area.get("coordinates");
		return switch (String.valueOf(area.get("type"))) {
			case "Polygon" -> polygon(coordinates);
			case "MultiPolygon" -> coordinates instanceof List<?> polygons && !polygons.isEmpty()
					&& polygons.stream().allMatch(PilotArea::polygon);
			default -> false;
		};
	}

	/** Rings of at least four positions, the last equal to the first (RFC 7946, 3.1.6). */
	private static boolean polygon(Object coordinates) {
		return coordinates instanceof List<?> rings && !rings.isEmpty() && rings.stream().allMatch(ring -> ring instanceof List<?> positions
				&& positions.size() >= 4 && positions.stream().allMatch(PilotArea::position)
				&& positions.getFirst().equals(positions.getLast()));
	}

	private static boolean position(Object position) {
		return position instanceof List<?> numbers && numbers.size() >= 2
				&& numbers.stream().allMatch(Number.class::isInstance);
	}

}
