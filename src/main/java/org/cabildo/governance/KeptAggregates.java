package org.cabildo.governance;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.cabildo.governance.register.CurrentDeclarations;
import org.cabildo.governance.retention.Aggregate;
import org.cabildo.governance.retention.ObservationAggregates;
import org.cabildo.platform.ApiException;
import org.cabildo.sensing.ReadAccess;
import org.cabildo.sensing.ReadContext;
import org.cabildo.sensing.ReadScope;
import org.cabildo.sensing.ReadScope.ObservationsRead;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The aggregates that remain of a Datastream's expired Observations, read for a reader as its
 * Observations are read: open data by anyone; other data by people of the accountable
 * organisation or of one it shares with, for a declared purpose (403, rule {@code purpose-binding},
 * otherwise). A read of the aggregates of personal data is ledgered as any read of it, with the
 * number of Observations they summarise. The API's aggregates endpoint and the portal's stream
 * card read them here.
 */
@Service
public class KeptAggregates {

	/** One interval's mean, for a chart: the interval [start, end), how many Observations it summarises. */
	public record Mean(Instant start, Instant end, long count, double mean) {
	}

	private final CurrentDeclarations declarations;

	private final ObservationAggregates aggregates;

	private final ReadAccess access;

	KeptAggregates(CurrentDeclarations declarations, ObservationAggregates aggregates, ReadAccess access) {
		this.declarations = declarations;
		this.aggregates = aggregates;
		this.access = access;
	}

	/**
	 * The first {@code limit} aggregates whose intervals overlap [from, to), oldest first; 404 for a
	 * Datastream without a declaration, 403 when the reader may not read its Observations.
	 */
	public List<Aggregate> read(ReadContext reader, long datastream, Instant from, Instant to, int limit) {
		if (declarations.of(datastream).isEmpty()) {
			throw ApiException.notFound("Datastream " + datastream + " has no declaration");
		}
		ReadScope scope = access.scope(reader);
		scope.refusal(datastream).ifPresent(reason -> {
			throw new ApiException(HttpStatus.FORBIDDEN, reason).with("rule", "purpose-binding");
		});
		List<Aggregate> read = aggregates.between(datastream, from, to, limit);
		if (!read.isEmpty()) {
			// Recorded before anything is handed on, as every read of Observations is.
			scope.returning(new ObservationsRead(Map.of(datastream, new ObservationsRead.Span(
					read.stream().mapToLong(Aggregate::count).sum(), read.get(0).interval().start(),
					read.get(read.size() - 1).interval().end()))));
		}
		return read;
	}

	/** As {@link #read}, each interval's mean; intervals without a numeric result are left out. */
	public List<Mean> means(ReadContext reader, long datastream, Instant from, Instant to, int limit) {
		return read(reader, datastream, from, to, limit).stream()
			.filter(aggregate -> aggregate.mean() != null)
			.map(aggregate -> new Mean(aggregate.interval().start(), aggregate.interval().end(), aggregate.count(),
					aggregate.mean()))
			.toList();
	}

}
