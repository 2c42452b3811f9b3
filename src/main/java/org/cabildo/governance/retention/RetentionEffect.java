package org.cabildo.governance.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.cabildo.governance.Declaration;
import org.cabildo.governance.RetentionRemoval;
import org.cabildo.platform.CityTime;
import org.cabildo.sensing.ObservationExpiry;
import org.springframework.stereotype.Component;

/**
 * What a new retention would remove of a Datastream's stored Observations, counted before the
 * change is applied: those older than its cutoff that the current retention still keeps (what
 * the current one already lets go is not the change's doing).
 */
@Component
public class RetentionEffect {

	private final ObservationExpiry observations;

	private final Clock clock;

	private final CityTime city;

	RetentionEffect(ObservationExpiry observations, Clock clock, CityTime city) {
		this.observations = observations;
		this.clock = clock;
		this.city = city;
	}

	public RetentionRemoval of(long datastream, Optional<Declaration.Retention> current, Declaration.Retention next) {
		Instant now = clock.instant();
		Optional<Instant> cutoff = cutoff(next, now);
		if (cutoff.isEmpty()) {
			return RetentionRemoval.none();
		}
		long older = observations.olderThan(datastream, cutoff.get());
		Optional<Instant> currentCutoff = current.flatMap(retention -> cutoff(retention, now));
		if (older > 0 && currentCutoff.isPresent()) {
			older -= observations.olderThan(datastream, currentCutoff.get().isBefore(cutoff.get()) ? currentCutoff.get()
					: cutoff.get());
		}
		return older <= 0 ? RetentionRemoval.none()
				: new RetentionRemoval(older, cutoff.get(), next.duration(), next.keepsAggregates());
	}

	private Optional<Instant> cutoff(Declaration.Retention retention, Instant now) {
		return retention == null ? Optional.empty() : Optional.ofNullable(retention.cutoff(now, city.zone()));
	}

}
