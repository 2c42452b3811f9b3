package org.cabildo.participation;

/**
 * Something its author and followers are told about a proposal: it reached its office, or the
 * office answered. Published within the change's transaction; told once it has committed.
 */
record ProposalNews(long proposal, Kind kind) {

	enum Kind {

		FORWARDED, ANSWERED

	}

}
