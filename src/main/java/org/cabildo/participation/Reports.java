package org.cabildo.participation;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.cabildo.identity.Caller;
import org.cabildo.platform.ApiException;
import org.cabildo.platform.CityTime;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Residents' reports: the one gate every way of filing passes (Open311, the portal's form), the
 * office's public answers, and moderation. A report is checked whole before anything of it is
 * stored, and stored with its photo in one transaction.
 */
@Service
public class Reports {

	private static final int MAX_DESCRIPTION = 4000;

	private static final int MAX_NOTE = 2000;

	private static final double METRES_PER_DEGREE = 111_320;

	private final ServiceCatalogue services;

	private final Jurisdiction jurisdiction;

	private final ReportStore store;

	private final Photos photos;

	private final FilingAllowance allowance;

	private final Offices offices;

	private final ParticipationSettings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final DeclaredDemographics demographics;

	private final CityTime city;

	Reports(ServiceCatalogue services, Jurisdiction jurisdiction, ReportStore store, Photos photos,
			FilingAllowance allowance, Offices offices, ParticipationSettings settings, TransactionTemplate transactions,
			Clock clock, DeclaredDemographics demographics, CityTime city) {
		this.demographics = demographics;
		this.city = city;
		this.services = services;
		this.jurisdiction = jurisdiction;
		this.store = store;
		this.photos = photos;
		this.allowance = allowance;
		this.offices = offices;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** What filing gave back: the new report, and the open one nearby it may be the same as. */
	public record Filed(Report report, Optional<Report> sameProblem) {
	}

	/**
	 * Files a report, or refuses it whole (400 naming the argument, 404 for a service or
	 * jurisdiction not served, 413 for a photo too large, 429 beyond the filer's allowance).
	 *
	 * @param photoUrl makes the public address of a stored photo from the report's id
	 */
	public Filed file(Filing filing, java.util.function.LongFunction<String> photoUrl) {
		checkJurisdiction(filing.jurisdictionId());
		CityService service = service(filing.serviceCode());
		Report.Place place = place(filing);
		Map<String, Object> answers = answers(service, filing.attributes());
		String description = optional(filing.description(), "description", MAX_DESCRIPTION);
		String mediaUrl = mediaUrl(filing.mediaUrl());
		Reporter who = reporter(filing.reporter());
		// Beyond the allowance no photo is decoded; a refused photo costs none of it.
		allowance.left(who).ifPresent(wait -> {
			throw tooMany(who, wait);
		});
		Photos.Clean photo = filing.photo() == null ? null : photos.clean(filing.photo());
		allowance.take(who).ifPresent(wait -> {
			throw tooMany(who, wait);
		});
		Instant now = clock.instant();
		Optional<Report> same = sameProblem(service, place, now);
		String notice = same.map(r -> "The same problem may already be reported " + Math.round(metres(place, r.place()))
				+ " m away (request " + r.id() + ", " + r.status().label()
				+ "): you can support that report instead of waiting on two.")
			.orElse(null);
		String agency = service.officeFor(place.district() == null ? null : districtName(place));
		var report = new ReportStore.NewReport(UUID.randomUUID().toString(), jurisdiction.id(), service.code(),
				description, agency, notice, place, now, now.plus(service.expectedResponse()), answers, mediaUrl,
				same.map(Report::id).orElse(null), who);
		long id = transactions.execute(tx -> {
			long stored = store.insert(report);
			if (photo != null) {
				store.insertPhoto(stored, photo);
				store.setMediaUrl(stored, photoUrl.apply(stored));
			}
			return stored;
		});
		Report filed = store.byId(id).orElseThrow();
		demographics.count("report", place.district(), city.date(filed.times().requested()),
				filing.said() == null ? Demographics.NOT_SAID : filing.said());
		return new Filed(filed, same);
	}

	/** A report the public may see; 404 when there is none (or it was hidden). */
	public Report byId(long id) {
		return store.byId(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
				store.hidden(id) ? "service request " + id + " was hidden by moderation"
						: "no service request " + id));
	}

