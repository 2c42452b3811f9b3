package org.cabildo.participation;

import java.util.List;
import java.util.Optional;

import org.cabildo.indicators.DistrictRegister;
import org.springframework.stereotype.Component;

/**
 * Where this server takes reports: inside the configured box, and inside a district when the
 * city has districts. A report's place decides its district, and so the office that answers it.
 */
@Component
public class Jurisdiction {

	/** Where a report is: its district's code and name, both null when in none. */
	public record Placed(String district, String districtName) {

		static final Placed NOWHERE = new Placed(null, null);

	}

	private final String id;

	private final List<Double> bounds;

	private final DistrictRegister districts;

	private final boolean withinDistricts;

	Jurisdiction(ParticipationSettings settings, DistrictRegister districts) {
		this.id = settings.open311().jurisdictionId();
		this.bounds = List.copyOf(settings.open311().bounds());
		if (!bounds.isEmpty() && bounds.size() != 4) {
			throw new IllegalStateException(
					"cabildo.participation.open311.bounds: four numbers, [west, south, east, north]; got " + bounds);
		}
		this.districts = districts;
		this.withinDistricts = settings.open311().withinDistricts();
	}

	public String id() {
		return id;
	}

	/**
	 * The district a point is in; empty when the point is outside the jurisdiction (outside the
	 * box, or in no district of a city that has districts).
	 */
	public Optional<Placed> place(double lat, double lon) {
		if (!bounds.isEmpty() && (lon < bounds.get(0) || lat < bounds.get(1) || lon > bounds.get(2)
				|| lat > bounds.get(3))) {
			return Optional.empty();
		}
		Optional<String> district = districts.districtAt(lon, lat);
		if (district.isEmpty()) {
			return withinDistricts && !districts.boundaries().isEmpty() ? Optional.empty() : Optional.of(Placed.NOWHERE);
		}
		return Optional.of(new Placed(district.get(), name(district.get())));
	}

	/** The district a point is in, wherever it is (for placing stored reports again). */
	Placed districtOf(double lat, double lon) {
		return districts.districtAt(lon, lat).map(id -> new Placed(id, name(id))).orElse(Placed.NOWHERE);
	}

	private String name(String district) {
		return districts.boundaries()
			.stream()
			.filter(b -> b.id().equals(district))
			.map(DistrictRegister.Boundary::name)
			.findFirst()
			.orElse(district);
	}

	/** A district of the city by its code (a report placed by district, without a point); empty when unknown. */
	public Optional<Placed> district(String code) {
		return districts.boundaries()
			.stream()
			.filter(b -> b.id().equals(code))
			.findFirst()
			.map(b -> new Placed(b.id(), b.name()));
	}

	/** What the jurisdiction's area is, for a refusal: the box and whether districts bound it. */
	public String describe() {
		String box = bounds.isEmpty() ? "" : "the box west " + bounds.get(0) + ", south " + bounds.get(1) + ", east "
				+ bounds.get(2) + ", north " + bounds.get(3);
		boolean byDistricts = withinDistricts && !districts.boundaries().isEmpty();
		if (box.isEmpty()) {
			return byDistricts ? "the city's districts" : "anywhere";
		}
		return byDistricts ? box + ", within the city's districts" : box;
	}

}
