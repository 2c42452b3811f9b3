package org.cabildo.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.cabildo.indicators.HealthCount;
import org.cabildo.indicators.HealthSeries;
import org.cabildo.indicators.HealthSeriesRegister;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo city's respiratory-illness series: ETI and IRAG cases reported by the sentinel units
 * of Mexico City's health ministry, by alcaldía and epidemiological week, January to early May
 * 2020 ({@code health_eti_irag_weekly_by_district_2020.csv}, see the README beside it). The
 * file's counts are cumulative over the 2019–2020 season; each row becomes the cases of its
 * reporting period, as {@link #METHOD} says.
 */
@Component
class DemoHealth {

	static final String FILE = DemoCity.FOLDER + "/health_eti_irag_weekly_by_district_2020.csv";

	static final String CODE = "cdmx-eti-irag-2020";

	/** The influenza season 2019–2020 began with epidemiological week 40 of 2019 (Sunday 29 September). */
	static final LocalDate SEASON_START = LocalDate.of(2019, 9, 29);

	static final String METHOD = "Each row of the source is one district and one epidemiological week (Sunday to"
			+ " Saturday) of 2020, with the season's cumulative cases. A period's cases are the file's"
			+ " cases_new_since_prev_report (the cumulative minus the previous report's). Week 11 covers weeks 10 and 11"
			+ " (weeks_covered = 2, week 10 is missing in the source): its period is 2020-03-01 to 2020-03-14. Week 1 has"
			+ " no previous report: its cases are the season's cumulative, and its period is the season so far, from"
			+ " epidemiological week 40 of 2019 (2019-09-29) to 2020-01-04.";

	static final String CAVEATS = "Cases of ETI (influenza-like illness) and IRAG (severe acute respiratory infection)"
			+ " reported by the 39 sentinel units (USMI) of Mexico City's health ministry: sentinel surveillance, not"
			+ " the illness of the population; counted by date of registration, not onset; preliminary. Week 16"
			+ " holds a backlog of weeks 12 to 15 (the transcriber's warning). 2020: it does not overlap the demo's air"
			+ " data (2024).";

	static final HealthSeries SERIES = new HealthSeries(CODE,
			"ETI and IRAG cases reported by sentinel units, by alcaldía and week, Mexico City, 2020", "reported cases",
			"SEDESA CDMX, Informe Semanal de Influenza 2020; transcribed by Diego Valle-Jones (GitHub diegovalle/IRAG,"
					+ " data/cdmx2020.csv, commit d5b9141d8d6b29ad1549acb581aafa9b7d7393fa). Licence unclear: official"
					+ " public bulletins; the transcription has no licence file.",
			METHOD, CAVEATS);

	private final HealthSeriesRegister register;

	DemoHealth(HealthSeriesRegister register) {
		this.register = register;
	}

	/** Loads the series (again: replaced whole); returns the counts loaded. */
	int load() {
		List<HealthCount> counts = counts();
		register.replace(SERIES, counts);
		return counts.size();
	}

	/** The file's rows as counts per period. */
	static List<HealthCount> counts() {
		List<HealthCount> counts = new ArrayList<>();
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(new ClassPathResource(FILE).getInputStream(), StandardCharsets.UTF_8))) {
			String header = lines.readLine();
			if (!header.equals("district_id,district_name_source,epi_year,epi_week,week_start,week_end,"
					+ "cases_cumulative_season,cases_new_since_prev_report,weeks_covered")) {
				throw new IllegalStateException(FILE + ": unexpected columns " + header);
			}
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (!line.isBlank()) {
					counts.add(count(line.split(",", -1)));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(FILE + " cannot be read", e);
		}
		return counts;
	}

	private static HealthCount count(String[] f) {
		LocalDate weekStart = LocalDate.parse(f[4]);
		LocalDate weekEnd = LocalDate.parse(f[5]);
		if (f[7].isEmpty()) {
			// no previous report: the season's cases so far
			return new HealthCount(f[0], SEASON_START, weekEnd, Long.parseLong(f[6]));
		}
		int weeks = Integer.parseInt(f[8]);
		return new HealthCount(f[0], weekStart.minusWeeks(weeks - 1L), weekEnd, Long.parseLong(f[7]));
	}

}
