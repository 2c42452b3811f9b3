package org.cabildo.sensing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of observation ingest ({@code cabildo.sensing.ingest.*}).
 *
 * @param queueObservations observations accepted but not yet committed, at most; beyond it
 * HTTP ingest answers 503 and MQTT stops reading (this bounds the memory ingest takes)
 * @param batchObservations the most observations one commit writes
 * @param writers threads that commit, each holding one database connection while it writes; 0 (the
 * default) for 2 on PostgreSQL and 1 on H2, whose locks would only make a second one wait
 * @param httpWait how long an HTTP request waits for room in the queue before its 503
 * @param mqttWait how long an MQTT publish waits for room before the broker is told it failed
 */
@ConfigurationProperties("cabildo.sensing.ingest")
public record IngestSettings(@DefaultValue("100000") int queueObservations,
		@DefaultValue("10000") int batchObservations, @DefaultValue("0") int writers,
		@DefaultValue("200ms") Duration httpWait, @DefaultValue("30s") Duration mqttWait) {

	public IngestSettings {
		if (queueObservations < 1 || batchObservations < 1 || writers < 0) {
			throw new IllegalArgumentException(
					"cabildo.sensing.ingest.queue-observations and batch-observations must be at least 1, writers at least 0");
		}
	}

}
