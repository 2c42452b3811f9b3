package org.cabildo.indicators.air;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A local air-quality index: categories, and a band table per pollutant and averaging time.
 * Which index a city uses is a setting of the city ({@code cabildo.city.air-index}, see
 * {@link Indices}).
 *
 * @param id the setting's value that names it, also the prefix of its labels
 * @param name its official name
 * @param source where its band tables are published, as a page cites it (words, not a link)
 */
public record Index(String id, String name, String source, List<Category> categories, List<Scale> scales) {

	public Index {
		Objects.requireNonNull(id, "id");
		categories = List.copyOf(categories);
		scales = List.copyOf(scales);
		for (Scale scale : scales) {
			for (Band band : scale.bands()) {
				if (!categories.contains(band.category())) {
					throw new IllegalArgumentException(id + ": " + band.category() + " is not one of its categories");
				}
			}
		}
	}

	/**
	 * The table to hold a single hourly value against: the pollutant's table of the shortest
	 * averaging time (ozone's hourly table rather than its 8-hour one). An hourly value held
	 * against an 8-hour, 12-hour or 24-hour table is an orientation, not the index.
	 */
	public Optional<Scale> scaleForHourlyValue(Pollutant pollutant) {
		return scales.stream()
			.filter(scale -> scale.pollutant() == pollutant)
			.min(Comparator.comparing(Scale::averaging));
	}

	/** The category of an hourly value, and the table it was read from. */
	public Optional<Classification> classifyHourlyValue(Pollutant pollutant, Concentration value) {
		return scaleForHourlyValue(pollutant)
			.flatMap(scale -> scale.band(value).map(band -> new Classification(scale, band.category())));
	}

	/** The key of a category's name in the labels: {@code air.category.<index>.<category>}. */
	public String key(Category category) {
		return "air.category." + id + "." + category.id();
	}

	/** A value's category and the band table (pollutant, averaging time) that gave it. */
	public record Classification(Scale scale, Category category) {
	}

}
