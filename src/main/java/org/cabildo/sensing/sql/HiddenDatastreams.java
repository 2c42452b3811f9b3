package org.cabildo.sensing.sql;

import static org.cabildo.sensing.sql.SqlFragment.bind;
import static org.cabildo.sensing.sql.SqlFragment.concat;

import java.util.Collection;

/**
 * Datastreams whose Observations a query must not reach: every alias of the observations table
 * in the statement gets {@link #exclude(String)}.
 */
public record HiddenDatastreams(Long[] ids) {

	public static final HiddenDatastreams NONE = new HiddenDatastreams(new Long[0]);

	public static HiddenDatastreams of(Collection<Long> ids) {
		return ids.isEmpty() ? NONE : new HiddenDatastreams(ids.stream().sorted().toArray(Long[]::new));
	}

	public boolean isEmpty() {
		return ids.length == 0;
	}

	public boolean contains(long datastream) {
		return java.util.Arrays.binarySearch(ids, datastream) >= 0;
	}

	/** The condition that keeps the Observations of {@code alias} to visible Datastreams. */
	public SqlFragment exclude(String alias) {
		return concat("NOT (" + alias + ".datastream_id = ANY(", bind(ids.clone()), "))");
	}

}
