package org.cabildo.bench;

import java.net.URI;
import java.util.List;

import org.cabildo.bench.Dataset.Series;

/** The ways in that {@code bench ingest} measures, each with its target on PostgreSQL. */
enum IngestPhase {

	DATAARRAY("dataarray", 60_000), POST("post", 4_000), MQTT("mqtt", 20_000),
	/** History older than its datastream's latest row, in time order, in DataArray requests: an import. */
	HISTORY("history", 50_000),
	/** The same history, shuffled: an import whose rows arrive out of time order costs the same. */
	HISTORY_SHUFFLED("history-shuffled", 50_000);

	/** Delivery to a subscriber, p95, in milliseconds. */
	static final double DELIVERY_TARGET_MS = 200;

	/** Server peak resident memory through the whole benchmark, in MB. */
	static final double RSS_TARGET_MB = 768;

	private final String key;

	private final double targetPerSecond;

	IngestPhase(String key, double targetPerSecond) {
		this.key = key;
		this.targetPerSecond = targetPerSecond;
	}

	String key() {
		return key;
	}

	/** Observations landed per second that PostgreSQL should reach. */
	double targetPerSecond() {
		return targetPerSecond;
	}

	static IngestPhase of(String key) {
		for (IngestPhase phase : values()) {
			if (phase.key.equals(key)) {
				return phase;
			}
		}
		throw new IllegalArgumentException("unknown phase '" + key + "' (dataarray, post, mqtt, history, history-shuffled)");
	}

	/** How the loads are made; the same for every database. */
	record Shape(int arrayClients, int arrayRows, int arrayDatastreams, int postClients, int mqttPublishers,
			int mqttInflight) {
	}

	IngestLoad load(Shape shape, URI base, int mqttPort, List<Series> datastreams, SendTimes times, int rounds) {
		return switch (this) {
			case DATAARRAY -> HttpIngestLoad.dataArrays(base, datastreams, shape.arrayClients(), shape.arrayRows(),
					shape.arrayDatastreams(), times, rounds);
			case POST -> HttpIngestLoad.singlePosts(base, datastreams, shape.postClients(), times, rounds);
			case MQTT -> new MqttIngestLoad(base, mqttPort, datastreams, shape.mqttPublishers(), shape.mqttInflight(), times,
					rounds);
			case HISTORY -> HttpIngestLoad.history(base, datastreams.get(datastreams.size() - 1), shape.arrayRows(),
					false, times, rounds);
			case HISTORY_SHUFFLED -> HttpIngestLoad.history(base, datastreams.get(datastreams.size() - 2),
					shape.arrayRows(), true, times, rounds);
		};
	}

	/** How the observations of a request are spread, for the report. */
	String spread(Shape shape, int datastreams) {
		return switch (this) {
			case DATAARRAY -> {
				int groups = Math.min(shape.arrayDatastreams(), datastreams / shape.arrayClients());
				yield String.format("%,d observations a request, %d datastreams x %d; each client sends to its own %s "
						+ "datastreams", groups * (shape.arrayRows() / groups), groups, shape.arrayRows() / groups,
						share(datastreams, shape.arrayClients()));
			}
			case POST -> String.format("one observation a request; each client sends to its own %s datastreams",
					share(datastreams, shape.postClients()));
			case MQTT -> String.format("one observation a publish; each publisher sends to its own %s datastreams",
					share(datastreams, shape.mqttPublishers()));
			case HISTORY, HISTORY_SHUFFLED -> String.format("%,d observations a request, one client, one datastream, "
					+ "60 days of history one second apart older than its latest row, %s", shape.arrayRows(),
					this == HISTORY ? "in time order" : "shuffled over the whole 60 days");
		};
	}

	private static String share(int datastreams, int clients) {
		return datastreams % clients == 0 ? Integer.toString(datastreams / clients)
				: (datastreams / clients) + "-" + (datastreams / clients + 1);
	}

}
