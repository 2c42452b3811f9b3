package org.cabildo.participation.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.cabildo.participation.ParticipationEquity;
import org.cabildo.platform.ApiException;
import org.cabildo.platform.CityTime;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Who takes part, by what residents said of themselves: aggregates only, small counts suppressed. */
@RestController
@Tag(name = "Participation")
class ParticipationEquityController {

	static final List<String> KINDS = List.of("all", "report", "proposal", "support");

	private final ParticipationEquity equity;

	private final CityTime city;

	private final java.time.Clock clock;

	ParticipationEquityController(ParticipationEquity equity, CityTime city, java.time.Clock clock) {
		this.equity = equity;
		this.city = city;
		this.clock = clock;
	}

	@GetMapping("/api/participation/demographics")
	@Operation(summary = "Filings per district by the gender and the age band their authors chose to say; counts"
			+ " below 11 are never shown nor derivable. from and to are months (yyyy-mm), the last 12 when not given")
	ParticipationEquity.Answer demographics(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "all") String kind) {
		if (!KINDS.contains(kind)) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "kind: one of " + String.join(", ", KINDS))
				.with("parameter", "kind");
		}
		YearMonth last = to == null ? YearMonth.from(city.today(clock)) : month(to, "to");
		YearMonth first = from == null ? last.minusMonths(11) : month(from, "from");
		if (last.isBefore(first)) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "to: before from").with("parameter", "to");
		}
		if (ChronoUnit.MONTHS.between(first, last) >= 24) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "from/to: at most 24 months at once").with("parameter", "from");
		}
		return equity.between(kind, first.atDay(1), last.atDay(1));
	}

	private static YearMonth month(String text, String parameter) {
		try {
			return YearMonth.parse(text.trim());
		}
		catch (DateTimeParseException e) {
			throw new ApiException(HttpStatus.BAD_REQUEST, parameter + ": '" + text + "' is not a month, e.g. 2024-05")
				.with("parameter", parameter);
		}
	}

}
