package org.cabildo.portal.steward;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.cabildo.governance.AccessLevel;
import org.cabildo.governance.Declaration;
import org.cabildo.governance.PersonalDataClass;
import org.cabildo.governance.Register;
import org.cabildo.governance.Stage;
import org.cabildo.platform.ApiException;
import org.cabildo.portal.Language;
import org.springframework.stereotype.Component;

/**
 * The declaration form of a stream, and its saving: by the register's {@code declare}, as
 * {@code PUT /api/register/{id}} saves (the same steward check, rules, retention confirmation and
 * ledger entry); a refusal shown at the fields it points at.
 */
@Component
class DeclarationPages {

	/** The lists of a declaration, by form field, and the DTPR category of their terms. */
	private static final Map<String, String> LISTS = new LinkedHashMap<>();

	static {
		LISTS.put("purposes", "purpose");
		LISTS.put("technology", "tech");
		LISTS.put("dataTypes", "data");
		LISTS.put("processing", "process");
		LISTS.put("access", "access");
		LISTS.put("storage", "storage");
	}

	private static final Set<String> FIELDS = Set.of(FieldProblems.FORM, "contact", "summary", "retentionDuration",
			"retentionKeeps", "retentionGranularity", "personalDataClass", "legalBasis", "privacyStatementUrl",
			"accessLevel", "impactAssessment", "sharing");

	private final Register register;

	private final Stewarded stewarded;

	private final Wording wording;

	DeclarationPages(Register register, Stewarded stewarded, Wording wording) {
		this.register = register;
		this.stewarded = stewarded;
		this.wording = wording;
	}

	/** The form with the current declaration (or none yet), for a steward of the stream's owner. */
	DeclarationPage form(long datastream, Language language, boolean saved) {
		stewarded.owner(datastream);
		Optional<Declaration> current = register.current(datastream);
		return page(datastream, current, current.map(DeclarationForm::of).orElseGet(DeclarationForm::first),
				FieldProblems.NONE, null, saved, language);
	}

	/** Saves the form as the stream's next declaration, exactly as the API's PUT does. */
	Declaration save(long datastream, DeclarationForm form) {
		return register.declare(datastream, form.draft(register.current(datastream)), stewarded.actor(),
				form.confirmed());
	}

	/** The form as it was sent, with what the register refused in it (400, 409) at its fields. */
	DeclarationPage refused(long datastream, DeclarationForm form, ApiException e, Language language) {
		DeclarationPage.Removal removes = null;
		if ("retention-removes".equals(e.details().get("rule")) && e.details().get("removes") instanceof Number n) {
			removes = new DeclarationPage.Removal(Long.toString(n.longValue()),
					wording.label("steward.declaration.confirm", language, n.longValue()));
		}
		return page(datastream, register.current(datastream), form, wording.problems(e, language, form::at), removes,
				false, language);
	}

	private DeclarationPage page(long datastream, Optional<Declaration> current, DeclarationForm form,
			FieldProblems problems, DeclarationPage.Removal removes, boolean saved, Language language) {
		boolean first = current.isEmpty();
		boolean pilot = first || current.get().stage() == Stage.PILOT;
		Set<String> anchored = new LinkedHashSet<>(FIELDS);
		anchored.addAll(LISTS.keySet());
		if (first) {
			anchored.add("stage");
		}
		if (pilot) {
			anchored.addAll(List.of("pilot", "pilotArea", "pilotEndsOn"));
		}
		if (removes != null) {
			anchored.add("confirm");
		}
		return new DeclarationPage(datastream, stewarded.name(datastream), first,
				current.map(declaration -> wording.label("steward.declaration.current", language,
						wording.number(declaration.version(), language), declaration.declaredBy(),
						wording.time(declaration.declaredAt(), language),
						wording.label("steward.stage." + declaration.stage().id(), language)))
					.orElse(null),
				saved, form, problems, anchored, terms(form, language), classes(form, language),
				levels(form, language), keeps(form, language), first ? stages(form, language) : List.of(), pilot,
				current.map(declaration -> sharing(declaration, language)).orElse(List.of()), removes);
	}

	private List<DeclarationPage.Terms> terms(DeclarationForm form, Language language) {
		Map<String, List<String>> chosen = Map.of("purposes", form.purposes(), "technology", form.technology(),
				"dataTypes", form.dataTypes(), "processing", form.processing(), "access", form.access(), "storage",
				form.storage());
		List<DeclarationPage.Terms> terms = new ArrayList<>();
		LISTS.forEach((field, category) -> {
			Set<String> ids = new LinkedHashSet<>(register.terms(category));
			ids.addAll(chosen.get(field));
			terms.add(new DeclarationPage.Terms(field, wording.label("steward.declaration." + field.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT),
					language),
					ids.stream()
						.map(id -> new Option(id, register.label(category, id, language.code()),
								chosen.get(field).contains(id), field + "-" + id))
						.toList()));
		});
		return terms;
	}

	private List<Option> classes(DeclarationForm form, Language language) {
		List<Option> options = new ArrayList<>(List.of(choose(form.personalDataClass(), language)));
		for (PersonalDataClass value : PersonalDataClass.values()) {
			options.add(new Option(value.id(), wording.label("personal-data." + value.id(), language),
					value.id().equals(form.personalDataClass()), null));
		}
		return options;
	}

	private List<Option> levels(DeclarationForm form, Language language) {
		List<Option> options = new ArrayList<>(List.of(choose(form.accessLevel(), language)));
		for (AccessLevel value : AccessLevel.values()) {
			options.add(new Option(value.id(), wording.label("steward.access-level." + value.id(), language),
					value.id().equals(form.accessLevel()), null));
		}
		return options;
	}

	private List<Option> keeps(DeclarationForm form, Language language) {
		return List.of(Declaration.Retention.NOTHING, Declaration.Retention.AGGREGATES)
			.stream()
			.map(keeps -> new Option(keeps, wording.label("steward.keeps." + keeps, language),
					keeps.equals(form.retentionKeeps()), null))
			.toList();
	}

	private List<Option> stages(DeclarationForm form, Language language) {
		return List.of(Stage.LAB, Stage.PILOT)
			.stream()
			.map(stage -> new Option(stage.id(), wording.label("steward.stage." + stage.id(), language),
					stage.id().equals(form.stage()), "stage-" + stage.id()))
			.toList();
	}

	private List<String> sharing(Declaration declaration, Language language) {
		return declaration.sharing()
			.stream()
			.map(grant -> wording.label("steward.sharing.grant", language, grant.organisation(), String.join(", ",
					grant.purposes().stream().map(id -> register.label("purpose", id, language.code())).toList())))
			.toList();
	}

	private Option choose(String value, Language language) {
		return new Option("", wording.label("steward.choose", language), value == null || value.isBlank(), null);
	}

}
