package org.cabildo.indicators;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.cabildo.indicators.HealthDistrictTable.HealthDistrictRow;
import org.cabildo.indicators.HealthDistrictWeeks.HealthWeek;
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

/**
 * Health series by district, for anyone: counts and rates with small-cell suppression (nothing
 * personal is read; no count below 11 is shown or derivable), and beside an air indicator.
 */
@RestController
@Tag(name = "Health and environment")
class HealthController {

	private final HealthSeriesRegister register;

	private final HealthTables tables;

	private final HealthAssociations associations;

	private final IndicatorPeriods periods;

	private final AirIndicators indicators;

	HealthController(HealthSeriesRegister register, HealthTables tables, HealthAssociations associations,
			IndicatorPeriods periods, AirIndicators indicators) {
		this.register = register;
		this.tables = tables;
		this.associations = associations;
		this.periods = periods;
		this.indicators = indicators;
	}

	@GetMapping("/api/health/series")
	@Operation(summary = "The health series by district: what each counts, its source to attribute, its method and caveats")
	List<HealthSeries> series() {
		return register.all();
	}

	@GetMapping(path = "/api/health/series/{code}/districts", produces = { MediaType.APPLICATION_JSON_VALUE, "text/csv" })
	@Operation(summary = "A health series' cases and cases per 100,000 inhabitants per district over a period, with"
			+ " small-cell suppression", description = "from and to: dates, to excluded; the reporting periods that lie"
					+ " whole within them are counted (coveredFrom, coveredTo say which). By default the whole series."
					+ " No count below 11 is shown or derivable (see suppression in the answer). format=csv for CSV.")
	@ApiResponse(responseCode = "200", description = "the districts", content = {
			@Content(mediaType = "application/json", schema = @Schema(implementation = HealthDistrictTable.class)),
			@Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
	ResponseEntity<?> districts(@PathVariable String code, @RequestParam Optional<String> from,
			@RequestParam Optional<String> to, @RequestParam(defaultValue = "json") String format) {
		boolean csv = TableAnswers.csv(format);
		HealthDistrictTable table = tables.districts(code, date(from, "from"), date(to, "to"));
		if (csv) {
			return TableAnswers.csv(code + "-districts-" + table.from() + "-" + table.to(), districtsCsv(table));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(table);
	}

	@GetMapping(path = "/api/health/series/{code}/districts/{district}/weeks", produces = {
			MediaType.APPLICATION_JSON_VALUE, "text/csv" })
	@Operation(summary = "One district's reporting periods of a health series, with small-cell suppression",
			description = "from and to as for the districts; format=csv for CSV.")
	@ApiResponse(responseCode = "200", description = "the periods", content = {
			@Content(mediaType = "application/json", schema = @Schema(implementation = HealthDistrictWeeks.class)),
			@Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
	ResponseEntity<?> weeks(@PathVariable String code, @PathVariable String district,
			@RequestParam Optional<String> from, @RequestParam Optional<String> to,
			@RequestParam(defaultValue = "json") String format) {
		boolean csv = TableAnswers.csv(format);
		HealthDistrictWeeks weeks = tables.weeks(code, district, date(from, "from"), date(to, "to"));
		if (csv) {
			return TableAnswers.csv(code + "-" + district + "-" + weeks.from() + "-" + weeks.to(), weeksCsv(weeks));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(weeks);
	}

	@GetMapping(path = "/api/health/series/{code}/association", produces = { MediaType.APPLICATION_JSON_VALUE,
			"text/csv" })
	@Operation(summary = "A health series beside an air indicator, per district, with Spearman's rank correlation:"
			+ " an association, not a cause", description = "indicator: a code of GET /api/indicators; indicatorFrom"
					+ " and indicatorTo its period (at most 366 days; by default the calendar year of its newest value);"
					+ " from and to the health period (by default the whole series). The caveat says how far it may be"
					+ " read. format=csv for CSV.")
	@ApiResponse(responseCode = "200", description = "the districts and the correlation", content = {
			@Content(mediaType = "application/json", schema = @Schema(implementation = HealthAssociation.class)),
			@Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
	ResponseEntity<?> association(@PathVariable String code, @RequestParam String indicator,
			@RequestParam Optional<String> indicatorFrom, @RequestParam Optional<String> indicatorTo,
			@RequestParam Optional<String> from, @RequestParam Optional<String> to,
			@RequestParam(defaultValue = "json") String format, HttpServletRequest request) {
		boolean csv = TableAnswers.csv(format);
		tables.series(code);
		Indicator known = indicators.indicator(indicator);
		LocalDate start = date(indicatorFrom, "indicatorFrom");
		LocalDate end = date(indicatorTo, "indicatorTo");
		if ((start == null) != (end == null)) {
			throw ApiException.badRequest("give indicatorFrom and indicatorTo together").with("parameter", "indicatorTo");
		}
		if (start == null) {
			start = LocalDate.of(periods.newestYear(known), 1, 1);
			end = start.plusYears(1);
		}
		if (!start.isBefore(end)) {
			throw ApiException.badRequest("indicatorFrom must be before indicatorTo").with("parameter", "indicatorTo");
		}
		if (ChronoUnit.DAYS.between(start, end) > IndicatorsController.MOST_DAYS) {
			throw ApiException.badRequest("an indicator's period is at most " + IndicatorsController.MOST_DAYS + " days")
				.with("parameter", "indicatorTo");
		}
		HealthAssociation answer = associations.of(ReadContext.of(request), code, date(from, "from"), date(to, "to"),
				indicator, start, end);
		if (csv) {
			return TableAnswers.csv(code + "-" + indicator, associationCsv(answer));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
	}

	static String districtsCsv(HealthDistrictTable table) {
		StringBuilder text = new StringBuilder("district,name,population,cases,per_100k,suppressed\n");
		for (HealthDistrictRow row : table.districts()) {
			line(text, row);
		}
		line(text, table.city());
		return text.toString();
	}

	private static void line(StringBuilder text, HealthDistrictRow row) {
		text.append(row.district()).append(',').append(TableAnswers.quoted(row.name())).append(',').append(TableAnswers.cell(row.population()))
			.append(',').append(TableAnswers.cell(row.cases())).append(',').append(TableAnswers.cell(row.per100k())).append(',')
			.append(row.suppressed()).append('\n');
	}

	static String weeksCsv(HealthDistrictWeeks weeks) {
		StringBuilder text = new StringBuilder("start,end,days,cases,per_100k,suppressed\n");
		for (HealthWeek week : weeks.weeks()) {
			text.append(week.start()).append(',').append(week.end()).append(',').append(week.days()).append(',')
				.append(TableAnswers.cell(week.cases())).append(',').append(TableAnswers.cell(week.per100k())).append(',')
				.append(week.suppressed()).append('\n');
		}
		text.append("total,,,").append(TableAnswers.cell(weeks.cases())).append(',').append(TableAnswers.cell(weeks.per100k())).append(',')
			.append(weeks.suppressed()).append('\n');
		return text.toString();
	}

	static String associationCsv(HealthAssociation answer) {
		StringBuilder text = new StringBuilder("district,name,per_100k,suppressed,indicator_value,in_correlation\n");
		for (HealthAssociation.District row : answer.districts()) {
			text.append(row.district()).append(',').append(TableAnswers.quoted(row.name())).append(',').append(TableAnswers.cell(row.per100k()))
				.append(',').append(row.suppressed()).append(',').append(TableAnswers.cell(row.indicatorValue())).append(',')
				.append(row.inCorrelation()).append('\n');
		}
		text.append("spearman_rho,,").append(TableAnswers.cell(answer.correlation().rho())).append(",,n=")
			.append(answer.correlation().n()).append(",\n");
		return text.toString();
	}

	/** A date parameter that may be absent (null then). */
	private static LocalDate date(Optional<String> text, String parameter) {
		return text.map(given -> TableAnswers.date(given, parameter)).orElse(null);
	}

}
