package org.cabildo.sensing.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.cabildo.platform.ApiException;
import org.cabildo.platform.CityTime;
import org.cabildo.platform.TableAnswers;
import org.cabildo.sensing.ReadContext;
import org.cabildo.sensing.Rollups;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A Datastream's rollups per hour, local day or local month ({@code /api/series}). Not OData's
 * {@code $apply=groupby(...)/aggregate(...)}: that groups raw rows by any expression at request
 * time, where these are kept per stream and per interval of the city's calendar (which OData's
 * date functions, in UTC, cannot say), and they remain after retention removed the raw rows. Read
 * under the same purpose binding and ledger as the Observations.
 */
@RestController
@Tag(name = "Indicators: series")
class SeriesController {

	static final String PATH = "/api/series/{datastreamId}";

	/**
	 * One interval, its ends as instants and as the city's clocks showed them.
	 *
	 * @param maxEightHourMean days and months: the greatest 8-hour running mean ending in them (of
	 * the means with 6 of their 8 hours); null for hours, or when there is none
	 * @param eightHourMeans how many such means ended in the interval
	 */
	record Value(Instant start, Instant end, OffsetDateTime localStart, int hours, long count, double min, double max,
			double mean, Double maxEightHourMean, int eightHourMeans) {
	}

	/**
	 * The rollups asked.
	 *
	 * @param interval hour, day or month
	 * @param timeZone the IANA zone of the city's calendar the intervals follow
	 * @param from the start of the range read
	 * @param to its end (exclusive)
	 * @param values the intervals that start in [from, to) and have at least one value, oldest first
	 */
	record Series(long datastream, String interval, String timeZone, Instant from, Instant to, List<Value> values) {
	}

	private final Rollups rollups;

	SeriesController(Rollups rollups) {
		this.rollups = rollups;
	}

	@GetMapping(path = PATH, produces = { MediaType.APPLICATION_JSON_VALUE, "text/csv" })
	@Operation(summary = "A Datastream's count, min, max and mean per hour, local day or local month",
			description = "interval: hour, day (default) or month of the city's calendar. from and to: ISO-8601 "
					+ "instants (2024-03-01T00:00:00Z) or local dates (2024-03-01, the start of that day in the "
					+ "city); by default the last 7 days, 366 days or 10 years up to the stream's newest value. "
					+ "At most 10,000 intervals an answer. hours says how many hours of an interval had a value "
					+ "(its coverage); mean is the mean of those hours' means. format=csv (or Accept: text/csv) "
					+ "answers CSV. Read as the stream's Observations are: 403 without the purpose they need, "
					+ "and recorded in the ledger when they are personal.")
	@ApiResponse(responseCode = "200", description = "the series", content = {
			@Content(mediaType = "application/json", schema = @Schema(implementation = Series.class)),
			@Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
	ResponseEntity<?> series(@PathVariable long datastreamId, @RequestParam Optional<String> interval,
			@RequestParam Optional<String> from, @RequestParam Optional<String> to,
			@RequestParam Optional<String> format, HttpServletRequest request) {
		Rollups.Interval asked = interval.map(name -> Rollups.Interval.named(name)
			.orElseThrow(() -> ApiException.badRequest("interval is hour, day or month, not '" + name + "'")
				.with("parameter", "interval")))
			.orElse(Rollups.Interval.DAY);
		CityTime city = rollups.city();
		Instant end = to.map(text -> instant(text, "to", city.zone()))
			.orElseGet(() -> rollups.newestHour(datastreamId)
				.map(hour -> hour.plus(1, ChronoUnit.HOURS))
				.orElseGet(Instant::now));
		Instant start = from.map(text -> instant(text, "from", city.zone())).orElseGet(() -> switch (asked) {
			case HOUR -> end.minus(7, ChronoUnit.DAYS);
			case DAY -> end.minus(366, ChronoUnit.DAYS);
			case MONTH -> end.minus(3653, ChronoUnit.DAYS);
		});
		List<Value> values = rollups.read(ReadContext.of(request), datastreamId, asked, start, end)
			.stream()
			.map(rollup -> new Value(rollup.start(), rollup.end(), city.local(rollup.start()).toOffsetDateTime(),
					rollup.hours(), rollup.count(), rollup.min(), rollup.max(), rollup.mean(), rollup.maxEightHourMean(),
					rollup.eightHourMeans()))
			.toList();
		Series series = new Series(datastreamId, asked.name().toLowerCase(Locale.ROOT), city.name(), start, end, values);
		if (csv(format, request)) {
			return TableAnswers.csv("series-" + datastreamId + "-" + series.interval(), csv(series));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(series);
	}

	/** CSV when format=csv, or, without format, when the client accepts CSV and not JSON. */
	private static boolean csv(Optional<String> format, HttpServletRequest request) {
		if (format.isPresent()) {
			return TableAnswers.csv(format.get());
		}
		String accept = request.getHeader("Accept");
		return accept != null && accept.contains("text/csv") && !accept.contains("json");
	}

	static String csv(Series series) {
		StringBuilder text = new StringBuilder("start,end,local_start,hours,count,min,max,mean,max_8h,means_8h\n");
		for (Value value : series.values()) {
			text.append(value.start()).append(',').append(value.end()).append(',').append(value.localStart())
				.append(',').append(value.hours()).append(',').append(value.count()).append(',')
				.append(value.min()).append(',').append(value.max()).append(',').append(value.mean()).append(',')
				.append(value.maxEightHourMean() == null ? "" : value.maxEightHourMean()).append(',')
				.append(value.eightHourMeans()).append('\n');
		}
		return text.toString();
	}

	/** An instant, or a local date meaning the start of that day in the city. */
	static Instant instant(String text, String parameter, ZoneId zone) {
		String value = text.strip();
		try {
			if (value.length() == 10) {
				return LocalDate.parse(value).atStartOfDay(zone).toInstant();
			}
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException e) {
			throw ApiException.badRequest(parameter + " '" + text + "' is neither an ISO-8601 instant with its offset"
					+ " (2024-03-01T00:00:00-06:00) nor a date (2024-03-01)").with("parameter", parameter);
		}
	}

}
