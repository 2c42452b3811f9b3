package org.cabildo.indicators;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.cabildo.platform.ApiException;
import org.cabildo.platform.TableAnswers;
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

/**
 * City-level indicators (mobility), for anyone: counts of cyclists and passengers, nothing
 * personal, so read without purpose or ledger, as the health series are.
 */
@RestController
@Tag(name = "Indicators")
class MobilityController {

	private final AirIndicators indicators;

	private final MobilityIndicators mobility;

	MobilityController(AirIndicators indicators, MobilityIndicators mobility) {
		this.indicators = indicators;
		this.mobility = mobility;
	}

	@GetMapping(path = "/api/indicators/{code}/city", produces = { MediaType.APPLICATION_JSON_VALUE, "text/csv" })
	@Operation(summary = "A city-level indicator (scope city: mobility) per month and per year, with its coverage",
			description = "from and to: local dates, to excluded, at most 10 years; by default the whole series (its"
					+ " last 10 years at most). series: the series to read, when more than one of its kind is loaded."
					+ " No value per district: the sources have no place finer than the city. format=csv for CSV.")
	@ApiResponse(responseCode = "200", description = "the months and years", content = {
			@Content(mediaType = "application/json", schema = @Schema(implementation = MobilityTable.class)),
			@Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
	ResponseEntity<?> city(@PathVariable String code, @RequestParam Optional<String> series,
			@RequestParam Optional<String> from, @RequestParam Optional<String> to,
			@RequestParam(defaultValue = "json") String format) {
		boolean csv = switch (format.strip().toLowerCase(Locale.ROOT)) {
			case "json" -> false;
			case "csv" -> true;
			default -> throw ApiException.badRequest("format is json or csv, not '" + format + "'")
				.with("parameter", "format");
		};
		Indicator indicator = indicators.indicator(code);
		MobilityTable table = mobility.table(indicator, series.map(String::strip).orElse(null), date(from, "from"),
				date(to, "to"));
		if (csv) {
			return TableAnswers.csv(code + "-city-" + table.from() + "-" + table.to(), csv(table));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(table);
	}

	/** One line per month and group, then one per year and group. */
	static String csv(MobilityTable table) {
		StringBuilder text = new StringBuilder(
				"interval,period,from,to,group,value,baseline,change_percent,days_with_data,days,coverage,counts,left_out\n");
		table.months().forEach(value -> line(text, "month", value));
		table.years().forEach(value -> line(text, "year", value));
		return text.toString();
	}

	private static void line(StringBuilder text, String interval, MobilityValue v) {
		text.append(interval).append(',').append(v.period()).append(',').append(v.from()).append(',').append(v.to())
			.append(',').append(TableAnswers.quoted(v.group())).append(',').append(TableAnswers.cell(v.value())).append(',')
			.append(TableAnswers.cell(v.baseline())).append(',').append(TableAnswers.cell(v.changePercent())).append(',')
			.append(v.daysWithData()).append(',').append(v.days()).append(',').append(v.coverage()).append(',')
			.append(v.counts()).append(',').append(v.leftOut()).append('\n');
	}

	/** A date parameter that may be absent (null then). */
	private static LocalDate date(Optional<String> text, String parameter) {
		return text.map(given -> TableAnswers.date(given, parameter)).orElse(null);
	}

}
