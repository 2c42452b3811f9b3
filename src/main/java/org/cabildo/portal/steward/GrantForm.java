package org.cabildo.portal.steward;

import java.util.List;

/**
 * A new sharing grant as a browser sends it: the organisation (a name or an id) and the declared
 * purposes it may read for.
 */
public record GrantForm(String organisation, List<String> purposes) {

	static final GrantForm EMPTY = new GrantForm("", List.of());

	public GrantForm {
		organisation = organisation == null ? "" : organisation;
		purposes = purposes == null ? List.of() : List.copyOf(purposes);
	}

}
