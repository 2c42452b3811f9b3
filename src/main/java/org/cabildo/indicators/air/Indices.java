package org.cabildo.indicators.air;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The local air-quality indices a city may name in {@code cabildo.city.air-index}, and
 * {@code none} for a city that has none (its pages show the WHO guidelines only).
 */
public final class Indices {

	/** The setting's value of a city without a local index. */
	public static final String NONE = "none";

	private static final Category BUENA = new Category("buena", 1);

	private static final Category ACEPTABLE = new Category("aceptable", 2);

	private static final Category MALA = new Category("mala", 3);

	private static final Category MUY_MALA = new Category("muy-mala", 4);

	private static final Category EXTREMADAMENTE_MALA = new Category("extremadamente-mala", 5);

	/**
	 * Mexico's "Índice AIRE Y SALUD": NORMA Oficial Mexicana NOM-172-SEMARNAT-2019, Lineamientos
	 * para la obtención y comunicación del Índice de Calidad del Aire y Riesgos a la Salud, Diario
	 * Oficial de la Federación, 20 November 2019,
	 * https://www.dof.gob.mx/nota_detalle.php?codigo=5579387&amp;fecha=20/11/2019 (its table of
	 * concentration intervals per pollutant).
	 *
	 * <p>
	 * Provenance, said plainly. Checked: the title, date and address above against the DOF's page,
	 * and the five categories in their order (with their risk levels, Bajo to Extremadamente alto)
	 * against SINAICA's page of recommendations, https://sinaica.inecc.gob.mx/recomendaciones.html.
	 * NOT checked: the limits, averaging times and units below. The DOF's table could not be read
	 * in the sources at hand (the stored copies of the DOF page and of its mirrors on vdocumento.com
	 * and pdfslide.es reach no further than their opening). They are the figures on which several
	 * independent public implementations of the 2019 index agree: SIMAT's repository
	 * bcsimat/conteos-IAS, {@code bin/conteo-dias-IAS.R} (ozone 1 h, PM10 and PM2.5 12 h,
	 * categories and their upper limits inclusive) and two further public front ends listing
	 * "Aire y Salud"/"NOM-172-SEMARNAT-2019" limits for all six pollutants with their averaging
	 * times. Check them against the DOF table before relying on them. Limits are upper bounds,
	 * inclusive ("Buena ≤ 0.051", "Aceptable &gt; 0.051 a 0.095"); gases in ppm, particles in
	 * µg/m³ (the norm's units).
	 *
	 * <p>
	 * NOM-172-SEMARNAT-2023 has replaced this norm with other limits; its tables could not be read
	 * either, so it has no entry here yet (a table no one has read is not added). See README, "The
	 * city's air, coloured by its index".
	 */
	public static final Index NOM_172_SEMARNAT_2019 = new Index("nom-172-semarnat-2019",
			"NOM-172-SEMARNAT-2019 «Índice AIRE Y SALUD»",
			"Diario Oficial de la Federación, 20/11/2019",
			List.of(BUENA, ACEPTABLE, MALA, MUY_MALA, EXTREMADAMENTE_MALA),
			List.of(nom172(Pollutant.O3, Averaging.HOUR, Unit.PPM, "0.051", "0.095", "0.135", "0.175"),
					nom172(Pollutant.O3, Averaging.EIGHT_HOURS, Unit.PPM, "0.051", "0.070", "0.092", "0.114"),
					nom172(Pollutant.NO2, Averaging.HOUR, Unit.PPM, "0.107", "0.210", "0.230", "0.250"),
					nom172(Pollutant.SO2, Averaging.DAY, Unit.PPM, "0.008", "0.110", "0.165", "0.220"),
					nom172(Pollutant.CO, Averaging.EIGHT_HOURS, Unit.PPM, "8.75", "11.00", "13.30", "15.50"),
					nom172(Pollutant.PM10, Averaging.TWELVE_HOURS_WEIGHTED, Unit.MICROGRAMS_PER_CUBIC_METRE, "50", "75",
							"155", "235"),
					nom172(Pollutant.PM2_5, Averaging.TWELVE_HOURS_WEIGHTED, Unit.MICROGRAMS_PER_CUBIC_METRE, "25", "45",
							"79", "147")));

	private static final List<Index> ALL = List.of(NOM_172_SEMARNAT_2019);

	private Indices() {
	}

	/**
	 * The index a city's setting names; empty for {@link #NONE}.
	 *
	 * @throws IllegalArgumentException naming the setting and the values it takes
	 */
	public static Optional<Index> named(String setting) {
		String wanted = setting == null ? NONE : setting.strip();
		if (wanted.isEmpty() || wanted.equals(NONE)) {
			return Optional.empty();
		}
		return Optional.of(ALL.stream()
			.filter(index -> index.id().equals(wanted))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("cabildo.city.air-index (CABILDO_CITY_AIR_INDEX) '" + setting
					+ "' is not an index the platform knows: give " + String.join(", ", ids()) + " or " + NONE)));
	}

	static List<String> ids() {
		return ALL.stream().map(Index::id).toList();
	}

	/** The five bands of a NOM-172 table from the upper limits of its first four. */
	private static Scale nom172(Pollutant pollutant, Averaging averaging, Unit unit, String... limits) {
		List<Category> categories = List.of(BUENA, ACEPTABLE, MALA, MUY_MALA, EXTREMADAMENTE_MALA);
		List<Band> bands = new ArrayList<>();
		BigDecimal above = null;
		for (int i = 0; i < categories.size(); i++) {
			BigDecimal upTo = i < limits.length ? new BigDecimal(limits[i]) : null;
			bands.add(new Band(categories.get(i), above, upTo));
			above = upTo;
		}
		return new Scale(pollutant, averaging, unit, bands);
	}

}
