package org.cabildo.portal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

import org.cabildo.platform.CitySettings;
import org.cabildo.indicators.air.Concentration;
import org.cabildo.indicators.air.Guideline;
import org.cabildo.indicators.air.Guidelines;
import org.cabildo.indicators.air.Index;
import org.cabildo.indicators.air.Indices;
import org.cabildo.indicators.air.Pollutant;
import org.cabildo.indicators.air.Unit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * How the portal writes the city's air: each value's category in the city's local index
 * ({@code cabildo.city.air-index}; none for a city without one), and the WHO 2021 guideline
 * beside it, in words, in the page's language. The values are hourly means, the index and
 * the guidelines are defined on averages: the comparison is an orientation, and the page says so.
 */
@Component
class CityAir {

	private static final Logger log = LoggerFactory.getLogger(CityAir.class);

	private final Optional<Index> index;

	private final Guidelines guidelines = Guidelines.WHO_2021;

	private final MessageSource messages;

	private final Map<Locale, Home.AirKey> keys = new ConcurrentHashMap<>();

	/** @throws IllegalArgumentException at start, for an index the platform does not know */
	CityAir(CitySettings city, MessageSource messages) {
		this.index = Indices.named(city.airIndex());
		this.messages = messages;
		log.info("City air index: {} (cabildo.city.air-index); guidelines beside it: {}",
				index.map(Index::name).orElse("none"), guidelines.name());
	}

	/** The category of an hourly value in the city's index; null when the city has none or it does not apply. */
	Category category(String pollutantName, String unitSymbol, String result, Locale locale) {
		if (index.isEmpty()) {
			return null;
		}
		return measured(pollutantName, unitSymbol, result)
			.flatMap(m -> index.get().classifyHourlyValue(m.pollutant(), m.value()))
			.map(found -> new Category(label(index.get().key(found.category()), locale),
					"air-category air-level-" + found.category().level()))
			.orElse(null);
	}

	/** The WHO short-term guideline beside a value, and whether the value is above it; null for no pollutant of theirs. */
	Who who(String pollutantName, String unitSymbol, String result, Locale locale) {
		Optional<Pollutant> pollutant = Pollutant.named(pollutantName);
		Optional<Guideline> guideline = pollutant.flatMap(guidelines::shortTerm);
		if (guideline.isEmpty()) {
			return null;
		}
		String value = guideline(guideline.get(), locale);
		Optional<Measured> measured = measured(pollutantName, unitSymbol, result);
		Optional<Concentration> converted = measured
			.flatMap(m -> m.value().in(guideline.get().value().unit(), m.pollutant()));
		if (converted.isEmpty()) {
			return new Who(value, null, null);
		}
		boolean above = converted.get().value().compareTo(guideline.get().value().value()) > 0;
		String comparison = label(above ? "air.who.above" : "air.who.below", locale);
		if (measured.get().value().unit() != converted.get().unit()) {
			comparison = messages.getMessage("air.who.converted",
					new Object[] { comparison, number(converted.get(), locale), converted.get().unit().symbol() },
					locale);
		}
		return new Who(value, comparison, above ? "who-above" : "who-below");
	}

	/** What the page says about the colours and the guidelines, once, under the values; made once per language. */
	Home.AirKey key(Locale locale) {
		return keys.computeIfAbsent(locale, this::makeKey);
	}

	private Home.AirKey makeKey(Locale locale) {
		List<Home.GuidelineRow> rows = Arrays.stream(Pollutant.values())
			.map(pollutant -> new Home.GuidelineRow(pollutant.symbol(),
					guidelines.shortTerm(pollutant).map(g -> guideline(g, locale)).orElse("")
							+ guidelines.longTerm(pollutant).map(g -> "; " + guideline(g, locale)).orElse("")))
			.toList();
		if (index.isEmpty()) {
			return new Home.AirKey(null, null, List.of(), guidelines.name(), guidelines.source(), rows);
		}
		List<String> tables = Arrays.stream(Pollutant.values())
			.flatMap(pollutant -> index.get()
				.scaleForHourlyValue(pollutant)
				.map(scale -> pollutant.symbol() + ": " + label(scale.averaging().key(), locale))
				.stream())
			.toList();
		return new Home.AirKey(index.get().name(), index.get().source(), tables, guidelines.name(),
				guidelines.source(), rows);
	}

	private String guideline(Guideline guideline, Locale locale) {
		return messages.getMessage("air.who.value", new Object[] { number(guideline.value(), locale),
				guideline.value().unit().symbol(), label(guideline.averaging().key(), locale) }, locale);
	}

	private String label(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private static String number(Concentration value, Locale locale) {
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMaximumFractionDigits(value.unit() == Unit.MILLIGRAMS_PER_CUBIC_METRE ? 2 : 1);
		return format.format(value.value());
	}

	private static Optional<Measured> measured(String pollutantName, String unitSymbol, String result) {
		Optional<Pollutant> pollutant = Pollutant.named(pollutantName);
		Optional<Unit> unit = Unit.of(unitSymbol);
		if (pollutant.isEmpty() || unit.isEmpty() || result == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(new Measured(pollutant.get(), new Concentration(new BigDecimal(result.strip()), unit.get())));
		}
		catch (NumberFormatException notANumber) {
			return Optional.empty();
		}
	}

	private record Measured(Pollutant pollutant, Concentration value) {
	}

	/** A category of the city's index in words, and the style sheet's classes that colour it. */
	record Category(String name, String css) {
	}

	/**
	 * @param guideline the value, unit and averaging time (15 µg/m³ (24 h))
	 * @param comparison whether the hourly value is above it, in words; null when it cannot be compared
	 * @param css the style sheet's class for the comparison
	 */
	record Who(String guideline, String comparison, String css) {
	}

}
