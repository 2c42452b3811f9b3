package org.cabildo.participation;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of participation ({@code cabildo.participation.*}).
 *
 * @param services the city's service list: what residents may report and which office answers
 * @param cityOrganisation the organisation whose admins moderate reports and whose operators and
 *        admins may answer any report (an office's own organisation, named as the office, answers its own)
 * @param proposals residents' proposals: their categories, the supports that forward one, and the allowance
 * @param publicKept how long participation's figures (who is heard, who takes part) are kept for
 *        every reader once computed
 */
@ConfigurationProperties("cabildo.participation")
public record ParticipationSettings(@DefaultValue("classpath:participation/services.json") String services,
		@DefaultValue("city") String cityOrganisation, @DefaultValue Open311 open311, @DefaultValue Reports reports,
		@DefaultValue Proposals proposals, @DefaultValue("60s") Duration publicKept) {

	/**
	 * The Open311 GeoReport v2 endpoint.
	 *
	 * @param jurisdictionId the jurisdiction this server serves; a request naming another is refused
	 * @param apiKeyRequired whether {@code POST requests} needs an {@code api_key} (a personal API
	 *        token) or credentials; otherwise anyone may report, within the anonymous allowance
	 * @param bounds the jurisdiction's box, {@code [west, south, east, north]} in degrees; empty:
	 *        the districts alone bound it (and nothing does when there are none)
	 * @param withinDistricts whether a point must lie in one of the city's districts (when it has
	 *        any) to be inside the jurisdiction
	 * @param contact who answers about the API, for the discovery document
	 */
	public record Open311(@DefaultValue("cabildo") String jurisdictionId, @DefaultValue("false") boolean apiKeyRequired,
			@DefaultValue List<Double> bounds, @DefaultValue("true") boolean withinDistricts,
			@DefaultValue("") String contact) {
	}

	/**
	 * Reports.
	 *
	 * @param duplicateMetres how near an open report of the same service must be to be offered as the same problem
	 * @param duplicateWindow how recent it must be
	 * @param maxPhotoBytes the largest photo taken (larger: 413)
	 * @param maxPhotoPixels the most pixels a photo may have (its width times height), so that a
	 *        small file that decodes to a huge image cannot exhaust memory
	 * @param anonymousPerHour reports and abuse flags without credentials per client address and hour
	 * @param signedInPerHour reports per signed-in person and hour
	 * @param listWindow how far back {@code GET requests} reaches when no dates are given (the
	 *        standard suggests 90 days)
	 * @param listLimit the most requests one {@code GET requests} returns (the standard suggests 1,000)
	 */
	public record Reports(@DefaultValue("50") double duplicateMetres, @DefaultValue("14d") Duration duplicateWindow,
			@DefaultValue("10485760") long maxPhotoBytes, @DefaultValue("24000000") long maxPhotoPixels,
			@DefaultValue("20") int anonymousPerHour, @DefaultValue("60") int signedInPerHour,
			@DefaultValue("90d") Duration listWindow, @DefaultValue("1000") int listLimit) {
	}

	/**
	 * Residents' proposals.
	 *
	 * @param categories what proposals may be about, and which office answers each (a file like the services')
	 * @param supportThreshold the supports that forward a proposal to its office
	 * @param answerWithin how soon the office must answer a forwarded proposal
	 * @param perHour proposals, comments and supports together per person and hour (a withdrawal takes none)
	 */
	public record Proposals(@DefaultValue("classpath:participation/proposal-categories.json") String categories,
			@DefaultValue("100") int supportThreshold, @DefaultValue("30d") Duration answerWithin,
			@DefaultValue("60") int perHour) {

		public Proposals {
			if (supportThreshold < 1) {
				throw new IllegalArgumentException("cabildo.participation.proposals.support-threshold: at least 1");
			}
			if (perHour < 1) {
				throw new IllegalArgumentException("cabildo.participation.proposals.per-hour: at least 1");
			}
		}

	}

}
