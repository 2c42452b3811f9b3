package org.cabildo.portal.steward;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.cabildo.governance.Declaration;
import org.cabildo.governance.GovernanceSettings;
import org.cabildo.governance.Stage;
import org.cabildo.governance.objections.StageChanges;
import org.cabildo.platform.ApiException;
import org.cabildo.portal.Language;
import org.springframework.stereotype.Component;

/**
 * A stream's stage page, its moves and its consultation, through the stage rules of
 * {@link StageChanges} (as {@code POST /api/register/{id}/stage} and {@code /consultation});
 * a refusal shows the rule that blocks the move, in words.
 */
@Component
class StagePages {

	private final StageChanges stages;

	private final Stewarded stewarded;

	private final Wording wording;

	private final GovernanceSettings settings;

	private final Clock clock;

	StagePages(StageChanges stages, Stewarded stewarded, Wording wording, GovernanceSettings settings, Clock clock) {
		this.clock = clock;
		this.stages = stages;
		this.stewarded = stewarded;
		this.wording = wording;
		this.settings = settings;
	}

	StagePage page(long datastream, Language language, String done) {
		return page(stewarded.declaration(datastream), StageForm.EMPTY, FieldProblems.NONE, done, language);
	}

	Declaration move(long datastream, StageForm form) {
		return stages.change(datastream, form.request());
	}

	Declaration openConsultation(long datastream) {
		return stages.openConsultation(datastream);
	}

	/** The page again with the move as it was asked, and the rule that refused it. */
	StagePage refusedMove(long datastream, StageForm form, ApiException e, Language language) {
		Declaration current = stewarded.declaration(datastream);
		String target = Stage.of(form.stage()).map(stage -> label(stage, language)).orElse(String.valueOf(form.stage()));
		FieldProblems problems = wording.problems(e, language, pointer -> switch (pointer) {
			case "/pilot/endsOn" -> form.pilotEndsOn();
			default -> "";
		}, label(current.stage(), language), target, closes(current, language));
		return page(current, form, problems, null, language);
	}

	/** The page again with the rule that refused opening the consultation, at the consultation. */
	StagePage refusedConsultation(long datastream, ApiException e, Language language) {
		Declaration current = stewarded.declaration(datastream);
		Wording.Said said = wording.said(e, language, label(current.stage(), language), "", closes(current, language));
		return page(current, StageForm.EMPTY,
				new FieldProblems(List.of(new FieldProblems.Problem(null, "consultation", said.text()))), null, language);
	}

	private StagePage page(Declaration current, StageForm form, FieldProblems problems, String done,
			Language language) {
		Stage stage = current.stage();
		List<Stage> next = switch (stage) {
			case LAB -> List.of(Stage.PILOT, Stage.CITY, Stage.RETIRED);
			case PILOT -> List.of(Stage.CITY, Stage.RETIRED);
			case CITY -> List.of(Stage.RETIRED);
			case RETIRED -> List.of();
		};
		boolean offersConsultation = stage == Stage.LAB || stage == Stage.PILOT;
		Set<String> anchored = new LinkedHashSet<>(List.of(FieldProblems.FORM, "stage", "reason"));
		if (stage == Stage.LAB) {
			anchored.addAll(List.of("pilotArea", "pilotEndsOn"));
		}
		if (offersConsultation) {
			anchored.add("consultation");
		}
		return new StagePage(current.datastreamId(), stewarded.name(current.datastreamId()), label(stage, language),
				current.pilot() == null || stage != Stage.PILOT || current.pilot().endsOn() == null ? null
						: wording.label("steward.stage.pilot-until", language,
								wording.date(current.pilot().endsOn(), language)),
				consultation(current, language),
				done == null ? null : wording.label("steward.stage.done." + done, language, label(stage, language)),
				next.stream()
					.map(target -> new Option(target.id(), label(target, language), target.id().equals(form.stage()),
							"stage-" + target.id()))
					.toList(),
				form, problems, anchored, stage == Stage.LAB, offersConsultation,
				wording.number(settings.consultationDays(), language));
	}

	private String consultation(Declaration current, Language language) {
		Declaration.Consultation consultation = current.consultation();
		if (consultation == null) {
			return null;
		}
		boolean open = clock.instant().isBefore(consultation.closesAt());
		return wording.label(open ? "steward.stage.consultation-open" : "steward.stage.consultation-closed", language,
				wording.time(consultation.opensAt(), language), wording.time(consultation.closesAt(), language));
	}

	private String closes(Declaration current, Language language) {
		return current.consultation() == null ? "" : wording.time(current.consultation().closesAt(), language);
	}

	private String label(Stage stage, Language language) {
		return wording.label("steward.stage." + stage.id(), language);
	}

}
