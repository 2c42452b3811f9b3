package org.cabildo.portal.steward;

import org.cabildo.governance.Stage;
import org.cabildo.governance.objections.StageChanges;

/**
 * A stage change as a browser sends it (the body of {@code POST /api/register/{id}/stage}): the
 * stage wanted, why, and for a pilot its area (GeoJSON text) and end date.
 */
public record StageForm(String stage, String reason, String pilotArea, String pilotEndsOn) {

	static final StageForm EMPTY = new StageForm(null, "", "", "");

	StageChanges.Request request() {
		boolean pilot = Stage.PILOT.id().equals(stage);
		return new StageChanges.Request(stage, reason, pilot ? new StageChanges.PilotRequest(
				DeclarationForm.area(pilotArea), pilotEndsOn == null || pilotEndsOn.isBlank() ? null : pilotEndsOn.strip())
				: null);
	}

}
