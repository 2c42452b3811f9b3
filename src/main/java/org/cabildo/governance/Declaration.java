package org.cabildo.governance;

import java.time.ZoneId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One version of the public declaration of a Datastream: what it collects, why, who is
 * accountable, how it is processed, who may read it, how long it is kept and what remains, and
 * where the deployment is in its life. Vocabulary ids (purposes, technology, data types,
 * processing, access, storage) are DTPR v1 element ids.
 *
 * @param organisationId the accountable organisation: the Datastream's owner
 * @param contact how to reach the accountable organisation about this stream (e-mail or URL)
 * @param legalBasis required unless the data is not personal
 * @param privacyStatementUrl required unless the data is not personal
 * @param sharing organisations other than the owner that may read, each for some declared purposes
 * @param pilot the area and end date of a pilot; null at other stages
 * @param impactAssessment a reference to the data-protection impact assessment (required for {@code city})
 * @param summary what the stream does, in plain language, as a street sign would say it
 * @param consultation the public consultation before the {@code city} stage, if one was opened
 */
public record Declaration(long datastreamId, int version, long organisationId, String organisation, String contact,
		List<String> purposes, List<String> technology, List<String> dataTypes, List<String> processing,
		List<String> access, List<String> storage, Retention retention, PersonalDataClass personalDataClass,
		LegalBasis legalBasis, String privacyStatementUrl, AccessLevel accessLevel, List<SharingGrant> sharing,
		Stage stage, Pilot pilot, String impactAssessment, String summary, Consultation consultation,
		Instant declaredAt, String declaredBy) {

	public Declaration {
		purposes = List.copyOf(purposes);
		technology = List.copyOf(technology);
		dataTypes = dataTypes == null ? List.of() : List.copyOf(dataTypes);
		processing = processing == null ? List.of() : List.copyOf(processing);
		access = access == null ? List.of() : List.copyOf(access);
		storage = storage == null ? List.of() : List.copyOf(storage);
		sharing = sharing == null ? List.of() : List.copyOf(sharing);
	}

	/**
	 * How long raw Observations are kept, and what remains after.
	 *
	 * @param duration ISO-8601 (e.g. {@code P90D}); null: kept without limit (only for data that is not personal)
	 * @param keeps {@code nothing}, or {@code aggregates} (count, min, max, mean per interval)
	 * @param granularity the interval of the aggregates (e.g. {@code PT1H}, {@code P1D})
	 */
	public record Retention(String duration, String keeps, String granularity) {

		public static final String NOTHING = "nothing";

		public static final String AGGREGATES = "aggregates";

		/** How long raw Observations are kept; null: without limit. */
		public RetentionPeriod rawPeriod() {
			return duration == null ? null : RetentionPeriod.parse(duration);
		}

		/**
		 * The earliest phenomenonTime still kept at {@code now}: the retention before it on the city's
		 * calendar ({@code P1M} before 31 March is 29 February or the 28th); null when kept without limit.
		 * The retention job removes what is older, and ingest takes nothing older.
		 */
		public Instant cutoff(Instant now, ZoneId zone) {
			return duration == null ? null : rawPeriod().before(now, zone);
		}

		public boolean keepsAggregates() {
			return AGGREGATES.equals(keeps);
		}

		/** The interval of the aggregates kept; null when none are. */
		public RetentionPeriod aggregatePeriod() {
			return granularity == null ? null : RetentionPeriod.parse(granularity);
		}

	}

	/** @param category e.g. {@code public_task}, {@code legal_obligation}, {@code consent}, {@code legitimate_interest} */
	public record LegalBasis(String category, String text) {
	}

	/** Another organisation that may read, for these purposes (a subset of the declared ones). */
	public record SharingGrant(long organisationId, String organisation, List<String> purposes) {

		public SharingGrant {
			purposes = List.copyOf(purposes);
		}

	}

	/** @param area a GeoJSON geometry (Polygon or MultiPolygon) */
	public record Pilot(Map<String, Object> area, LocalDate endsOn) {
	}

	/** A public consultation: objections are received between the two times, and every one answered. */
	public record Consultation(Instant opensAt, Instant closesAt) {
	}

	/** This declaration at another stage (and pilot), as written by {@code actor}; numbered when saved. */
	public Declaration withStage(Stage nextStage, Pilot nextPilot, String actor) {
		return new Declaration(datastreamId, version, organisationId, organisation, contact, purposes, technology,
				dataTypes, processing, access, storage, retention, personalDataClass, legalBasis, privacyStatementUrl,
				accessLevel, sharing, nextStage, nextPilot, impactAssessment, summary, consultation, declaredAt, actor);
	}

	/** This declaration with a public consultation, as written by {@code actor}; numbered when saved. */
	public Declaration withConsultation(Consultation nextConsultation, String actor) {
		return new Declaration(datastreamId, version, organisationId, organisation, contact, purposes, technology,
				dataTypes, processing, access, storage, retention, personalDataClass, legalBasis, privacyStatementUrl,
				accessLevel, sharing, stage, pilot, impactAssessment, summary, nextConsultation, declaredAt, actor);
	}

	/** This declaration as the version the register saves it as, at that time. */
	public Declaration numbered(int nextVersion, Instant at) {
		return new Declaration(datastreamId, nextVersion, organisationId, organisation, contact, purposes, technology,
				dataTypes, processing, access, storage, retention, personalDataClass, legalBasis, privacyStatementUrl,
				accessLevel, sharing, stage, pilot, impactAssessment, summary, consultation, at, declaredBy);
	}

	public boolean isOpen() {
		return accessLevel == AccessLevel.OPEN && stage != Stage.LAB;
	}

}
