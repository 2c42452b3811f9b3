package org.cabildo.participation.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.cabildo.participation.WhoIsHeard;
import org.cabildo.platform.ApiException;
import org.cabildo.platform.CityTime;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Who is heard: participation by district, for anyone to read. */
@RestController
@Tag(name = "Participation")
class WhoIsHeardController {

	/** The longest period one answer covers. */
	static final int MAX_DAYS = 366;

	private final WhoIsHeard whoIsHeard;

	private final CityTime city;

	private final java.time.Clock clock;

	WhoIsHeardController(WhoIsHeard whoIsHeard, CityTime city, java.time.Clock clock) {
		this.whoIsHeard = whoIsHeard;
		this.city = city;
		this.clock = clock;
	}

	@GetMapping("/api/participation/districts")
	@Operation(summary = "Reports per 100,000 inhabitants, share answered and median time to answer, per district;"
			+ " from and to are days of the city's calendar (to included), the last 365 days when not given")
	WhoIsHeard.Answer districts(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		LocalDate last = to == null ? city.today(clock) : day(to, "to");
		LocalDate first = from == null ? last.minusDays(364) : day(from, "from");
		if (last.isBefore(first)) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "to: before from").with("parameter", "to");
		}
		if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "from/to: at most " + MAX_DAYS + " days at once")
				.with("parameter", "from");
		}
		return whoIsHeard.between(first.atStartOfDay(city.zone()).toInstant(),
				last.plusDays(1).atStartOfDay(city.zone()).toInstant());
	}

	private static LocalDate day(String text, String parameter) {
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException e) {
			throw new ApiException(HttpStatus.BAD_REQUEST, parameter + ": '" + text + "' is not a day, e.g. 2024-05-01")
				.with("parameter", parameter);
		}
	}

}
