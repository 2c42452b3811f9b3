package org.cabildo.governance.register;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cabildo.governance.AccessLevel;
import org.cabildo.governance.Declaration;
import org.cabildo.governance.Declaration.Retention;
import org.cabildo.governance.RetentionPeriod;
import org.cabildo.governance.DeclarationDraft;
import org.cabildo.governance.PersonalDataClass;
import org.cabildo.governance.Stage;
import org.cabildo.platform.ApiException;
import org.cabildo.platform.CityTime;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What a declaration must say before a Datastream may collect: every problem of a draft, each
 * with the JSON pointer of the field and the name of the rule it breaks (stable, for clients that
 * say the problem in their own words and language), in one 400 answer.
 */
@Component
public class DeclarationRules {

	private final Vocabulary vocabulary;

	private final Clock clock;

	private final CityTime city;

	DeclarationRules(Vocabulary vocabulary, Clock clock, CityTime city) {
		this.city = city;
		this.vocabulary = vocabulary;
		this.clock = clock;
	}

	/** Refuses (400, listing every problem) a draft for a stream's first declaration (or a template's) that does not say what it must. */
	public void check(DeclarationDraft draft) {
		check(draft, Optional.empty());
	}

	/**
	 * Refuses (400, listing every problem) a draft that does not say what it must, as the next
	 * version of {@code previous} if there is one; 409 (rule {@code pilot-ended}) for a draft that
	 * would extend a pilot whose end date has passed.
	 */
	public void check(DeclarationDraft draft, Optional<Declaration> previous) {
		Problems problems = new Problems();
		if (blank(draft.contact())) {
			problems.put("/contact", "contact", "say how to reach the accountable organisation (an e-mail address or a URL)");
		}
		if (blank(draft.summary())) {
			problems.put("/summary", "summary", "say in plain words what the stream collects and why");
		}
		else if (draft.summary().length() > 2000) {
			problems.put("/summary", "summary-length", "keep the summary under 2,000 characters");
		}
		terms(problems, "/purposes", "purpose", draft.purposes(), true);
		terms(problems, "/technology", "tech", draft.technology(), true);
		terms(problems, "/dataTypes", "data", draft.dataTypes(), false);
		terms(problems, "/processing", "process", draft.processing(), false);
		terms(problems, "/access", "access", draft.access(), false);
		terms(problems, "/storage", "storage", draft.storage(), false);
		PersonalDataClass personal = PersonalDataClass.of(draft.personalDataClass()).orElse(null);
		if (personal == null) {
			problems.put("/personalDataClass", "personal-data-class", "one of none, pseudonymous, personal, sensitive");
		}
		AccessLevel level = AccessLevel.of(draft.accessLevel()).orElse(null);
		if (level == null) {
			problems.put("/accessLevel", "access-level", "one of open, restricted, internal");
		}
		if (personal != null && personal.isPersonal()) {
			if (draft.legalBasis() == null || blank(draft.legalBasis().category()) || blank(draft.legalBasis().text())) {
				problems.put("/legalBasis", "legal-basis", "personal data needs a legal basis: a category and its text");
			}
			if (!isWebAddress(draft.privacyStatementUrl())) {
				problems.put("/privacyStatementUrl", "privacy-statement", "personal data needs the http(s) address of a privacy statement");
			}
			if (level == AccessLevel.OPEN) {
				problems.put("/accessLevel", "personal-never-open", "personal data is never open: restricted or internal");
			}
		}
		retention(problems, draft.retention(), personal);
		if (draft.sharing() != null) {
			for (int i = 0; i < draft.sharing().size(); i++) {
				DeclarationDraft.Grant grant = draft.sharing().get(i);
				String at = "/sharing/" + i;
				if (grant == null || blank(grant.organisation())) {
					problems.put(at + "/organisation", "grant-organisation", "name the organisation the stream is shared with");
					continue;
				}
				if (grant.purposes() == null || grant.purposes().isEmpty()) {
					problems.put(at + "/purposes", "grant-purposes", "name the purposes the organisation may read for");
				}
				else if (draft.purposes() != null && !draft.purposes().containsAll(grant.purposes())) {
					problems.put(at + "/purposes", "grant-purposes-declared", "a grant's purposes must be among the declared purposes");
				}
				if (level != null && level != AccessLevel.RESTRICTED) {
					problems.put(at, "grant-restricted", "only a restricted stream is shared with other organisations");
				}
			}
		}
		if (draft.stage() != null && !draft.stage().equals("lab") && !draft.stage().equals("pilot")) {
			problems.put("/stage", "first-stage", "a stream starts in the lab or as a pilot; later stages follow the stage rules");
		}
		pilot(problems, draft, previous);
		if (!problems.byPointer.isEmpty()) {
			List<Map<String, String>> listed = new ArrayList<>();
			problems.byPointer.forEach((pointer, problem) -> listed
				.add(Map.of("pointer", pointer, "problem", problem.text(), "rule", problem.rule())));
			Map.Entry<String, Problem> first = problems.byPointer.entrySet().iterator().next();
			throw ApiException.badRequest("the declaration is incomplete: " + listed.size() + " problem"
					+ (listed.size() == 1 ? "" : "s") + ", first at " + first.getKey() + ": " + first.getValue().text())
				.with("problems", listed);
		}
	}

