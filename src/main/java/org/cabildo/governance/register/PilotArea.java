package org.cabildo.governance.register;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cabildo.governance.Declaration;

/**
 * The rules of a pilot, wherever one is set (a declaration, a template, a stage change, a bulk
 * change): a GeoJSON Polygon or MultiPolygon to run in, and an end date still to come; once the
 * end date has passed, the pilot is over and is not extended.
 */
public final class PilotArea {

	public static final String AREA = "/pilot/area";

	public static final String ENDS_ON = "/pilot/endsOn";

	private PilotArea() {
	}

	/**
	 * What is wrong with a pilot's area and end date, by JSON pointer; empty when it may run.
	 *
	 * @param today the city's date ({@code CityTime#today}), as every check of a pilot's end takes it
	 */
	public static Map<String, String> problems(Map<String, Object> area, LocalDate endsOn, LocalDate today) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (area == null || !polygonal(area)) {
			problems.put(AREA, "a pilot needs an area: a GeoJSON Polygon or MultiPolygon whose rings have at least"
					+ " four positions, the last equal to the first" + (area == null ? "" : " (not " + type(area) + ")"));
		}
		if (endsOn == null || !endsOn.isAfter(today)) {
			problems.put(ENDS_ON, "a pilot needs an end date after today (e.g. " + today.plusMonths(6) + ")"
					+ (endsOn == null ? "" : "; " + endsOn + " is not"));
		}
		return problems;
	}

	/** Whether a pilot's end date has passed (its last day is the end date). */
	public static boolean ended(Declaration.Pilot pilot, LocalDate today) {
		return pilot != null && pilot.endsOn() != null && pilot.endsOn().isBefore(today);
	}

	private static String type(Map<String, Object> area) {
		Object type = area.get("type");
		if (type == null) {
			return "a geometry without a type";
		}
		return "Polygon".equals(type) || "MultiPolygon".equals(type) ? "these rings" : "a " + type;
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
