package org.cabildo.indicators;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.cabildo.indicators.DistrictTable.CategoryDays;
import org.cabildo.indicators.DistrictTable.DistrictRow;
import org.cabildo.platform.ApiException;
import org.cabildo.platform.TableAnswers;
import org.cabildo.sensing.ReadContext;
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

/** The catalogue of indicators and each one's table of districts, as JSON or CSV. */
@RestController
@Tag(name = "Indicators")
class IndicatorsController {

	/** The longest period one table covers: a year, so that an hourly read stays within its bounds. */
	static final int MOST_DAYS = 366;

	private final AirIndicators indicators;

	private final IndicatorPeriods periods;

	private final IndicatorCatalogue catalogue;

	private final PublicIndicators everyone;

	IndicatorsController(AirIndicators indicators, IndicatorPeriods periods, IndicatorCatalogue catalogue,
			PublicIndicators everyone) {
		this.everyone = everyone;
		this.indicators = indicators;
		this.periods = periods;
		this.catalogue = catalogue;
	}

	@GetMapping("/api/indicators")
	@Operation(summary = "The catalogue of indicators, each with its definition, unit, source streams, method, rule"
			+ " of coverage and reference; scope says whether it has a value per district (districts) or for the city"
			+ " as a whole only (city)")
	List<Indicator> catalogue() {
		return catalogue.all();
	}

	@GetMapping("/api/indicators/{code}")
	@Operation(summary = "One indicator's definition")
	Indicator indicator(@PathVariable String code) {
		return indicators.indicator(code);
	}

