package org.cabildo.portal;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.cabildo.governance.AccessLevel;
import org.cabildo.governance.Declaration;
import org.cabildo.governance.Register;
import org.cabildo.platform.CityTime;
import org.cabildo.sensing.LatestReading;
import org.cabildo.sensing.LatestReadings;
import org.cabildo.sensing.ReadContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Puts the home page together from the public register and from the latest readings as an
 * anonymous caller of the API may read them: the page shows a resident nothing the API would
 * not show them.
 */
@Component
class HomePage {

	/** The DTPR technology of the streams shown under "the air now". */
	static final String AIR_QUALITY = "air_quality";

	private final Register register;

	private final LatestReadings latest;

	private final CityTime city;

	private final MessageSource messages;

	private final CityAir cityAir;

	HomePage(Register register, LatestReadings latest, CityTime city, MessageSource messages, CityAir cityAir) {
		this.register = register;
		this.latest = latest;
		this.city = city;
		this.messages = messages;
		this.cityAir = cityAir;
	}

	Home of(Language language, String request) {
		NumberFormat numbers = NumberFormat.getNumberInstance(language.locale());
		List<Declaration> declarations = register.all();
		Map<String, Long> purposes = tally(declarations.stream().flatMap(d -> d.purposes().stream()).toList(),
				id -> register.label("purpose", id, language.code()));
		Map<String, Long> classes = tally(declarations.stream().map(d -> d.personalDataClass().id()).toList(),
				id -> messages.getMessage("personal-data." + id, null, id, language.locale()));
		Set<Long> air = declarations.stream()
			.filter(d -> d.accessLevel() == AccessLevel.OPEN && d.technology().contains(AIR_QUALITY))
			.map(Declaration::datastreamId)
			.collect(Collectors.toSet());
		List<LatestReading> readings = latest.of(new ReadContext.Anonymous(null, request), air);
		DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(language.locale());
		return new Home(numbers.format(declarations.size()), tallies(purposes, numbers), tallies(classes, numbers),
				readings.stream()
					.sorted(Comparator.comparing(LatestReading::thing).thenComparing(LatestReading::observedProperty))
					.map(reading -> reading(reading, times, numbers, language.locale()))
					.toList(),
				city.name(), cityAir.key(language.locale()));
	}

	private static Map<String, Long> tally(List<String> ids, Function<String, String> label) {
		return ids.stream().collect(Collectors.groupingBy(label, TreeMap::new, Collectors.counting()));
	}

	private static List<Home.Tally> tallies(Map<String, Long> counts, NumberFormat numbers) {
		return counts.entrySet().stream().map(e -> new Home.Tally(e.getKey(), numbers.format(e.getValue()))).toList();
	}

	private Home.StationReading reading(LatestReading reading, DateTimeFormatter times, NumberFormat numbers,
			Locale locale) {
		return new Home.StationReading(reading.thing(), reading.observedProperty(), value(reading.result(), numbers),
				CityAir.unit(reading.unit()), times.format(city.local(reading.time())),
				cityAir.category(reading.observedProperty(), reading.unit(), reading.result(), locale),
				cityAir.who(reading.observedProperty(), reading.unit(), reading.result(), locale));
	}

	/** A numeric result in the page's language (1.234,5 in Spanish); any other result as it is. */
	private static String value(String result, NumberFormat numbers) {
		try {
			return numbers.format(Double.parseDouble(result));
		}
		catch (NumberFormatException e) {
			return result;
		}
	}

}
