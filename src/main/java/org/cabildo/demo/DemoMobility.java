package org.cabildo.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.cabildo.indicators.MobilityCount;
import org.cabildo.indicators.MobilitySeries;
import org.cabildo.indicators.MobilitySeriesRegister;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo city's mobility series: cyclists at SEMOVI's automatic counters (2013 to 2019) and the
 * preliminary daily ridership of public transport by operator and line (March to August 2020),
 * from the CDMX open-data portal (see the README beside the files). Neither has coordinates, so
 * they are city-level series, not Observations (see {@link MobilitySeriesRegister}). Outliers
 * are loaded as published; the indicator's rule leaves them out.
 */
@Component
class DemoMobility {

	static final String BIKES_FILE = DemoCity.FOLDER + "/bike_counter_daily.csv";

	static final String RIDERSHIP_FILE = DemoCity.FOLDER + "/transit_ridership_daily_2020.csv";

	static final String BIKES = "cdmx-bike-counters";

	static final String RIDERSHIP = "cdmx-transit-ridership-2020";

	private static final String TERMS = " Licence: CDMX open data, free reuse with attribution. Mirrored in GitHub"
			+ " JonathanMartignon/Data_CDMX_Un_Aire_No_Tan_Bueno, Datos/, commit b63eef592566128fbf7950f3798bbc6ddad892de.";

	static final MobilitySeries BIKES_SERIES = new MobilitySeries(BIKES, MobilitySeries.Kind.CYCLISTS,
			"Cyclists per day at the automatic counters of Paseo de la Reforma 222, Av. Revolución and Av. Patriotismo,"
					+ " Mexico City, 2013 to 2019",
			"cyclists per counter per day",
			"Fuente: Gobierno de la Ciudad de México, Portal de Datos Abiertos: Contador de ciclistas (SEMOVI), dataset"
					+ " contador-ciclistas." + TERMS,
			"Three counters on three streets, not the city's cycling: Reforma 222 from 2013-11-16, Revolución and"
					+ " Patriotismo from 2016-06-14, to 2019-09-30; no data 2018-12-18 to 2018-12-31. No coordinates. Counter"
					+ " outages and a malfunction (Reforma 222, July 2017) are in the data as published.");

	static final MobilitySeries RIDERSHIP_SERIES = new MobilitySeries(RIDERSHIP, MobilitySeries.Kind.RIDERSHIP,
			"Public-transport passengers per day by operator and line, Mexico City, March to August 2020",
			"passengers per day",
			"Fuente: Gobierno de la Ciudad de México, Portal de Datos Abiertos: Afluencia preliminar en transporte"
					+ " público, dataset afluencia-preliminar-en-transporte-publico." + TERMS,
			"Preliminary figures (cifras preliminares), rounded to integers; 27 rows have an empty total. Lines, not"
					+ " places: no coordinates. 2020-03-01 to 2020-08-31, the months of COVID-19's first wave.");

	private final MobilitySeriesRegister register;

	DemoMobility(MobilitySeriesRegister register) {
		this.register = register;
	}

	/** Loads both series (again: replaced whole); returns the counts loaded. */
	int load() {
		List<MobilityCount> bikes = bikes();
		List<MobilityCount> ridership = ridership();
		register.replace(BIKES_SERIES, bikes);
		register.replace(RIDERSHIP_SERIES, ridership);
		return bikes.size() + ridership.size();
	}

	/** The counters' rows: the counter is its own operator. */
	static List<MobilityCount> bikes() {
		return read(BIKES_FILE, "date,counter_id,counter_name,cyclists",
				f -> new MobilityCount(f[1], f[1], LocalDate.parse(f[0]), Long.parseLong(f[3])));
	}

	/** The lines' rows; an empty total stays empty (the card and ticket columns are not summed in its place). */
	static List<MobilityCount> ridership() {
		return read(RIDERSHIP_FILE, "date,operator,line,ridership_card,ridership_ticket,ridership_total",
				f -> new MobilityCount(f[1], f[2], LocalDate.parse(f[0]), f[5].isEmpty() ? null : Long.parseLong(f[5])));
	}

	private static List<MobilityCount> read(String file, String columns, Function<String[], MobilityCount> row) {
		List<MobilityCount> counts = new ArrayList<>();
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(new ClassPathResource(file).getInputStream(), StandardCharsets.UTF_8))) {
			String header = lines.readLine();
			if (!columns.equals(header)) {
				throw new IllegalStateException(file + ": unexpected columns " + header);
			}
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (!line.isBlank()) {
					counts.add(row.apply(line.split(",", -1)));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(file + " cannot be read", e);
		}
		return counts;
	}

}
