package org.cabildo.sensing.rollup;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the rollups ({@code cabildo.sensing.rollups.*}).
 *
 * @param enabled whether writes are rolled up as they come; off only to measure what rollups cost
 * ingest ({@code ./cabildo bench ingest}): the rollups then fall behind, and catch up from the
 * stored rows once turned on again
 * @param interval how often the hours written are rolled up (the rollups lag writes by about this)
 * @param initialDelay how long after start the first round (and the catch-up) begins
 */
@ConfigurationProperties("cabildo.sensing.rollups")
public record RollupSettings(@DefaultValue("true") boolean enabled, @DefaultValue("2s") Duration interval,
		@DefaultValue("5s") Duration initialDelay) {
}
