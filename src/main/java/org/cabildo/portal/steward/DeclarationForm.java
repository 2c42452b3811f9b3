package org.cabildo.portal.steward;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cabildo.governance.Declaration;
import org.cabildo.governance.DeclarationDraft;
import org.cabildo.governance.Stage;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The declaration form as a browser sends it, one field per part of a {@link DeclarationDraft}
 * (the body of {@code PUT /api/register/{id}}): lists as checkboxes, the retention, legal basis and
 * pilot as fields of their own, the pilot's area as GeoJSON text. Sharing is not on this form (it
 * has a page of its own); a new version keeps the stream's grants.
 *
 * @param stage a first declaration's stage (lab or pilot); later stages follow the stage rules
 * @param confirm how many stored Observations the steward confirms the new retention removes
 */
public record DeclarationForm(String contact, String summary, List<String> purposes, List<String> technology,
		List<String> dataTypes, List<String> processing, List<String> access, List<String> storage,
		String retentionDuration, String retentionKeeps, String retentionGranularity, String personalDataClass,
		String legalBasisCategory, String legalBasisText, String privacyStatementUrl, String accessLevel,
		String impactAssessment, String stage, String pilotArea, String pilotEndsOn, String confirm) {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final Pattern TERM = Pattern
		.compile("^/(purposes|technology|dataTypes|processing|access|storage)/(\\d+)$");

	public DeclarationForm {
		purposes = listed(purposes);
		technology = listed(technology);
		dataTypes = listed(dataTypes);
		processing = listed(processing);
		access = listed(access);
		storage = listed(storage);
	}

	/** The form of a stream without a declaration: nothing chosen for it, in the lab. */
	static DeclarationForm first() {
		return new DeclarationForm("", "", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), "",
				Declaration.Retention.NOTHING, "", "", "", "", "", "", "", Stage.LAB.id(), "", "", null);
	}

	/** The form filled with a declaration as it is. */
	static DeclarationForm of(Declaration declaration) {
		Declaration.Retention retention = declaration.retention();
		Declaration.LegalBasis basis = declaration.legalBasis();
		Declaration.Pilot pilot = declaration.pilot();
		return new DeclarationForm(declaration.contact(), declaration.summary(), declaration.purposes(),
				declaration.technology(), declaration.dataTypes(), declaration.processing(), declaration.access(),
				declaration.storage(), text(retention == null ? null : retention.duration()),
				retention == null || retention.keeps() == null ? Declaration.Retention.NOTHING : retention.keeps(),
				text(retention == null ? null : retention.granularity()), declaration.personalDataClass().id(),
				text(basis == null ? null : basis.category()), text(basis == null ? null : basis.text()),
				text(declaration.privacyStatementUrl()), declaration.accessLevel().id(),
				text(declaration.impactAssessment()), null,
				pilot == null || pilot.area() == null ? "" : JSON.writeValueAsString(pilot.area()),
				pilot == null || pilot.endsOn() == null ? "" : pilot.endsOn().toString(), null);
	}

	/**
	 * The draft this form says, as the next version of {@code current} (or a first declaration):
	 * the grants are the current ones; a pilot left as it was is sent as it was (kept). What the
	 * form cannot say in a draft's terms (an area that is not JSON, a date that is not one) is sent
	 * as nothing, and the register's rules say what is missing.
	 */
	DeclarationDraft draft(Optional<Declaration> current) {
		List<DeclarationDraft.Grant> sharing = current.map(declaration -> declaration.sharing()
			.stream()
			.map(grant -> new DeclarationDraft.Grant(Long.toString(grant.organisationId()), grant.purposes()))
			.toList()).orElse(List.of());
		return draft(current, sharing);
	}

	/** As {@link #draft(Optional)}, with these grants instead of the current ones. */
	DeclarationDraft draft(Optional<Declaration> current, List<DeclarationDraft.Grant> sharing) {
		Declaration.LegalBasis basis = blank(legalBasisCategory) && blank(legalBasisText) ? null
				: new Declaration.LegalBasis(nullIfBlank(legalBasisCategory), nullIfBlank(legalBasisText));
		return new DeclarationDraft(contact, purposes, technology, dataTypes, processing, access, storage,
				new Declaration.Retention(nullIfBlank(retentionDuration), nullIfBlank(retentionKeeps),
						nullIfBlank(retentionGranularity)),
				nullIfBlank(personalDataClass), basis, nullIfBlank(privacyStatementUrl), nullIfBlank(accessLevel),
				sharing, current.isPresent() ? null : nullIfBlank(stage), pilot(), nullIfBlank(impactAssessment),
				summary);
	}

	/** The number of removed Observations the steward confirmed, if they did. */
	OptionalLong confirmed() {
		try {
			return blank(confirm) ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(confirm.strip()));
		}
		catch (NumberFormatException e) {
			return OptionalLong.empty();
		}
	}

	/** What the form sent at a pointer of the draft, for the sentences that say it. */
	Object at(String pointer) {
		Matcher term = TERM.matcher(pointer);
		if (term.matches()) {
			List<String> terms = switch (term.group(1)) {
				case "purposes" -> purposes;
				case "technology" -> technology;
				case "dataTypes" -> dataTypes;
				case "processing" -> processing;
				case "access" -> access;
				default -> storage;
			};
			int index = Integer.parseInt(term.group(2));
			return index < terms.size() ? terms.get(index) : "";
		}
		return switch (pointer) {
			case "/retention/duration" -> retentionDuration;
			case "/retention/granularity" -> retentionGranularity;
			default -> "";
		};
	}

	/** Whether a pilot's area and end date are on the form at all. */
	boolean hasPilot() {
		return !blank(pilotArea) || !blank(pilotEndsOn);
	}

	private Declaration.Pilot pilot() {
		if (!hasPilot()) {
			return null;
		}
		return new Declaration.Pilot(area(pilotArea), date(pilotEndsOn));
	}

	/** GeoJSON text as a draft or a stage change carries it; text that is no JSON object is an area without a type. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> area(String text) {
		if (blank(text)) {
			return null;
		}
		try {
			return JSON.readValue(text, Map.class);
		}
		catch (JacksonException e) {
			return Map.of();
		}
	}

	private static LocalDate date(String text) {
		try {
			return blank(text) ? null : LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static List<String> listed(List<String> values) {
		return values == null ? List.of() : values.stream().filter(value -> value != null && !value.isBlank()).toList();
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	private static String nullIfBlank(String value) {
		return blank(value) ? null : value.strip();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
