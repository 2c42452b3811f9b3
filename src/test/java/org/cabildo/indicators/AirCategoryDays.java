package org.cabildo.indicators;

import java.util.List;

/**
 * Days per category of a local index (for the demo city, NOM-172's "buena" to "extremadamente
 * mala"): every category of the index in its order, with zero days too, so that a table of
 * categories always has the same rows.
 *
 * @param counts each category and its days
 * @param unclassifiedDays valid days the category function gave no category (a value it cannot
 * place, such as a unit its table does not convert)
 * @param invalidDays days without a value (coverage below the rule)
 */
record AirCategoryDays(List<Count> counts, int unclassifiedDays, int invalidDays) {

	AirCategoryDays {
		counts = List.copyOf(counts);
	}

	/** One category and its number of days. */
	record Count(String category, int days) {
	}

}
