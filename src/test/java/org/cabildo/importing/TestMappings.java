package org.cabildo.importing;

/** The mapping the import's tests start from, over the command line and the API alike. */
public final class TestMappings {

	private TestMappings() {
	}

	/**
	 * The shipped demo mapping into another organisation, with a key of its own and no network
	 * property: the demo city's tests count every stationId and every network 'RAMA' as theirs.
	 */
	public static String demo(String organisation, String key) {
		try (var in = TestMappings.class.getResourceAsStream("/demo/mexico-city/mapping.yaml")) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
				.replace("organisation: environment office", "organisation: \"" + organisation + "\"")
				.replace("station: stationId", "station: " + key)
				.replace("    network: network\n", "");
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/**
	 * A mapping into an organisation, with its template (published when the organisation has
	 * none), a stations file {@code stations.csv} (code, label, lat, lon, kind), parameters O3 and
	 * PM10, and the {@code readings} given.
	 */
	public static String of(String organisation, String readings) {
		return """
				things:
				  file: stations.csv
				  id: code
				  name: label
				  latitude: lat
				  longitude: lon
				  properties: {kind: kind}
				keys: {station: siteCode}   # not stationId: the demo city's tests count those as its stations
				declaration:
				  organisation: "%s"
				  template:
				    contact: aire@example.org
				    purposes: [ecology, health]
				    technology: [air_quality]
				    dataTypes: [values_time]
				    retention: {keeps: nothing}
				    personalDataClass: none
				    accessLevel: open
				    summary: Measures the air every hour.
				parameters:
				  O3:
				    name: "O3 at {label}"
				    observed_property: {name: O3, definition: "http://dd.eionet.europa.eu/vocabulary/aq/pollutant/7"}
				    unit: {code: "[ppb]", name: parts per billion}
				  PM10:
				    column: pm10
				    observed_property: {name: PM10, definition: "http://dd.eionet.europa.eu/vocabulary/aq/pollutant/5"}
				    unit: {code: ug/m3}
				""".formatted(organisation) + readings;
	}

}
