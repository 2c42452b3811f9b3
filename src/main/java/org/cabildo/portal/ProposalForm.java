package org.cabildo.portal;

/**
 * The proposal form as a browser sends it, every value as typed.
 *
 * @param district the code of the district it is about; empty for the whole city
 * @param category the code of its category
 */
record ProposalForm(String title, String text, String district, String category) {

	static final ProposalForm EMPTY = new ProposalForm(null, null, null, null);

}
