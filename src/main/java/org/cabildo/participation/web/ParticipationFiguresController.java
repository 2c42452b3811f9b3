package org.cabildo.participation.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

import org.cabildo.participation.ParticipationEquity;
import org.cabildo.participation.ParticipationFigures;
import org.cabildo.participation.WhoIsHeard;
import org.cabildo.platform.ApiException;
import org.cabildo.platform.CityTime;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Participation's figures, for anyone to read: who is heard per district, and who takes part. */
@RestController
@Tag(name = "Participation")
class ParticipationFiguresController {

	/** The longest period of days one answer covers. */
	static final int MAX_DAYS = 366;

	/** The longest period of months one answer covers. */
	static final int MAX_MONTHS = 24;

	static final List<String> KINDS = List.of("all", "report", "proposal", "support");

	private final ParticipationFigures figures;

	private final CityTime city;

	private final Clock clock;

	ParticipationFiguresController(ParticipationFigures figures, CityTime city, Clock clock) {
		this.figures = figures;
		this.city = city;
		this.clock = clock;
	}

	@GetMapping("/api/participation/districts")
	@Operation(summary = "Reports per 100,000 inhabitants, share answered and median time to answer, per district;"
			+ " from and to are days of the city's calendar (to included), the last 365 days when not given")
	WhoIsHeard.Answer districts(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		LocalDate last = to == null ? city.today(clock) : parsed(to, "to", LocalDate::parse, "a day, e.g. 2024-05-01");
		LocalDate first = from == null ? last.minusDays(MAX_DAYS - 2)
				: parsed(from, "from", LocalDate::parse, "a day, e.g. 2024-05-01");
		checkPeriod(first, last, ChronoUnit.DAYS.between(first, last) + 1, MAX_DAYS, "days");
		return figures.heard(first.atStartOfDay(city.zone()).toInstant(),
				last.plusDays(1).atStartOfDay(city.zone()).toInstant());
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
		YearMonth last = to == null ? YearMonth.from(city.today(clock))
				: parsed(to, "to", YearMonth::parse, "a month, e.g. 2024-05");
		YearMonth first = from == null ? last.minusMonths(11)
				: parsed(from, "from", YearMonth::parse, "a month, e.g. 2024-05");
		checkPeriod(first.atDay(1), last.atDay(1), ChronoUnit.MONTHS.between(first, last) + 1, MAX_MONTHS, "months");
		return figures.said(kind, first.atDay(1), last.atDay(1));
	}

	private static void checkPeriod(LocalDate first, LocalDate last, long length, int most, String unit) {
		if (last.isBefore(first)) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "to: before from").with("parameter", "to");
		}
		if (length > most) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "from/to: at most " + most + " " + unit + " at once").with("parameter",
					"from");
		}
	}

	private static <T> T parsed(String text, String parameter, Function<String, T> parse, String example) {
		try {
			return parse.apply(text.trim());
		}
		catch (DateTimeParseException e) {
			throw new ApiException(HttpStatus.BAD_REQUEST, parameter + ": '" + text + "' is not " + example)
				.with("parameter", parameter);
		}
	}

}
