package org.cabildo.portal.steward;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.cabildo.governance.AccessLevel;
import org.cabildo.governance.Declaration;
import org.cabildo.governance.DeclarationDraft;
import org.cabildo.governance.Register;
import org.cabildo.platform.ApiException;
import org.cabildo.portal.Language;
import org.springframework.stereotype.Component;

/**
 * A stream's sharing grants, kept in its declaration: a grant is added or revoked by a new version
 * of the declaration that differs only in its grants, saved by the register's {@code declare} as
 * {@code PUT /api/register/{id}} saves one (the same steward check, rules and ledger entry).
 */
@Component
class SharingPages {

	private final Register register;

	private final Stewarded stewarded;

	private final Wording wording;

	SharingPages(Register register, Stewarded stewarded, Wording wording) {
		this.register = register;
		this.stewarded = stewarded;
		this.wording = wording;
	}

	SharingPage page(long datastream, Language language, String done) {
		return page(stewarded.declaration(datastream), GrantForm.EMPTY, FieldProblems.NONE, done, language);
	}

	/** Shares the stream with an organisation for these purposes (in place of its grant, if it has one). */
	Declaration add(long datastream, GrantForm form) {
		Declaration current = stewarded.declaration(datastream);
		List<DeclarationDraft.Grant> grants = grants(current);
		grants.removeIf(grant -> isOrganisation(grant, form.organisation()));
		grants.add(new DeclarationDraft.Grant(form.organisation(), form.purposes()));
		return declare(current, grants);
	}

	/** Stops sharing the stream with an organisation; 404 when it is not shared with it. */
	Declaration revoke(long datastream, long organisation) {
		Declaration current = stewarded.declaration(datastream);
		List<DeclarationDraft.Grant> grants = grants(current);
		if (!grants.removeIf(grant -> grant.organisation().equals(Long.toString(organisation)))) {
			throw ApiException.notFound("Datastream " + datastream + " is not shared with organisation " + organisation);
		}
		return declare(current, grants);
	}

	/** The page again, with what the register refused in the new grant at the form's fields. */
	SharingPage refused(long datastream, GrantForm form, ApiException e, Language language) {
		Declaration current = stewarded.declaration(datastream);
		List<DeclarationDraft.Grant> grants = grants(current);
		grants.removeIf(grant -> isOrganisation(grant, form.organisation()));
		String added = "/sharing/" + grants.size();
		FieldProblems said = wording.problems(e, language,
				pointer -> pointer.equals("/sharing") ? form.organisation() : "");
		List<FieldProblems.Problem> problems = new ArrayList<>();
		for (FieldProblems.Problem problem : said.all()) {
			String pointer = problem.pointer() == null ? "" : problem.pointer();
			String field = pointer.equals("/sharing") || pointer.equals(added + "/organisation") ? "organisation"
					: pointer.equals(added + "/purposes") ? "purposes" : FieldProblems.FORM;
			problems.add(new FieldProblems.Problem(problem.pointer(), field, problem.text()));
		}
		return page(current, form, new FieldProblems(problems), null, language);
	}

	private Declaration declare(Declaration current, List<DeclarationDraft.Grant> grants) {
		DeclarationDraft draft = DeclarationForm.of(current).draft(Optional.of(current), grants);
		return register.declare(current.datastreamId(), draft, stewarded.actor(), OptionalLong.empty());
	}

	private static List<DeclarationDraft.Grant> grants(Declaration declaration) {
		List<DeclarationDraft.Grant> grants = new ArrayList<>();
		declaration.sharing()
			.forEach(grant -> grants
				.add(new DeclarationDraft.Grant(Long.toString(grant.organisationId()), grant.purposes())));
		return grants;
	}

	/** Whether a grant (which names its organisation by id) is of the organisation named (by name or id). */
	private boolean isOrganisation(DeclarationDraft.Grant grant, String named) {
		return !named.isBlank() && register.organisation(named)
			.map(id -> grant.organisation().equals(Long.toString(id)))
			.orElse(false);
	}

	private SharingPage page(Declaration current, GrantForm form, FieldProblems problems, String done,
			Language language) {
		List<SharingPage.Grant> grants = current.sharing()
			.stream()
			.map(grant -> new SharingPage.Grant(grant.organisationId(), grant.organisation(), purposes(grant.purposes(),
					language)))
			.toList();
		List<Option> purposes = current.purposes()
			.stream()
			.map(id -> new Option(id, register.label("purpose", id, language.code()), form.purposes().contains(id),
					"purposes-" + id))
			.toList();
		return new SharingPage(current.datastreamId(), stewarded.name(current.datastreamId()),
				wording.label("steward.access-level." + current.accessLevel().id(), language),
				current.accessLevel() == AccessLevel.RESTRICTED, grants,
				done == null ? null : wording.label("steward.sharing.done." + done, language), form, purposes, problems,
				Set.of(FieldProblems.FORM, "organisation", "purposes"));
	}

	private String purposes(List<String> ids, Language language) {
		return String.join(", ", ids.stream().map(id -> register.label("purpose", id, language.code())).toList());
	}

}
