package org.cabildo.governance;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of governance ({@code cabildo.governance.*}).
 *
 * @param consultationDays how long the public consultation before the {@code city} stage lasts
 * @param retention the retention job
 * @param ledger the access ledger
 * @param declarationRefresh how often a node reloads the register, so that a change made on
 *        another node is enforced here too (a change on this node is enforced at once)
 */
@ConfigurationProperties("cabildo.governance")
public record GovernanceSettings(@DefaultValue("30") int consultationDays, @DefaultValue Retention retention,
		@DefaultValue Ledger ledger, @DefaultValue("30s") Duration declarationRefresh) {

	/**
	 * @param interval how often the job runs (at least hourly)
	 * @param batchSize the most raw observations one transaction removes, so ingest is never held up
	 */
	public record Retention(@DefaultValue("1h") Duration interval, @DefaultValue("5000") int batchSize) {
	}

	/**
	 * @param keyFile the Ed25519 key that signs checkpoints (PKCS#8, PEM); generated there on first start
	 * @param checkpointInterval how often a signed checkpoint of the chain is published
	 * @param checkpointFile where this node keeps the latest checkpoint it signed, outside the
	 *        database, so that a rewrite of the chain with its checkpoints deleted still shows
	 *        (one file per node: keep it off the database's disk, with the key)
	 */
	public record Ledger(@DefaultValue("data/ledger-signing-key.pem") String keyFile,
			@DefaultValue("10m") Duration checkpointInterval,
			@DefaultValue("data/ledger-checkpoint.json") String checkpointFile) {
	}

}
