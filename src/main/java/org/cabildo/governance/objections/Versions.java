package org.cabildo.governance.objections;

import org.cabildo.governance.Declaration;
import org.cabildo.governance.Stage;

/** The next version of a declaration that a stage change or a consultation makes (numbered by the register). */
final class Versions {

	private Versions() {
	}

	static Declaration withStage(Declaration d, Stage stage, Declaration.Pilot pilot, String actor) {
		return new Declaration(d.datastreamId(), d.version(), d.organisationId(), d.organisation(), d.contact(),
				d.purposes(), d.technology(), d.dataTypes(), d.processing(), d.access(), d.storage(), d.retention(),
				d.personalDataClass(), d.legalBasis(), d.privacyStatementUrl(), d.accessLevel(), d.sharing(), stage,
				pilot, d.impactAssessment(), d.summary(), d.consultation(), d.declaredAt(), actor);
	}

	static Declaration withConsultation(Declaration d, Declaration.Consultation consultation, String actor) {
		return new Declaration(d.datastreamId(), d.version(), d.organisationId(), d.organisation(), d.contact(),
				d.purposes(), d.technology(), d.dataTypes(), d.processing(), d.access(), d.storage(), d.retention(),
				d.personalDataClass(), d.legalBasis(), d.privacyStatementUrl(), d.accessLevel(), d.sharing(),
				d.stage(), d.pilot(), d.impactAssessment(), d.summary(), consultation, d.declaredAt(), actor);
	}

}
