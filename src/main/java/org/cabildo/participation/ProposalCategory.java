package org.cabildo.participation;

/**
 * What a proposal may be about, and which office answers it once it has enough supports.
 *
 * @param office the office that answers, its name holding {@code {district}} where each district
 *        has its own (the name of the district the proposal is about)
 * @param fallbackOffice the office that answers a proposal about no district (or one no longer known)
 */
public record ProposalCategory(String code, String name, String description, String office, String fallbackOffice) {

	/** The office responsible for a proposal about this district (by its name; null: about none). */
	public String officeFor(String districtName) {
		if (!office.contains("{district}")) {
			return office;
		}
		return districtName == null ? fallbackOffice : office.replace("{district}", districtName);
	}

}