	@GetMapping(path = "/api/indicators/{code}/districts", produces = { MediaType.APPLICATION_JSON_VALUE, "text/csv" })
	@Operation(summary = "One indicator for every district over a period, with the city's value and the gap between"
			+ " districts", description = "The period: year=2024, or from and to (local dates, to excluded), at most"
					+ " 366 days; by default the calendar year of the newest value. Every district is listed, with"
					+ " a value or without one, and says how many hours of data back it. format=csv for CSV."
					+ " Made of the streams the reader may read (the others are counted in notReadable). An answer"
					+ " to anyone who has not signed in is made once for all of them and kept up to a minute.")
	@ApiResponse(responseCode = "200", description = "the districts", content = {
			@Content(mediaType = "application/json", schema = @Schema(implementation = DistrictTable.class)),
			@Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
	ResponseEntity<?> districts(@PathVariable String code, @RequestParam Optional<Integer> year,
			@RequestParam Optional<String> from, @RequestParam Optional<String> to,
			@RequestParam(defaultValue = "json") String format, HttpServletRequest request) {
		Indicator indicator = indicators.indicator(code);
		if (indicator.scope().equals(Indicator.CITY)) {
			throw ApiException.badRequest("'" + code + "' is city-level: its source has no place finer than the city, so"
					+ " no district can be told; GET /api/indicators/" + code + "/city").with("parameter", "code");
		}
		boolean csv = TableAnswers.csv(format);
		LocalDate start;
		LocalDate end;
		if (year.isPresent()) {
			if (from.isPresent() || to.isPresent()) {
				throw ApiException.badRequest("give year, or from and to, not both").with("parameter", "year");
			}
			checkYear(year.get());
			start = LocalDate.of(year.get(), 1, 1);
			end = start.plusYears(1);
		}
		else if (from.isPresent() || to.isPresent()) {
			start = TableAnswers.date(from.orElseThrow(() -> ApiException.badRequest("from is needed with to")
				.with("parameter", "from")), "from");
			end = TableAnswers.date(to.orElseThrow(() -> ApiException.badRequest("to is needed with from").with("parameter", "to")),
					"to");
		}
		else {
			start = LocalDate.of(periods.newestYear(indicator), 1, 1);
			end = start.plusYears(1);
		}
		if (!start.isBefore(end)) {
			throw ApiException.badRequest("from must be before to").with("parameter", "to");
		}
		if (ChronoUnit.DAYS.between(start, end) > MOST_DAYS) {
			throw ApiException.badRequest("a period is at most " + MOST_DAYS + " days").with("parameter", "to");
		}
		ReadContext reader = ReadContext.of(request);
		DistrictTable table = anyone(reader) ? everyone.table(code, start, end)
				: indicators.table(reader, code, start, end);
		if (csv) {
			return TableAnswers.csv(code + "-" + start + "-" + end, csv(table));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(table);
	}

	@GetMapping(path = "/api/indicators/{code}/districts/{district}/months",
			produces = { MediaType.APPLICATION_JSON_VALUE, "text/csv" })
	@Operation(summary = "One indicator in one district, month by month over a year",
			description = "Each month is a period of its own, computed as the districts' table computes a period"
					+ " (days above the level in the month, the month's mean, days per category); for the ozone peak"
					+ " season, each month's mean of daily maximum 8-hour means. year=2024, by default the calendar"
					+ " year of the newest value. format=csv for CSV. Made of the streams the reader may read.")
	@ApiResponse(responseCode = "200", description = "the twelve months", content = {
			@Content(mediaType = "application/json", schema = @Schema(implementation = DistrictMonths.class)),
			@Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
	ResponseEntity<?> months(@PathVariable String code, @PathVariable String district,
			@RequestParam Optional<Integer> year, @RequestParam(defaultValue = "json") String format,
			HttpServletRequest request) {
		Indicator indicator = indicators.indicator(code);
		boolean csv = TableAnswers.csv(format);
		int asked = year.orElseGet(() -> periods.newestYear(indicator));
		checkYear(asked);
		ReadContext reader = ReadContext.of(request);
		DistrictMonths months = anyone(reader) ? everyone.months(code, district, asked)
				: indicators.months(reader, code, district, asked);
		if (csv) {
			return TableAnswers.csv(code + "-" + months.district().replaceAll("[^A-Za-z0-9_-]", "_") + "-" + asked,
					csv(months));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(months);
	}

	/** One line per month. */
	static String csv(DistrictMonths months) {
		List<String> categories = months.months().isEmpty() ? List.of()
				: months.months().getFirst().categories().stream().map(CategoryDays::category).toList();
		StringBuilder text = new StringBuilder("month,from,to,value,stations,stations_with_value,days,valid_days,"
				+ "hours_with_data,hours_possible");
		categories.forEach(category -> text.append(",days_").append(category));
		text.append('\n');
		for (DistrictMonths.MonthRow row : months.months()) {
			text.append(row.month()).append(',').append(row.from()).append(',').append(row.to()).append(',')
				.append(TableAnswers.cell(row.value())).append(',').append(row.stations()).append(',')
				.append(row.stationsWithValue()).append(',').append(row.days()).append(',')
				.append(TableAnswers.cell(row.validDays())).append(',').append(row.hoursWithData()).append(',')
				.append(row.hoursPossible());
			row.categories().forEach(category -> text.append(',').append(category.days()));
			text.append('\n');
		}
		return text.toString();
	}

	/** The years a table may be asked for. */
	static void checkYear(int year) {
		if (year < 1900 || year > 2999) {
			throw ApiException.badRequest("year is from 1900 to 2999").with("parameter", "year");
		}
	}

	/** One line per district, then one for the city (its population-weighted value). */
	static String csv(DistrictTable table) {
		List<String> categories = table.districts().isEmpty() ? List.of()
				: table.districts().getFirst().categories().stream().map(CategoryDays::category).toList();
		StringBuilder text = new StringBuilder(
				"district,name,population,value,stations,stations_with_value,days,valid_days,hours_with_data,"
						+ "hours_possible,exposure");
		categories.forEach(category -> text.append(",days_").append(category));
		text.append('\n');
		for (DistrictRow row : table.districts()) {
			text.append(row.district()).append(',').append(TableAnswers.quoted(row.name())).append(',').append(TableAnswers.cell(row.population()))
				.append(',').append(TableAnswers.cell(row.value())).append(',').append(row.stations()).append(',')
				.append(row.stationsWithValue()).append(',').append(row.days()).append(',')
				.append(TableAnswers.cell(row.validDays())).append(',').append(row.hoursWithData()).append(',')
				.append(row.hoursPossible()).append(',').append(TableAnswers.cell(row.exposure()));
			row.categories().forEach(category -> text.append(',').append(category.days()));
			text.append('\n');
		}
		text.append("city,,").append(table.equity().population()).append(',')
			.append(TableAnswers.cell(table.equity().cityValue())).append(",,,,,,,").append(TableAnswers.cell(table.equity().exposure()));
		categories.forEach(category -> text.append(','));
		return text.append('\n').toString();
	}

	/**
	 * Whether the reader is anyone at all (no account, no purpose): then the answer is the one kept
	 * for everyone, made by a bounded number of threads of its own, so that anonymous requests
	 * cannot fill the server with year-long computations.
	 */
	private static boolean anyone(ReadContext reader) {
		return reader instanceof ReadContext.Anonymous anonymous && anonymous.purpose() == null;
	}

}