	public long idOfToken(String token) {
		return store.idOfToken(token)
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no service request with token " + token));
	}

	public Optional<Photos.Clean> photo(long id) {
		return store.photo(id);
	}

	/** The public notes of a report's lifecycle, oldest first. */
	public List<ReportNote> notes(long id) {
		byId(id);
		return store.notes(id);
	}

	/** Lists reports newest first, within the standard's limits. */
	public List<Report> list(ReportQuery query) {
		return store.list(query);
	}

	/**
	 * The office answers in public: a note, with the status it leaves the report in. Written by
	 * operators and admins of the office's own organisation (named as the office) or of the
	 * city's organisation.
	 */
	public Report answer(long id, String status, String note, Caller caller) {
		Report report = byId(id);
		offices.requireAnswers(caller, report.agency(), "service request " + id);
		Report.Status next = Report.Status.of(status == null ? "" : status.trim())
			.orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "status: open or closed").with("pointer",
					"/status"));
		String text = required(note, "note", MAX_NOTE);
		Instant now = clock.instant();
		store.note(id, next, text, caller.name(), now,
				Math.max(0, java.time.Duration.between(report.times().requested(), now).toMillis()));
		return byId(id);
	}

	/** An administrator of the city hides an abusive report, with a reason the ledger keeps. */
	public void hide(long id, String reason, Caller caller) {
		long city = offices.requireCityAdmin(caller, "reports are hidden");
		String why = required(reason, "reason", 1000);
		byId(id);
		if (store.hide(id, why, clock.instant())) {
			offices.recordModeration("report-hidden", caller, city, "service request " + id + " hidden: " + why);
		}
	}

	/** Anyone may flag a report as abusive, within the filing allowance; moderators see the count. */
	public void flagAbuse(long id, Reporter who) {
		byId(id);
		allowance.take(reporter(who)).ifPresent(wait -> {
			throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too many flags from this address; try again later")
				.retryAfter(wait);
		});
		store.flagAbuse(id);
	}

	private void checkJurisdiction(String named) {
		if (named != null && !named.isBlank() && !named.trim().equals(jurisdiction.id())) {
			throw new ApiException(HttpStatus.NOT_FOUND, "jurisdiction_id: '" + named.trim()
					+ "' is not served here; this server serves '" + jurisdiction.id() + "'").with("field", "jurisdiction_id");
		}
	}

	private CityService service(String code) {
		if (code == null || code.isBlank()) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "service_code: required (GET services lists them)")
				.with("field", "service_code");
		}
		return services.byCode(code.trim())
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
					"service_code: no service '" + code.trim() + "' here (GET services lists them)").with("field",
							"service_code"));
	}

	private Report.Place place(Filing filing) {
		String address = optional(filing.addressString(), "address_string", 500);
		String addressId = optional(filing.addressId(), "address_id", 100);
		boolean hasLat = filing.lat() != null && !filing.lat().isBlank();
		boolean hasLon = filing.lon() != null && !filing.lon().isBlank();
		if (hasLat != hasLon) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "lat and long: both or neither").with("field",
					hasLat ? "long" : "lat");
		}
		// A district named must be one of the city's. It places the report only without a point: a
		// point is where the problem is (the portal's pin), and its district is the one it lies in.
		Jurisdiction.Placed chosen = filing.district() == null || filing.district().isBlank() ? null
				: jurisdiction.district(filing.district().trim())
					.orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "district: '"
							+ shortened(filing.district().trim()) + "' is not one of the city's districts")
						.with("field", "district"));
		if (!hasLat) {
			if (address == null && addressId == null && chosen == null) {
				throw new ApiException(HttpStatus.BAD_REQUEST,
						"a location is required: lat and long, address_string or address_id").with("field", "lat");
			}
			return new Report.Place(null, null, address, addressId, null, chosen == null ? null : chosen.district());
		}
		double lat = degrees(filing.lat(), "lat", 90);
		double lon = degrees(filing.lon(), "long", 180);
		Jurisdiction.Placed placed = jurisdiction.place(lat, lon)
			.orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "lat/long: " + lat + ", " + lon
					+ " is outside the jurisdiction (" + jurisdiction.describe() + ")").with("field", "lat"));
		return new Report.Place(lat, lon, address, addressId, null, placed.district());
	}

	/** The name of the district a report is placed in, by its code: a report placed by district has no point. */
	private String districtName(Report.Place place) {
		return jurisdiction.district(place.district()).map(Jurisdiction.Placed::districtName).orElse(place.district());
	}

	private static double degrees(String text, String field, double limit) {
		double value;
		try {
			value = Double.parseDouble(text.trim());
		}
		catch (NumberFormatException e) {
			throw new ApiException(HttpStatus.BAD_REQUEST, field + ": '" + shortened(text) + "' is not a number")
				.with("field", field);
		}
		if (!Double.isFinite(value) || Math.abs(value) > limit) {
			throw new ApiException(HttpStatus.BAD_REQUEST, field + ": " + text.trim() + " is not between -" + (int) limit
					+ " and " + (int) limit).with("field", field);
		}
		return value;
	}

	/** Checks every answer against the service's questions: none unknown, none required missing, each of its type. */
	static Map<String, Object> answers(CityService service, Map<String, List<String>> given) {
		for (String code : given.keySet()) {
			if (service.attribute(code).isEmpty()) {
				throw new ApiException(HttpStatus.BAD_REQUEST, "attribute[" + shortened(code) + "]: not an attribute of service "
						+ service.code() + (service.hasAttributes() ? " (its attributes: " + String.join(", ",
								service.attributes().stream().map(ServiceAttribute::code).toList()) + ")"
								: " (it has none)")).with("field", "attribute[" + shortened(code) + "]");
			}
		}
		Map<String, Object> answers = new LinkedHashMap<>();
		for (ServiceAttribute attribute : service.attributes()) {
			String field = "attribute[" + attribute.code() + "]";
			List<String> values = given.getOrDefault(attribute.code(), List.of())
				.stream()
				.map(String::trim)
				.filter(v -> !v.isEmpty())
				.toList();
			if (values.isEmpty()) {
				if (attribute.required()) {
					throw new ApiException(HttpStatus.BAD_REQUEST, field + ": required (" + attribute.description() + ")")
						.with("field", field);
				}
				continue;
			}
			if (values.size() > 1 && attribute.datatype() != ServiceAttribute.Datatype.MULTIVALUELIST) {
				throw new ApiException(HttpStatus.BAD_REQUEST, field + ": one value, not " + values.size()).with("field", field);
			}
			for (String value : values) {
				check(attribute, value, field);
			}
			answers.put(attribute.code(),
					attribute.datatype() == ServiceAttribute.Datatype.MULTIVALUELIST ? values : values.getFirst());
		}
		return answers;
	}

	private static void check(ServiceAttribute attribute, String value, String field) {
		switch (attribute.datatype()) {
			case NUMBER -> {
				try {
					if (!Double.isFinite(Double.parseDouble(value))) {
						throw new NumberFormatException();
					}
				}
				catch (NumberFormatException e) {
					throw new ApiException(HttpStatus.BAD_REQUEST, field + ": '" + shortened(value) + "' is not a number")
						.with("field", field);
				}
			}
			case DATETIME -> {
				try {
					OffsetDateTime.parse(value);
				}
				catch (DateTimeParseException e) {
					throw new ApiException(HttpStatus.BAD_REQUEST, field + ": '" + shortened(value)
							+ "' is not a date and time with its offset, e.g. 2024-05-01T08:30:00-06:00").with("field", field);
				}
			}
			case SINGLEVALUELIST, MULTIVALUELIST -> {
				if (!attribute.allows(value)) {
					throw new ApiException(HttpStatus.BAD_REQUEST, field + ": '" + shortened(value) + "' is not one of "
							+ String.join(", ", attribute.values().stream().map(ServiceAttribute.Value::key).toList()))
						.with("field", field);
				}
			}
			case STRING -> {
				if (value.length() > 200) {
					throw new ApiException(HttpStatus.BAD_REQUEST, field + ": at most 200 characters").with("field", field);
				}
			}
			case TEXT -> {
				if (value.length() > MAX_DESCRIPTION) {
					throw new ApiException(HttpStatus.BAD_REQUEST, field + ": at most " + MAX_DESCRIPTION + " characters")
						.with("field", field);
				}
			}
		}
	}

	private static String mediaUrl(String given) {
		String url = optional(given, "media_url", 1000);
		if (url == null) {
			return null;
		}
		try {
			URI uri = new URI(url);
			if (uri.getScheme() != null && (uri.getScheme().equals("https") || uri.getScheme().equals("http"))
					&& uri.getHost() != null) {
				return url;
			}
		}
		catch (java.net.URISyntaxException e) {
			// refused below
		}
		throw new ApiException(HttpStatus.BAD_REQUEST, "media_url: not an http or https URL").with("field", "media_url");
	}

	private static Reporter reporter(Reporter given) {
		String email = optional(given.email(), "email", 320);
		if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "email: not an email address").with("field", "email");
		}
		return new Reporter(given.person(), given.address(), email, optional(given.firstName(), "first_name", 100),
				optional(given.lastName(), "last_name", 100), optional(given.phone(), "phone", 40),
				optional(given.deviceId(), "device_id", 100), optional(given.accountId(), "account_id", 100), given.job());
	}

	private static ApiException tooMany(Reporter who, Duration wait) {
		return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too many reports from "
				+ (who.person() == null ? "this address" : "this account") + "; try again in "
				+ Math.max(1, wait.toMinutes()) + " minutes").retryAfter(wait);
	}

	private Optional<Report> sameProblem(CityService service, Report.Place place, Instant now) {
		if (place.lat() == null) {
			return Optional.empty();
		}
		double metres = settings.reports().duplicateMetres();
		double dLat = metres / METRES_PER_DEGREE;
		double dLon = metres / (METRES_PER_DEGREE * Math.max(0.01, Math.cos(Math.toRadians(place.lat()))));
		return store
			.openNear(service.code(), place.lat() - dLat, place.lon() - dLon, place.lat() + dLat, place.lon() + dLon,
					now.minus(settings.reports().duplicateWindow()))
			.stream()
			.filter(r -> metres(place, r.place()) <= metres)
			.min(Comparator.comparingDouble(r -> metres(place, r.place())));
	}

	/** Distance on the sphere (haversine), in metres. */
	static double metres(Report.Place a, Report.Place b) {
		double p1 = Math.toRadians(a.lat());
		double p2 = Math.toRadians(b.lat());
		double dp = p2 - p1;
		double dl = Math.toRadians(b.lon() - a.lon());
		double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
		return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
	}

	private static String optional(String value, String field, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		if (trimmed.length() > max) {
			throw new ApiException(HttpStatus.BAD_REQUEST, field + ": at most " + max + " characters, not " + trimmed.length())
				.with("field", field);
		}
		return trimmed;
	}

	private static String required(String value, String field, int max) {
		String text = optional(value, field, max);
		if (text == null) {
			throw new ApiException(HttpStatus.BAD_REQUEST, field + ": required").with("pointer", "/" + field);
		}
		return text;
	}

	private static String shortened(String text) {
		return text.length() > 40 ? text.substring(0, 40) + "…" : text;
	}

}
