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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.cabildo.governance.AccessLevel;
import org.cabildo.governance.Declaration;
import org.cabildo.governance.Register;
import org.cabildo.platform.CityTime;
import org.cabildo.indicators.air.Unit;
import org.cabildo.sensing.LatestReading;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Puts the home page together from the public register and from the latest readings as an
 * anonymous caller of the API may read them: the page shows a resident nothing the API would
 * not show them.
 *
 * <p>
 * What it makes is kept per language for as long as what it was made from holds: the register's
 * tallies until a declaration changes ({@link Register#generation()}), the air table for one read
 * of the latest readings ({@link LatestAir}), the page for both. At most one of each per language.
 */
@Component
class HomePage {

	/** The DTPR technology of the streams shown under "the air now". */
	static final String AIR_QUALITY = "air_quality";

	private final Register register;

	private final LatestAir latest;

	private final CityTime city;

	private final MessageSource messages;

	private final CityAir cityAir;

	private final Map<Language, Declared> registers = new ConcurrentHashMap<>();

	private final Map<Language, Made> pages = new ConcurrentHashMap<>();

	HomePage(Register register, LatestAir latest, CityTime city, MessageSource messages, CityAir cityAir) {
		this.register = register;
		this.latest = latest;
		this.city = city;
		this.messages = messages;
		this.cityAir = cityAir;
	}

	/**
	 * The home page in a language: the same object for as long as what it is made from holds
	 * (so that what is made of it, the page itself, can be kept with it).
	 */
	Home of(Language language, String request) {
		Declared declared = tallies(language);
		LatestAir.Snapshot snapshot = latest.of(declared.air(), declared.recordedForNoOne(), request);
		Made made = pages.get(language);
		if (made != null && made.declared() == declared && made.snapshot() == snapshot) {
			return made.home();
		}
		List<Home.StationReading> rows = made != null && made.snapshot() == snapshot ? made.home().air()
				: readings(snapshot.readings(), language);
		Home home = new Home(declared.sensors(), declared.byPurpose(), declared.byPersonalData(), rows, city.name(),
				cityAir.key(language.locale()));
		pages.put(language, new Made(declared, snapshot, home));
		return home;
	}

	/** What the register says, counted and written in a language; made again when a declaration changes. */
	private Declared tallies(Language language) {
		long generation = register.generation();
		Declared kept = registers.get(language);
		if (kept != null && kept.generation() == generation) {
			return kept;
		}
		NumberFormat numbers = NumberFormat.getNumberInstance(language.locale());
		List<Declaration> declarations = register.all();
		Map<String, Long> purposes = tally(declarations.stream().flatMap(d -> d.purposes().stream()).toList(),
				id -> register.label("purpose", id, language.code()));
		Map<String, Long> classes = tally(declarations.stream().map(d -> d.personalDataClass().id()).toList(),
				id -> messages.getMessage("personal-data." + id, null, id, language.locale()));
		List<Declaration> open = declarations.stream()
			.filter(d -> d.accessLevel() == AccessLevel.OPEN && d.technology().contains(AIR_QUALITY))
			.toList();
		Declared made = new Declared(generation, numbers.format(declarations.size()), tallies(purposes, numbers),
				tallies(classes, numbers), open.stream().map(Declaration::datastreamId).collect(Collectors.toUnmodifiableSet()),
				open.stream().noneMatch(d -> d.personalDataClass().isPersonal()));
		registers.put(language, made);
		return made;
	}

	private List<Home.StationReading> readings(List<LatestReading> readings, Language language) {
		NumberFormat numbers = NumberFormat.getNumberInstance(language.locale());
		DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(language.locale());
		String none = messages.getMessage("air.none", null, language.locale());
		return readings.stream()
			.sorted(Comparator.comparing(LatestReading::thing).thenComparing(LatestReading::observedProperty))
			.map(reading -> reading(reading, times, numbers, language.locale(), none))
			.toList();
	}

	private static Map<String, Long> tally(List<String> ids, Function<String, String> label) {
		return ids.stream().collect(Collectors.groupingBy(label, TreeMap::new, Collectors.counting()));
	}

	private static List<Home.Tally> tallies(Map<String, Long> counts, NumberFormat numbers) {
		return counts.entrySet().stream().map(e -> new Home.Tally(e.getKey(), numbers.format(e.getValue()))).toList();
	}

	private Home.StationReading reading(LatestReading reading, DateTimeFormatter times, NumberFormat numbers,
			Locale locale, String none) {
		CityAir.Category category = cityAir.category(reading.observedProperty(), reading.unit(), reading.result(),
				locale);
		CityAir.Who who = cityAir.who(reading.observedProperty(), reading.unit(), reading.result(), locale);
		return new Home.StationReading(reading.thing(), reading.observedProperty(), value(reading.result(), numbers),
				Unit.written(reading.unit()), times.format(city.local(reading.time())),
				category == null ? none : category.name(), category == null ? null : category.css(),
				who == null ? none : who.guideline(),
				who == null || who.comparison() == null ? none : who.comparison(), who == null ? null : who.css());
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

	/**
	 * The register's part of the page in one language, and the open air-quality streams to read.
	 *
	 * @param recordedForNoOne whether reads of every one of those streams are recorded for no one
	 */
	private record Declared(long generation, String sensors, List<Home.Tally> byPurpose,
			List<Home.Tally> byPersonalData, Set<Long> air, boolean recordedForNoOne) {
	}

	/** The page in one language, and what it was made from. */
	private record Made(Declared declared, LatestAir.Snapshot snapshot, Home home) {
	}

}
