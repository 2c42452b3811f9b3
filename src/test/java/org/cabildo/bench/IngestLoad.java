package org.cabildo.bench;

/**
 * One way observations come in, driven by clients in the benchmark's JVM until stopped: HTTP
 * ({@link HttpIngestLoad}) or MQTT ({@link MqttIngestLoad}).
 */
interface IngestLoad {

	/** For the report, e.g. "single POST to Datastreams(id)/Observations". */
	String title();

	/** How many clients send at once. */
	int clients();

	/** Connects and starts sending. */
	void start() throws Exception;

	/** What the clients have done so far, and their latencies by round. */
	LoadTally tally();

	/** Stops sending and waits until every request sent has its answer (or is given up). */
	void stop() throws Exception;

	/** Facts about how the load was made that the report should give, e.g. the MQTT window. */
	default String details() {
		return "";
	}

}
