package org.cabildo.demo;

import java.util.Arrays;
import java.util.Optional;

/**
 * The pollutants RAMA measures, with the unit SEDEMA publishes them in (UCUM codes) and the
 * EEA air-quality pollutant vocabulary as their definition.
 */
enum Pollutant {

	O3("O3", "Ozone", "parts per billion", "[ppb]", "http://dd.eionet.europa.eu/vocabulary/aq/pollutant/7",
			"ultraviolet photometry"),
	NO2("NO2", "Nitrogen dioxide", "parts per billion", "[ppb]",
			"http://dd.eionet.europa.eu/vocabulary/aq/pollutant/8", "chemiluminescence"),
	SO2("SO2", "Sulphur dioxide", "parts per billion", "[ppb]",
			"http://dd.eionet.europa.eu/vocabulary/aq/pollutant/1", "pulsed ultraviolet fluorescence"),
	CO("CO", "Carbon monoxide", "parts per million", "[ppm]", "http://dd.eionet.europa.eu/vocabulary/aq/pollutant/10",
			"non-dispersive infrared"),
	PM10("PM10", "Particulate matter < 10 µm", "microgram per cubic metre", "ug/m3",
			"http://dd.eionet.europa.eu/vocabulary/aq/pollutant/5", "beta attenuation"),
	PM25("PM2.5", "Particulate matter < 2.5 µm", "microgram per cubic metre", "ug/m3",
			"http://dd.eionet.europa.eu/vocabulary/aq/pollutant/6001", "beta attenuation");

	final String code;

	final String label;

	final String unitName;

	final String unitSymbol;

	final String definition;

	final String method;

	Pollutant(String code, String label, String unitName, String unitSymbol, String definition, String method) {
		this.code = code;
		this.label = label;
		this.unitName = unitName;
		this.unitSymbol = unitSymbol;
		this.definition = definition;
		this.method = method;
	}

	static Optional<Pollutant> of(String code) {
		return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
	}

}
