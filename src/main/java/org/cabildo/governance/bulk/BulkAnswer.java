package org.cabildo.governance.bulk;

import java.util.List;

import org.cabildo.governance.Declaration;
import org.cabildo.governance.RetentionRemoval;

/**
 * What a bulk change did (or, as a dry run, would do): every stream's new declaration version and
 * what its retention removes of what is stored.
 *
 * @param applied false for a dry run
 * @param removes the Observations removed in all (what {@code confirm} must say when more than 0)
 */
public record BulkAnswer(boolean applied, int count, long removes, List<StreamChange> streams) {

	public record StreamChange(long datastream, Declaration declaration, RetentionRemoval removes) {
	}

	/** Why one stream cannot be changed; {@code pointer} points into the request body. */
	public record StreamProblem(long datastream, int status, String rule, String pointer, String problem) {
	}

}
