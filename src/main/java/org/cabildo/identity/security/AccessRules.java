package org.cabildo.identity.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who may call which HTTP route, in order. What belongs to which organisation is checked
 * further in, where the entity is known (sensing's {@code WriteAccess}, the identity API's
 * controllers); these rules say who may get that far.
 */
final class AccessRules {

	private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

	private static final Pattern SENSING = Pattern.compile("^/v1\\.[01](/.*)?$");

	/** The routes that create Observations and nothing else (a $batch is checked request by request). */
	private static final Pattern OBSERVATION_CREATION = Pattern
		.compile("^/v1\\.[01]/(Observations|Datastreams\\(\\d+\\)/Observations|CreateObservations|\\$batch)$");

	private AccessRules() {
	}

	static List<AccessRule> all(RequestMatcher unmapped) {
		var paths = PathPatternRequestMatcher.withDefaults();
		AuthorizationManager<RequestAuthorizationContext> anyone = (authentication, context) -> new AuthorizationDecision(
				true);
		AuthorizationManager<RequestAuthorizationContext> nobody = (authentication, context) -> new AuthorizationDecision(
				false);
		AuthorizationManager<RequestAuthorizationContext> signedIn = AuthenticatedAuthorizationManager.authenticated();
		AuthorizationManager<RequestAuthorizationContext> personSignedIn = (authentication, context) -> {
			Authentication who = authentication.get();
			boolean person = who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken)
					&& who.getAuthorities().stream().noneMatch(a -> a.getAuthority().equals("ROLE_DEVICE"));
			return new AuthorizationDecision(person);
		};
		RequestMatcher publicReads = new OrRequestMatcher(reads(paths, "/v1.0", "/v1.0/**", "/v1.1", "/v1.1/**",
				"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/v3/api-docs.yaml/**", "/swagger-ui.html", "/swagger-ui/**", "/actuator/health",
				"/actuator/health/**", "/actuator/info", "/api/identity/organisations", "/api/identity/ownership/**",
				// the register is public; its controllers refuse what is not (aggregates of data that is not open)
				"/api/register", "/api/register/**", "/api/register.geojson", "/api/objections/answer-times",
				"/api/ledger/verify", "/api/ledger/checkpoints", "/api/ledger/checkpoints/latest", "/api/ledger/summary",
				// rollups are read as the stream's Observations are: their controller refuses what is not open
				"/api/series/**",
				// the districts and the indicators by district are public (made of what the reader may read)
				"/api/districts", "/api/districts/**", "/api/districts.geojson", "/api/indicators/**",
				// health series by district: public, as they show no count below the small-cell threshold
				"/api/health/**",
				// participation by district and the office's public notes on reports
				"/api/participation/districts", "/api/participation/requests/*/notes",
				// who takes part by what they said of themselves: aggregates, small counts suppressed
				"/api/participation/demographics",
				// residents' proposals and their comments (never who wrote or supports them)
				"/api/participation/proposal-categories", "/api/participation/proposals",
				"/api/participation/proposals/*", "/api/participation/proposals/*/comments"));
		RequestMatcher sensingWrites = request -> WRITES.contains(request.getMethod())
				&& SENSING.matcher(path(request)).matches();
		RequestMatcher governanceWrites = new OrRequestMatcher(paths.matcher(HttpMethod.POST, "/api/register/**"),
				paths.matcher(HttpMethod.POST, "/api/objections/**"));
		RequestMatcher otherThanObservations = request -> sensingWrites.matches(request)
				&& !(request.getMethod().equals("POST") && OBSERVATION_CREATION.matcher(path(request)).matches());
		return List.of(
				new AccessRule("error-dispatch", "the error page of a request already checked",
						request -> request.getDispatcherType() == DispatcherType.ERROR, anyone),
				new AccessRule("public-read", "anyone may read the open SensorThings API, its documentation and health,"
						+ " the register with its objections, the access ledger's verification, checkpoints and summary,"
						+ " the rollups of the streams they may read, the districts with their indicators, and the health"
						+ " series by district (small counts suppressed), and residents' proposals with their comments",
						publicReads, anyone),
				new AccessRule("public-portal", "anyone may read the portal's public pages (home, map, stream cards,"
						+ " transparency, districts, the report form, residents' reports, residents' proposals and who takes"
						+ " part, sign-in, residents' sign-up and the pages the mails of their accounts link to) and their"
						+ " style sheets, scripts and images (the icon too, at the address browsers ask for it)",
						new OrRequestMatcher(reads(paths, "/", "/portal/**", "/webjars/**", "/map", "/map/**", "/sensors/**",
								"/transparency", "/transparency/**", "/districts", "/districts/**", "/report", "/reports",
								"/reports/**", "/proposals", "/proposals/**", "/participation", "/sign-in", "/residents/**",
								"/favicon.ico")),
						anyone),
				new AccessRule("portal-sign-in", "anyone may sign in and out with the portal's form (sign-in limited"
						+ " per account and address, as for the API)", new OrRequestMatcher(paths.matcher(HttpMethod.POST,
								"/sign-in"), paths.matcher(HttpMethod.POST, "/sign-out")), anyone),
				new AccessRule("portal-objection", "anyone, without an account, may file an objection with the form of"
						+ " a stream's card (limited per client address)",
						portalObjectionFiling(), anyone),
				new AccessRule("portal-residents", "anyone may sign up as a resident with the portal's forms, confirm"
						+ " the address with the link mailed to it (with a button: opening the link confirms nothing),"
						+ " and ask for and set a new password (limited per client address, as every write without"
						+ " credentials, and in mails per address)", new OrRequestMatcher(
								paths.matcher(HttpMethod.POST, "/residents/sign-up"),
								paths.matcher(HttpMethod.POST, "/residents/verify"),
								paths.matcher(HttpMethod.POST, "/residents/password"),
								paths.matcher(HttpMethod.POST, "/residents/password/new")), anyone),
				new AccessRule("portal-report", "anyone, with or without an account, may report a problem with the"
						+ " portal's form (within the reports' allowance per client address or account, as through Open311)",
						paths.matcher(HttpMethod.POST, "/report"), anyone),
				new AccessRule("portal-proposals", "a signed-in person proposes, supports, withdraws a support, follows,"
						+ " stops following and comments with the proposals' pages' forms (as themselves only; a verified"
						+ " resident's account to propose, support and comment, a resident's to follow, checked further in)",
						new OrRequestMatcher(paths.matcher(HttpMethod.POST, "/proposals/new"),
								paths.matcher(HttpMethod.POST, "/proposals/*/support"),
								paths.matcher(HttpMethod.POST, "/proposals/*/withdraw"),
								paths.matcher(HttpMethod.POST, "/proposals/*/follow"),
								paths.matcher(HttpMethod.POST, "/proposals/*/unfollow"),
								paths.matcher(HttpMethod.POST, "/proposals/*/comments")),
						personSignedIn),
				new AccessRule("portal-audit", "the auditor's pages (the access ledger) are for auditors and admins",
						new OrRequestMatcher(paths.matcher("/audit"), paths.matcher("/audit/**")),
						AuthorityAuthorizationManager.hasAnyRole("AUDITOR", "ADMIN")),
				new AccessRule("portal-consoles", "the consoles are for signed-in people (what each may do in which"
						+ " organisation is checked further in, by the same services as the API)",
						new OrRequestMatcher(paths.matcher("/console"), paths.matcher("/console/**")), personSignedIn),
				new AccessRule("public-ledger-verification", "anyone may hold the access ledger to a checkpoint they"
						+ " kept (one such verification at a time)", paths.matcher(HttpMethod.POST, "/api/ledger/verify"),
						anyone),
				new AccessRule("cors-preflight", "browsers may ask what cross-origin reads are allowed",
						paths.matcher(HttpMethod.OPTIONS, "/**"), anyone),
				new AccessRule("public-objection", "anyone, without an account, may file an objection or question on"
						+ " a declaration (limited per client address)", objectionFiling(), anyone),
				new AccessRule("open311", "anyone may read residents' reports and file one through Open311 GeoReport v2"
						+ " (reports limited per client address or account; an api_key where the jurisdiction asks for one,"
						+ " checked further in; anything else there is answered 404 in the standard's format)",
						paths.matcher("/open311/**"), anyone),
				new AccessRule("resident-sign-up", "anyone may sign up as a resident, verify the address and ask for a"
						+ " new password (limited per client address, as every write without credentials)",
						new OrRequestMatcher(paths.matcher(HttpMethod.POST, "/api/residents"),
								paths.matcher(HttpMethod.POST, "/api/residents/verify"),
								paths.matcher(HttpMethod.POST, "/api/residents/password-reset"),
								paths.matcher(HttpMethod.POST, "/api/residents/password")), anyone),
				new AccessRule("resident-account", "a signed-in person reads their own resident's account",
						paths.matcher(HttpMethod.GET, "/api/residents/me"), personSignedIn),
				new AccessRule("report-flags", "anyone may flag a report as abusive, for the moderators (limited as"
						+ " reports are)", paths.matcher(HttpMethod.POST, "/api/participation/requests/*/abuse"), anyone),
				new AccessRule("report-desk", "offices answer reports, and the city's admins read what the public flagged"
						+ " and hide or keep it: signed-in people, whose roles are checked further in", new OrRequestMatcher(
								paths.matcher(HttpMethod.POST, "/api/participation/requests/*/notes"),
								paths.matcher(HttpMethod.POST, "/api/participation/requests/*/hide"),
								paths.matcher(HttpMethod.POST, "/api/participation/requests/*/keep"),
								paths.matcher(HttpMethod.POST, "/api/participation/proposals/*/keep"),
								paths.matcher(HttpMethod.GET, "/api/participation/moderation")), personSignedIn),
				new AccessRule("proposal-flags", "anyone may flag a proposal as abusive, for the moderators (limited as"
						+ " reports are)", paths.matcher(HttpMethod.POST, "/api/participation/proposals/*/abuse"), anyone),
				new AccessRule("proposals", "residents propose, support, comment and follow, offices answer and the"
						+ " city's admins hide: signed-in people, checked further in (a verified resident's account to"
						+ " propose, support and comment; the office's or the city's roles to answer and hide)",
						new OrRequestMatcher(paths.matcher(HttpMethod.POST, "/api/participation/proposals"),
								paths.matcher(HttpMethod.POST, "/api/participation/proposals/*/supports"),
								paths.matcher(HttpMethod.DELETE, "/api/participation/proposals/*/supports"),
								paths.matcher(HttpMethod.POST, "/api/participation/proposals/*/comments"),
								paths.matcher(HttpMethod.POST, "/api/participation/proposals/*/follow"),
								paths.matcher(HttpMethod.DELETE, "/api/participation/proposals/*/follow"),
								paths.matcher(HttpMethod.POST, "/api/participation/proposals/*/answer"),
								paths.matcher(HttpMethod.POST, "/api/participation/proposals/*/hide"),
								paths.matcher(HttpMethod.POST, "/api/participation/proposals/*/comments/*/hide")),
						personSignedIn),
				new AccessRule("people-only", "devices may only create Observations (POST to Observations,"
						+ " Datastreams(id)/Observations, CreateObservations or $batch)", otherThanObservations,
						personSignedIn),
				new AccessRule("signed-in-write", "writing needs a signed-in operator of the owning organisation,"
						+ " or a device bound to the Datastream", sensingWrites, signedIn),
				new AccessRule("register-writes", "declarations and declaration templates are written by signed-in"
						+ " people (stewards of the owner)", new OrRequestMatcher(paths.matcher(HttpMethod.PUT, "/api/register/*"),
								paths.matcher(HttpMethod.PUT, "/api/register/templates/*/*"),
								paths.matcher(HttpMethod.DELETE, "/api/register/templates/*")), personSignedIn),
				new AccessRule("objection-moderation", "administrators hide abusive objections",
						paths.matcher(HttpMethod.POST, "/api/objections/{objectionId}/hide"),
						AuthorityAuthorizationManager.hasRole("ADMIN")),
				new AccessRule("governance-writes", "stage changes, consultations and answers are written by signed-in"
						+ " people (stewards of the owning organisation, checked further in)", governanceWrites,
						personSignedIn),
				new AccessRule("district-imports", "the city's districts are imported by admins",
						paths.matcher(HttpMethod.PUT, "/api/districts"), AuthorityAuthorizationManager.hasRole("ADMIN")),
				new AccessRule("audit-readers", "the audit log is read by auditors and admins",
						paths.matcher("/api/identity/audit/**"), AuthorityAuthorizationManager.hasAnyRole("AUDITOR", "ADMIN")),
				new AccessRule("ledger-readers", "the access ledger's entries are read by auditors and admins",
						paths.matcher("/api/ledger"), AuthorityAuthorizationManager.hasAnyRole("AUDITOR", "ADMIN")),
				new AccessRule("imports", "imports are started by signed-in people (operators of the mapping's"
						+ " organisation), and seen by its operators and stewards, checked further in",
						new OrRequestMatcher(paths.matcher("/api/imports"), paths.matcher("/api/imports/**")), personSignedIn),
				new AccessRule("identity-management", "the identity API is for signed-in people (admins, and people"
						+ " managing their own tokens)", paths.matcher("/api/identity/**"), personSignedIn),
				new AccessRule("no-such-route", "nothing is served there: the answer is 404 or 405", unmapped, anyone),
				new AccessRule("default-deny", "no rule allows this route", request -> true, nobody));
	}

	/** Filing an objection: the first write open to the public on purpose. */
	static RequestMatcher objectionFiling() {
		return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/register/{datastreamId}/objections");
	}

	/** Filing an objection with the form of a stream's card in the portal. */
	static RequestMatcher portalObjectionFiling() {
		return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/sensors/{datastreamId}/objections");
	}

	/** The first rule that takes the request. */
	static Optional<AccessRule> deciding(List<AccessRule> rules, HttpServletRequest request) {
		return rules.stream().filter(rule -> rule.matcher().matches(request)).findFirst();
	}

	private static RequestMatcher[] reads(PathPatternRequestMatcher.Builder paths, String... patterns) {
		RequestMatcher[] matchers = new RequestMatcher[patterns.length * 2];
		for (int i = 0; i < patterns.length; i++) {
			matchers[2 * i] = paths.matcher(HttpMethod.GET, patterns[i]);
			matchers[2 * i + 1] = paths.matcher(HttpMethod.HEAD, patterns[i]);
		}
		return matchers;
	}

	/** The request's path within the application, decoded. */
	static String path(HttpServletRequest request) {
		String uri = request.getRequestURI().substring(request.getContextPath().length());
		return java.net.URLDecoder.decode(uri.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
	}

}
