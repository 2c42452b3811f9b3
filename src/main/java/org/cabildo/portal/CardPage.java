package org.cabildo.portal;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.cabildo.governance.Declaration;
import org.cabildo.governance.KeptAggregates;
import org.cabildo.governance.Register;
import org.cabildo.governance.Stage;
import org.cabildo.governance.objections.ObjectionView;
import org.cabildo.governance.objections.Objections;
import org.cabildo.platform.ApiException;
import org.cabildo.platform.CityTime;
import org.cabildo.indicators.air.Unit;
import org.cabildo.sensing.LatestReading;
import org.cabildo.sensing.LatestReadings;
import org.cabildo.sensing.ReadContext;
import org.cabildo.sensing.RecentReadings;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Puts a stream's card together from the register (the declaration and its versions), the
 * objections, and the values as the reader may read them: read through the same services and
 * rules as the API (purpose binding, the access ledger), so that the card shows no one what the
 * API would not. Bounded: at most {@link RecentReadings#MAX_OBSERVATIONS} values and
 * {@link #MAX_INTERVALS} kept aggregates for the chart, the {@link #MAX_VERSIONS} newest versions
 * and {@link #MAX_OBJECTIONS} newest objections.
 */
@Component
class CardPage {

	/** The chart's days, up to now. */
	static final Duration DAYS = Duration.ofDays(7);

	static final int LATEST = 10;

	static final int MAX_INTERVALS = 200;

	static final int MAX_VERSIONS = 20;

	static final int MAX_OBJECTIONS = 50;

	private final Register register;

	private final Objections objections;

	private final RecentReadings readings;

	private final LatestReadings latest;

	private final KeptAggregates aggregates;

	private final DeclarationText text;

	private final MessageSource messages;

	private final CityTime city;

	private final Clock clock;

	CardPage(Register register, Objections objections, RecentReadings readings, LatestReadings latest,
			KeptAggregates aggregates, DeclarationText text, MessageSource messages, CityTime city, Clock clock) {
		this.register = register;
		this.objections = objections;
		this.readings = readings;
		this.latest = latest;
		this.aggregates = aggregates;
		this.text = text;
		this.messages = messages;
		this.city = city;
		this.clock = clock;
	}

	/** The current declaration of a Datastream; 404 when it has none (or does not exist). */
	Declaration declaration(long datastream) {
		return register.current(datastream)
			.orElseThrow(() -> ApiException.notFound("Datastream " + datastream + " has no declaration"));
	}

	/** The card of a declared Datastream for this reader; 404 when it is not declared. */
	Card of(long datastream, Language language, ReadContext reader, String signedIn) {
		Declaration declaration = declaration(datastream);
		Locale locale = language.locale();
		Instant now = clock.instant();
		Instant from = now.minus(DAYS).truncatedTo(ChronoUnit.HOURS);
		Instant to = now;
		RecentReadings.Recent recent = readings.of(reader, datastream, from, RecentReadings.MAX_OBSERVATIONS)
			.orElse(null);
		if (recent != null && !recent.refused() && recent.newestFirst().isEmpty() && recent.observedUntil() != null
				&& recent.observedUntil().isBefore(from)) {
			// Nothing in the last days (a stream that stopped, a city's history): the days up to its newest value.
			to = recent.observedUntil();
			from = to.minus(DAYS).truncatedTo(ChronoUnit.HOURS);
			recent = readings.of(reader, datastream, from, RecentReadings.MAX_OBSERVATIONS).orElse(recent);
		}
		String title = title(recent, datastream, locale);
		Card.Values values = recent == null
				? new Card.Values(true, null, false, List.of(), null, List.of(), null, message("card.values.none", locale))
				: values(declaration, recent, reader, signedIn, language, from, to, now, title);
		List<Declaration> versions = register.history(datastream);
		List<Card.Version> history = history(versions, language);
		return new Card(datastream, title, declaration.summary(), text.sign(declaration, language), values, history,
				versions.size() - history.size(), objections(datastream, locale), city.name());
	}

	private String title(RecentReadings.Recent recent, long datastream, Locale locale) {
		if (recent == null || (recent.thing().isBlank() && recent.name().isBlank())) {
			return message("card.untitled", locale, Long.toString(datastream));
		}
		if (recent.thing().isBlank() || recent.observedProperty().isBlank()) {
			return recent.name().isBlank() ? recent.thing() : recent.name();
		}
		return message("card.heading", locale, recent.observedProperty(), recent.thing());
	}

	/** The values of the chart's days, {@code from} to {@code to} (now, or the newest value's time). */
	private Card.Values values(Declaration declaration, RecentReadings.Recent recent, ReadContext reader,
			String signedIn, Language language, Instant from, Instant to, Instant now, String title) {
		Locale locale = language.locale();
		if (recent.refused()) {
			List<Card.Choice> purposes = signedIn == null ? List.of()
					: declaration.purposes().stream()
						.map(purpose -> new Card.Choice(purpose, register.label("purpose", purpose, language.code()),
								purpose.equals(reader.purpose())))
						.toList();
			return new Card.Values(false, restriction(declaration, reader, signedIn, locale), signedIn == null,
					purposes, null, List.of(), null, null);
		}
		NumberFormat numbers = NumberFormat.getNumberInstance(locale);
		numbers.setMaximumFractionDigits(3);
		// as the home page's air table writes it: ug/m3 is µg/m³
		String written = Unit.written(recent.unit());
		String unit = written.isBlank() ? "" : " " + written;
		List<Card.Row> latestRows = new ArrayList<>();
		for (RecentReadings.Observed observed : recent.newestFirst().subList(0,
				Math.min(LATEST, recent.newestFirst().size()))) {
			latestRows.add(new Card.Row(text.time(observed.time(), locale), value(observed.result(), numbers) + unit));
		}
		if (latestRows.isEmpty()) {
			// Nothing in the chart's days: the newest value, however old, read by the same rules.
			for (LatestReading reading : latest.of(reader, Set.of(declaration.datastreamId()))) {
				latestRows.add(new Card.Row(text.time(reading.time(), locale), value(reading.result(), numbers) + unit));
			}
		}
		Map<Instant, double[]> hours = hourly(recent.newestFirst());
		boolean aggregated = false;
		Instant cutoff = declaration.retention() == null ? null : declaration.retention().cutoff(now, city.zone());
		if (cutoff != null && cutoff.isAfter(from) && declaration.retention().keepsAggregates()) {
			// The raw values of the first days are gone: the aggregates kept of them, read by the same rules.
			for (KeptAggregates.Mean mean : aggregates.means(reader, declaration.datastreamId(), from, cutoff,
					MAX_INTERVALS)) {
				if (!hours.containsKey(mean.start()) && !mean.start().isBefore(from)) {
					hours.put(mean.start(), new double[] { mean.mean(), 1 });
					aggregated = true;
				}
			}
		}
		List<Chart.Point> points = hours.entrySet()
			.stream()
			.map(e -> new Chart.Point(e.getKey(), e.getValue()[0] / e.getValue()[1]))
			.toList();
		Chart chart = points.isEmpty() ? null
				: chart(points, from, to, to.equals(now) ? null : to, locale, title, written, numbers);
		String note = recent.more() ? message("card.chart.more", locale, numbers.format(RecentReadings.MAX_OBSERVATIONS))
				: aggregated ? message("card.chart.aggregates", locale) : null;
		if (latestRows.isEmpty()) {
			note = message("card.values.none", locale);
		}
		String ledgered = declaration.personalDataClass().isPersonal() && !latestRows.isEmpty()
				? message("card.values.ledgered", locale, Objects.requireNonNullElse(signedIn, "—"),
						reader.purpose() == null ? "—" : register.label("purpose", reader.purpose(), language.code()))
				: null;
		return new Card.Values(true, null, false, List.of(), ledgered, latestRows, chart, note);
	}

	/** The mean of the numeric values of each local hour (the city's), keyed by the hour's start. */
	private Map<Instant, double[]> hourly(List<RecentReadings.Observed> observed) {
		Map<Instant, double[]> hours = new TreeMap<>();
		for (RecentReadings.Observed one : observed) {
			Double value = number(one.result());
			if (value != null) {
				Instant hour = city.local(one.time()).truncatedTo(ChronoUnit.HOURS).toInstant();
				double[] sum = hours.computeIfAbsent(hour, h -> new double[2]);
				sum[0] += value;
				sum[1]++;
			}
		}
		return hours;
	}

	/** The chart of the days from {@code from} to {@code to}; {@code newest} the newest value's time when it is not now. */
	private Chart chart(List<Chart.Point> points, Instant from, Instant to, Instant newest, Locale locale, String title,
			String unit, NumberFormat numbers) {
		double min = points.stream().mapToDouble(Chart.Point::value).min().orElse(0);
		double max = points.stream().mapToDouble(Chart.Point::value).max().orElse(0);
		DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale);
		String chartTitle = newest == null ? message("card.chart.title", locale, title, unit.isBlank() ? "—" : unit)
				: message("card.chart.title.until", locale, title, unit.isBlank() ? "—" : unit,
						text.time(newest, locale));
		String description = message("card.chart.description", locale, points.size(),
				times.format(city.local(points.getFirst().time())), times.format(city.local(points.getLast().time())),
				numbers.format(min), numbers.format(max));
		return Chart.draw(points, from, to, Duration.ofHours(1), city.zone(), locale, chartTitle, description, times);
	}

	/** Why these values are not shown to this reader, in words. */
	private String restriction(Declaration declaration, ReadContext reader, String signedIn, Locale locale) {
		if (declaration.stage() == Stage.LAB) {
			return message("card.values.lab", locale, declaration.organisation());
		}
		String who = message(declaration.sharing().isEmpty() ? "card.values.readers" : "card.values.readers-shared",
				locale, declaration.organisation());
		if (signedIn == null) {
			return message("card.values.restricted", locale, who);
		}
		return reader.purpose() == null ? message("card.values.choose-purpose", locale, who)
				: message("card.values.refused", locale, who);
	}

	private List<Card.Version> history(List<Declaration> versions, Language language) {
		Locale locale = language.locale();
		List<Card.Version> shown = new ArrayList<>();
		List<DeclarationText.Fact> before = null;
		int first = Math.max(0, versions.size() - MAX_VERSIONS - 1);
		for (int i = first; i < versions.size(); i++) {
			Declaration version = versions.get(i);
			List<DeclarationText.Fact> facts = text.facts(version, language);
			if (i > first || first == 0) {
				List<Card.Change> changes = new ArrayList<>();
				if (before != null) {
					for (int f = 0; f < facts.size(); f++) {
						if (!facts.get(f).value().equals(before.get(f).value())) {
							changes.add(new Card.Change(facts.get(f).field(), shownValue(before.get(f).value(), locale),
									shownValue(facts.get(f).value(), locale)));
						}
					}
				}
				shown.add(new Card.Version(message("card.history.version", locale, String.valueOf(version.version())),
						message("card.history.when", locale, text.time(version.declaredAt(), locale),
								version.declaredBy()),
						changes));
			}
			before = facts;
		}
		return shown.reversed();
	}

	private String shownValue(String value, Locale locale) {
		return value.isEmpty() ? message("card.history.nothing", locale) : value;
	}

	private Card.Objections objections(long datastream, Locale locale) {
		Objections.Newest newest = objections.newest(datastream, MAX_OBJECTIONS);
		List<Card.Objection> items = new ArrayList<>();
		for (ObjectionView view : newest.objections()) {
			items.add(new Card.Objection(view.id(), message("card.category." + view.category().id(), locale),
					view.text(), view.hidden(), message("card.status." + view.status().id(), locale),
					text.time(view.filedAt(), locale), view.answer(),
					view.answeredAt() == null ? null : text.time(view.answeredAt(), locale)));
		}
		return new Card.Objections(items, NumberFormat.getIntegerInstance(locale).format(newest.total()),
				newest.total() > items.size());
	}

	/** A numeric result in the page's language; any other result as it is written. */
	private static String value(String result, NumberFormat numbers) {
		Double number = number(result);
		return number == null ? result : numbers.format(number);
	}

	private static Double number(String result) {
		try {
			double value = Double.parseDouble(result);
			return Double.isFinite(value) ? value : null;
		}
		catch (NumberFormatException | NullPointerException e) {
			return null;
		}
	}

	private String message(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

}
