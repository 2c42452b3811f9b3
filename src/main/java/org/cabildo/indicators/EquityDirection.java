package org.cabildo.indicators;

/** Which end of an indicator is the better one for the district that has it. */
enum EquityDirection {

	/** A concentration, exceedance days, exposure. */
	LOWER_IS_BETTER,

	/** Monitors per 100,000 inhabitants, green space per person. */
	HIGHER_IS_BETTER

}