	/**
	 * A first declaration as a pilot declares a valid area and an end date to come; a later
	 * version keeps the stream's pilot when it names none (or the same), and changes a running
	 * pilot only to one that meets the same rules. Stages themselves change only by the stage rules.
	 */
	private void pilot(Problems problems, DeclarationDraft draft, Optional<Declaration> previous) {
		Declaration.Pilot pilot = draft.pilot();
		LocalDate today = city.today(clock);
		if (previous.isEmpty()) {
			if ("pilot".equals(draft.stage())) {
				if (pilot == null) {
					problems.put("/pilot", "pilot", "a pilot declares its area (a GeoJSON polygon) and its end date");
				}
				else {
					problems.pilot(PilotArea.problems(pilot.area(), pilot.endsOn(), today));
				}
			}
			else if (pilot != null) {
				problems.put("/pilot", "pilot-stage-only", "only a pilot declares an area and an end date: say stage pilot, or leave pilot out");
			}
			return;
		}
		Declaration current = previous.get();
		if (pilot == null || pilot.equals(current.pilot())) {
			return;
		}
		if (current.stage() != Stage.PILOT) {
			problems.put("/pilot", "pilot-by-stage-change", "the stream is at the " + current.stage().id() + " stage; a lab stream becomes a pilot"
					+ " through POST /api/register/" + current.datastreamId() + "/stage, with its area and end date");
			return;
		}
		if (PilotArea.ended(current.pilot(), today)) {
			throw new ApiException(HttpStatus.CONFLICT, "the pilot ended on " + current.pilot().endsOn()
					+ " and is not extended or moved by a new declaration: leave pilot out (or send it unchanged), and"
					+ " take the stream to the city stage (an impact assessment and a public consultation) or retire it"
					+ " through POST /api/register/" + current.datastreamId() + "/stage")
				.with("rule", "pilot-ended")
				.with("pointer", PilotArea.ENDS_ON);
		}
		problems.pilot(PilotArea.problems(pilot.area(), pilot.endsOn(), today));
	}

	private void terms(Problems problems, String pointer, String category, List<String> ids,
			boolean required) {
		if (ids == null || ids.isEmpty()) {
			if (required) {
				problems.put(pointer, "terms-required", "name at least one DTPR " + category + " id, e.g. "
						+ String.join(", ", vocabulary.ids(category).stream().limit(3).toList()));
			}
			return;
		}
		for (int i = 0; i < ids.size(); i++) {
			if (!vocabulary.has(category, ids.get(i))) {
				problems.put(pointer + "/" + i, "term-unknown", "'" + ids.get(i) + "' is not a DTPR " + category + " id; see /api/register/vocabulary");
			}
		}
	}

	private static void retention(Problems problems, Retention retention, PersonalDataClass personal) {
		if (retention == null) {
			problems.put("/retention", "retention", "say how long raw data is kept (duration) and what remains after (keeps)");
			return;
		}
		RetentionPeriod duration = period(problems, "/retention/duration", "retention-period", retention.duration(),
				RetentionPeriod.FORMS);
		if (retention.duration() == null && personal != null && personal.isPersonal()) {
			problems.put("/retention/duration", "retention-personal", "personal data is kept for a stated time, e.g. P30D");
		}
		if (duration != null && duration.isZero()) {
			problems.put("/retention/duration", "retention-zero", "a retention is longer than zero: " + RetentionPeriod.FORMS);
		}
		String keeps = retention.keeps() == null ? Retention.NOTHING : retention.keeps();
		if (!keeps.equals(Retention.NOTHING) && !keeps.equals(Retention.AGGREGATES)) {
			problems.put("/retention/keeps", "retention-keeps", "nothing or aggregates");
		}
		if (keeps.equals(Retention.AGGREGATES)) {
			RetentionPeriod interval = period(problems, "/retention/granularity", "granularity", retention.granularity(),
					RetentionPeriod.GRANULARITIES);
			if (interval == null && retention.granularity() == null) {
				problems.put("/retention/granularity", "granularity", "aggregates are kept per interval: " + RetentionPeriod.GRANULARITIES);
			}
			else if (interval != null) {
				interval.granularityProblem().ifPresent(problem -> problems.put("/retention/granularity", "granularity", problem));
			}
		}
	}

	private static RetentionPeriod period(Problems problems, String pointer, String rule, String text,
			String accepted) {
		if (text == null) {
			return null;
		}
		try {
			return RetentionPeriod.parse(text);
		}
		catch (IllegalArgumentException e) {
			problems.put(pointer, rule, "'" + text + "' is not " + accepted);
			return null;
		}
	}

	private static boolean isWebAddress(String text) {
		if (blank(text)) {
			return false;
		}
		try {
			URI uri = URI.create(text.strip());
			return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	/** A problem of a draft: the rule it breaks (a stable name, for clients that say it in their words) and its text. */
	private record Problem(String rule, String text) {
	}

	/** A draft's problems by JSON pointer, one per field (a later one at the same field replaces the earlier). */
	private static final class Problems {

		private final Map<String, Problem> byPointer = new LinkedHashMap<>();

		void put(String pointer, String rule, String text) {
			byPointer.put(pointer, new Problem(rule, text));
		}

		/** A pilot's problems, named by the rules a stage change names them by. */
		void pilot(Map<String, String> problems) {
			problems.forEach((pointer, text) -> put(pointer,
					pointer.equals(PilotArea.AREA) ? "pilot-area" : "pilot-end-date", text));
		}

	}

}
