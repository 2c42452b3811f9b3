package org.cabildo.governance.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cabildo.governance.Declaration;
import org.cabildo.governance.GovernanceSettings;
import org.cabildo.governance.register.CurrentDeclarations;
import org.cabildo.platform.CityTime;
import org.cabildo.platform.Platform;
import org.cabildo.sensing.Rollups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Principle 4: expired data goes without anyone remembering to. For every declaration with a
 * retention duration, raw Observations older than now minus that duration are removed in
 * bounded batches, reduced first to the aggregates the declaration keeps. On PostgreSQL a whole
 * month goes at once where every row in its partition is past retention with nothing to keep
 * ({@link PartitionDrops}); the batched deletes take the rest. The hourly and daily rollups of
 * personal data go with its rows; those of other data stay, as indicators of past years need them.
 */
@Component
public class RetentionJob {

	private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

	private final CurrentDeclarations declarations;

	private final Rollups rollups;

	private final DatastreamExpiry expiry;

	private final PartitionDrops partitions;

	private final Clock clock;

	private final int batchSize;

	private final CityTime city;

	RetentionJob(CurrentDeclarations declarations, DatastreamExpiry expiry, PartitionDrops partitions, Clock clock,
			GovernanceSettings settings, CityTime city, Rollups rollups) {
		this.city = city;
		this.rollups = rollups;
		this.declarations = declarations;
		this.expiry = expiry;
		this.partitions = partitions;
		this.clock = clock;
		this.batchSize = settings.retention().batchSize();
	}

	/** Every interval; the first run one interval after start, so that start-up is not slowed. */
	@Scheduled(fixedDelayString = "${cabildo.governance.retention.interval:1h}",
			initialDelayString = "${cabildo.governance.retention.interval:1h}")
	void scheduled() {
		RetentionReport report = Platform.runAs("retention", this::run);
		if (!report.removals().isEmpty()) {
			log.info("Retention removed {} observations of {} datastreams", report.observations(),
					report.removals().size());
		}
	}

	/** One run over every declaration, now. */
	public synchronized RetentionReport run() {
		Instant now = clock.instant();
		List<RetentionReport.Removal> removals = new ArrayList<>();
		try {
			removals.addAll(partitions.dropExpiredMonths(now));
		}
		catch (RuntimeException e) {
			log.warn("Dropping expired partitions failed; their rows are removed in batches instead", e);
		}
		for (Declaration declaration : declarations.all()) {
			Optional<Instant> cutoff = Optional.ofNullable(declaration.retention())
				.map(retention -> retention.cutoff(now, city.zone()));
			if (cutoff.isEmpty()) {
				continue;
			}
			try {
				Optional<RetentionReport.Removal> removal = expiry.expire(declaration, cutoff.get(), batchSize);
				removal.ifPresent(removals::add);
				if (declaration.personalDataClass().isPersonal()) {
					// Hourly rollups of data about people would tell what the retention removed: they go with it.
					// Those of other data stay, for the indicators of past years.
					rollups.forget(declaration.datastreamId(), cutoff.get());
				}
			}
			catch (RuntimeException e) {
				// One Datastream's failure (a lock timeout, a node removing the same rows) must not
				// keep the others' data past its time; the next run tries again.
				log.warn("Retention of datastream {} failed; next run retries", declaration.datastreamId(), e);
			}
		}
		return new RetentionReport(now, removals);
	}

}
