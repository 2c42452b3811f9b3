package org.cabildo.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cabildo.indicators.SensingByDistrict.DistrictSensing;
import org.cabildo.indicators.SensingByDistrict.Tally;
import org.cabildo.platform.ApiException;
import org.cabildo.platform.TableAnswers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Measured vs watched by district, as JSON or CSV; anyone reads it (it counts what the register shows). */
@RestController
@Tag(name = "Indicators")
class SensingByDistrictController {

	static final String PATH = "/api/indicators/sensing-by-district";

	/** The counts are the same for everyone (the register is public): kept for everyone, a minute at most. */
	private final PublicIndicators counts;

	SensingByDistrictController(PublicIndicators counts) {
		this.counts = counts;
	}

	@GetMapping(PATH)
	@Operation(summary = "Per district: population, Things placed, and the declared streams (and the Things carrying"
			+ " them) that measure (personal-data class none) and that watch (the other classes), by class and purpose,"
			+ " each per 100,000 inhabitants; the city's totals; the highest and lowest district of each figure with"
			+ " their ratio and gap. ?format=csv for CSV. The definitions are in 'method'")
	ResponseEntity<?> get(@RequestParam(defaultValue = "json") String format) {
		return switch (format) {
			case "json" -> ResponseEntity.ok(counts.sensing());
			case "csv" -> csv();
			default -> throw ApiException.badRequest("format is json or csv, not '" + format + "'")
				.with("parameter", "format");
		};
	}

	@GetMapping(path = PATH + ".csv", produces = "text/csv")
	@Operation(summary = "As sensing-by-district, as CSV: one row per district and one for the city (district 'city')")
	ResponseEntity<String> csv() {
		return ResponseEntity.ok().contentType(TableAnswers.CSV).body(csv(counts.sensing()));
	}

	/** One row per district, then the city's; the per-100,000 columns empty where there is no population. */
	static String csv(SensingByDistrict answer) {
		List<String> header = new ArrayList<>(List.of("district", "name", "population", "things"));
		DistrictSensing first = answer.city();
		columns(header, "measures");
		columns(header, "watches");
		first.byClass().forEach(c -> columns(header, "class_" + c.personalDataClass()));
		first.byPurpose().forEach(p -> columns(header, "purpose_" + p.purpose()));
		StringBuilder out = new StringBuilder(String.join(",", header)).append("\r\n");
		for (DistrictSensing row : answer.districts()) {
			row(out, row.district(), row.name(), row);
		}
		row(out, "city", "", answer.city());
		return out.toString();
	}

	private static void columns(List<String> header, String prefix) {
		header.addAll(List.of(prefix + "_datastreams", prefix + "_things", prefix + "_datastreams_per_100k",
				prefix + "_things_per_100k"));
	}

	private static void row(StringBuilder out, String id, String name, DistrictSensing row) {
		List<String> cells = new ArrayList<>(List.of(TableAnswers.quoted(id), TableAnswers.quoted(name),
				row.population() == null ? "" : row.population().toString(), Long.toString(row.things())));
		cells(cells, row.measures());
		cells(cells, row.watches());
		row.byClass().forEach(c -> cells(cells, c.tally()));
		row.byPurpose().forEach(p -> cells(cells, p.tally()));
		out.append(String.join(",", cells)).append("\r\n");
	}

	private static void cells(List<String> cells, Tally tally) {
		cells.add(Long.toString(tally.datastreams()));
		cells.add(Long.toString(tally.things()));
		cells.add(number(tally.datastreamsPer100k()));
		cells.add(number(tally.thingsPer100k()));
	}

	private static String number(Double value) {
		return value == null ? "" : String.format(Locale.ROOT, "%.4f", value);
	}

}
