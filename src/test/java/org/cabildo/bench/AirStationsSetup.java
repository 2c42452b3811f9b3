package org.cabildo.bench;

import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cabildo.bench.Dataset.Series;
import org.cabildo.support.Api;
import org.cabildo.support.Fixtures;

import tools.jackson.databind.JsonNode;

/**
 * Makes {@link AirNetwork}'s city through the API, as a city's operator would: the districts
 * (PUT /api/districts, as an admin), each station a Thing with its Location and two Datastreams
 * (PM2.5 in µg/m³ and O3 in ppb, with the EEA vocabulary's definitions, which the indicators
 * recognise), each declared open in the register, then each stream's first observation (from
 * which the server derives its FeatureOfInterest). The rest is bulk-loaded.
 */
final class AirStationsSetup {

	private static final String EIONET = "http://dd.eionet.europa.eu/vocabulary/aq/pollutant/";

	private final Api admin;

	private final PrintStream out;

	AirStationsSetup(URI base, PrintStream out) {
		this.admin = new Api(base.getPort());
		this.out = out;
	}

	/** Imports the districts; every Thing is placed again. */
	void putDistricts(AirNetwork network) {
		Api.Response put = admin.put("/api/districts", network.districtsGeoJson());
		if (put.status() != 200 && put.status() != 201) {
			throw new IllegalStateException("PUT /api/districts answered " + put);
		}
		JsonNode imported = put.json();
		out.printf("  districts: %d added, %d changed, %d unchanged; %d Things placed%n", imported.get("added").asInt(),
				imported.get("changed").asInt(), imported.get("unchanged").asInt(), imported.get("thingsPlaced").asLong());
	}

	/** Creates the stations and returns the network with the ids the server gave its streams. */
	AirNetwork create(AirNetwork planned) {
		putDistricts(planned);
		List<Series> series = new ArrayList<>(planned.dataset().series());
		for (AirNetwork.Station station : planned.stationPlaces()) {
			Api.Response created = admin.post("/v1.1/Things", Map.of("name", "Air station " + (station.index() + 1),
					"description", "An air-quality station (benchmark data) in district " + station.district(),
					"properties", Map.of("benchmark", "indicators"),
					"Locations", List.of(Map.of("name", "Air station " + (station.index() + 1), "description",
							"Where it stands", "encodingType", "application/geo+json", "location",
							Map.of("type", "Point", "coordinates", List.of(station.longitude(), station.latitude())))),
					"Datastreams", List.of(
							datastream(station, "PM2.5", "6001", "microgram per cubic metre", "ug/m3"),
							datastream(station, "O3", "7", "parts per billion", "[ppb]"))));
			if (created.status() != 201) {
				throw new IllegalStateException("POST /v1.1/Things answered " + created);
			}
			for (JsonNode datastream : admin.get("/v1.1/Things(" + created.id() + ")/Datastreams", "$select",
					"id,name").json().get("value")) {
				int index = 2 * station.index() + (datastream.get("name").asString().startsWith("PM2.5") ? 0 : 1);
				series.set(index, series.get(index).withIds(datastream.get("@iot.id").asLong(), 0));
			}
		}
		for (Series s : series) {
			if (s.datastreamId() == 0) {
				throw new IllegalStateException("series " + s.index() + " has no Datastream");
			}
			Fixtures.declareOpen(admin, s.datastreamId());
		}
		out.printf("  created %d stations (Things with a Location) and %d Datastreams, declared open%n",
				planned.stations(), series.size());
		for (int i = 0; i < series.size(); i++) {
			Series s = series.get(i);
			Api.Response observation = admin.post("/v1.1/Observations", Map.of("phenomenonTime",
					s.timeOf(0).toString(), "result", s.values().next(), "Datastream", Map.of("@iot.id", s.datastreamId())));
			if (observation.status() != 201) {
				throw new IllegalStateException("POST /v1.1/Observations answered " + observation);
			}
			long feature = admin.get("/v1.1/Observations(" + observation.id() + ")/FeatureOfInterest").json()
				.get("@iot.id")
				.asLong();
			series.set(i, s.withIds(s.datastreamId(), feature));
		}
		out.printf("  created each stream's first observation (and its FeatureOfInterest) through the API%n");
		return planned.withDataset(planned.dataset().withSeries(series));
	}

	private static Map<String, Object> datastream(AirNetwork.Station station, String pollutant, String term,
			String unitName, String symbol) {
		String at = " at air station " + (station.index() + 1);
		return Map.of("name", pollutant + at, "description", pollutant + " concentration" + at, "observationType",
				"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement", "unitOfMeasurement",
				Map.of("name", unitName, "symbol", symbol, "definition", "http://unitsofmeasure.org/ucum.html#" + symbol),
				"Sensor", Map.of("name", pollutant + " monitor" + at, "description", "A " + pollutant + " monitor",
						"encodingType", "application/json", "metadata", Map.of("model", "BENCH-" + pollutant)),
				"ObservedProperty", Map.of("name", pollutant, "definition", EIONET + term, "description",
						pollutant + " concentration in ambient air"));
	}

}
