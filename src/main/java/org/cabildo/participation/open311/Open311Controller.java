package org.cabildo.participation.open311;

import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cabildo.identity.Caller;
import org.cabildo.identity.Tokens;
import org.cabildo.participation.CityService;
import org.cabildo.participation.Demographics;
import org.cabildo.participation.Filing;
import org.cabildo.participation.PhotoUpload;
import org.cabildo.participation.ParticipationSettings;
import org.cabildo.participation.Report;
import org.cabildo.participation.Reporter;
import org.cabildo.participation.Reports;
import org.cabildo.participation.ReportQuery;
import org.cabildo.participation.ServiceCatalogue;
import org.cabildo.platform.ApiException;
import org.cabildo.platform.CityTime;
import org.cabildo.platform.PlatformSettings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2): service discovery, the service list and
 * definitions, filing a request, reading requests and tokens, each in {@code .json} and {@code
 * .xml}; every refusal in the standard's error list ({@link Open311Errors}).
 */
@RestController
@RequestMapping("/open311")
@Tag(name = "Open311 GeoReport v2", description = "Residents' reports of problems, as existing 311 apps file them")
class Open311Controller {

	static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

	/** When this endpoint's interface last changed (the discovery document's changeset). */
	static final String CHANGESET = "2026-12-07T00:00:00Z";

	/**
	 * Arguments beyond the standard (clients that do not know them send none): what the reporter
	 * chooses to say about themselves, counted apart from the report for participation equity.
	 */
	static final String DECLARED_GENDER = "declared_gender";

	static final String DECLARED_AGE_BAND = "declared_age_band";

	private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\]]*)\\](\\[\\])?");

	private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private final ServiceCatalogue services;

	private final Reports reports;

	private final Tokens tokens;

	private final ParticipationSettings settings;

	private final PlatformSettings platform;

	private final CityTime city;

	private final Clock clock;

	Open311Controller(ServiceCatalogue services, Reports reports, Tokens tokens, ParticipationSettings settings,
			PlatformSettings platform, CityTime city, Clock clock) {
		this.clock = clock;
		this.services = services;
		this.reports = reports;
		this.tokens = tokens;
		this.settings = settings;
		this.platform = platform;
		this.city = city;
	}

	@GetMapping("/discovery.{format}")
	@Operation(summary = "The service discovery document: where the GeoReport v2 endpoint is, in which formats")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Open311Wire.Discovery.class)))
	ResponseEntity<byte[]> discovery(@PathVariable String format) {
		Open311Format as = format(format);
		var endpoint = new Open311Wire.Endpoint(SPECIFICATION, base() + "/open311/v2", CHANGESET, "production",
				List.of(MediaType.TEXT_XML_VALUE, MediaType.APPLICATION_JSON_VALUE));
		String contact = settings.open311().contact().isBlank() ? "The operator of this platform, at " + base()
				: settings.open311().contact();
		return Open311Documents.answer(HttpStatus.OK, as, "discovery",
				new Open311Wire.Discovery(CHANGESET, contact, "A personal API token serves as api_key: sign in at " + base()
						+ "/sign-in and make one in the console", List.of(endpoint)));
	}

	@GetMapping("/v2/services.{format}")
	@Operation(summary = "The services residents may report (GET services)")
	@ApiResponse(responseCode = "200",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311Wire.Service.class))))
	ResponseEntity<byte[]> services(@PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
		Open311Format as = format(format);
		checkJurisdiction(jurisdiction);
		List<Open311Wire.Service> list = services.all()
			.stream()
			.map(s -> new Open311Wire.Service(s.code(), s.name(), s.description(), s.hasAttributes(), "realtime",
					String.join(",", s.keywords()), s.group()))
			.toList();
		return Open311Documents.answer(HttpStatus.OK, as, "services", list);
	}

	@GetMapping("/v2/services/{code}.{format}")
	@Operation(summary = "A service's definition: the questions it asks (GET service definition)")
	@ApiResponse(responseCode = "200",
			content = @Content(schema = @Schema(implementation = Open311Wire.ServiceDefinition.class)))
	ResponseEntity<byte[]> definition(@PathVariable String code, @PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
		Open311Format as = format(format);
		checkJurisdiction(jurisdiction);
		CityService service = services.byCode(code)
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "service_code: no service '" + code + "' here"));
		List<Open311Wire.Attribute> attributes = service.attributes()
			.stream()
			.map(a -> new Open311Wire.Attribute(true, a.code(), a.datatype().label(), a.required(),
					a.datatypeDescription(), a.order(), a.description(),
					a.datatype().isList()
							? a.values().stream().map(v -> new Open311Wire.Value(v.key(), v.name())).toList() : null))
			.toList();
		return Open311Documents.answer(HttpStatus.OK, as, "service_definition",
				new Open311Wire.ServiceDefinition(service.code(), attributes));
	}

	@PostMapping(path = "/v2/requests.{format}",
			consumes = { MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE })
	@Operation(summary = "Files a report (POST service request); a photo may come as the multipart part 'media'")
	@ApiResponse(responseCode = "201",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311Wire.Created.class))))
	ResponseEntity<byte[]> file(@PathVariable String format, @RequestParam MultiValueMap<String, String> arguments,
			@RequestParam(name = "media", required = false) MultipartFile media, Principal principal,
			HttpServletRequest request) throws IOException {
		Open311Format as = format(format);
		Reporter who = reporter(arguments, principal, request);
		Filing filing = new Filing(arguments.getFirst("jurisdiction_id"), arguments.getFirst("service_code"),
				arguments.getFirst("lat"), arguments.getFirst("long"), arguments.getFirst("address_string"),
				arguments.getFirst("address_id"), null, attributes(arguments), arguments.getFirst("description"),
				arguments.getFirst("media_url"), who, media == null || media.isEmpty() ? null : photo(media),
				Demographics.of(arguments.getFirst(DECLARED_GENDER), arguments.getFirst(DECLARED_AGE_BAND), DECLARED_GENDER,
						DECLARED_AGE_BAND));
		String base = base();
		Reports.Filed filed = reports.file(filing, id -> base + "/open311/v2/media/" + id);
		Report report = filed.report();
		return Open311Documents.answer(HttpStatus.CREATED, as, "service_requests", List.of(new Open311Wire.Created(
				Long.toString(report.id()), report.token(), report.notice(), who.accountId())));
	}

	@GetMapping("/v2/requests.{format}")
	@Operation(summary = "Reports, newest first (GET service requests): by ids, service, status and dates;"
			+ " the last 90 days and at most 1,000 when nothing else is asked")
	@ApiResponse(responseCode = "200",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311Wire.Request.class))))
	ResponseEntity<byte[]> list(@PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
			@RequestParam(name = "service_request_id", required = false) String ids,
			@RequestParam(name = "service_code", required = false) String codes,
			@RequestParam(name = "status", required = false) String statuses,
			@RequestParam(name = "start_date", required = false) String start,
			@RequestParam(name = "end_date", required = false) String end) {
		Open311Format as = format(format);
		checkJurisdiction(jurisdiction);
		ParticipationSettings.Reports limits = settings.reports();
		ReportQuery query;
		if (ids != null && !ids.isBlank()) {
			// the standard: ids given, every other filter is ignored
			query = ReportQuery.of(ids(ids), null, null, null, null, limits.listLimit());
		}
		else {
			Instant to = instant(end, "end_date");
			Instant from = instant(start, "start_date");
			if (from == null) {
				from = (to == null ? clock.instant() : to).minus(limits.listWindow());
			}
			if (to != null && to.isBefore(from)) {
				throw new ApiException(HttpStatus.BAD_REQUEST, "end_date: before start_date");
			}
			query = ReportQuery.of(null, list(codes, "service_code"), statuses(statuses), from, to,
					limits.listLimit());
		}
		List<Open311Wire.Request> found = reports.list(query).stream().map(this::request).toList();
		return Open311Documents.answer(HttpStatus.OK, as, "service_requests", found);
	}

	@GetMapping("/v2/requests/{id}.{format}")
	@Operation(summary = "One report (GET service request)")
	@ApiResponse(responseCode = "200",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311Wire.Request.class))))
	ResponseEntity<byte[]> one(@PathVariable String id, @PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
		Open311Format as = format(format);
		checkJurisdiction(jurisdiction);
		return Open311Documents.answer(HttpStatus.OK, as, "service_requests",
				List.of(request(reports.byId(id(id, "service_request_id")))));
	}

	@GetMapping("/v2/tokens/{token}.{format}")
	@Operation(summary = "The report a token stands for (GET service_request_id from a token)")
	@ApiResponse(responseCode = "200",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311Wire.TokenAnswer.class))))
	ResponseEntity<byte[]> token(@PathVariable String token, @PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
		Open311Format as = format(format);
		checkJurisdiction(jurisdiction);
		long id = reports.idOfToken(token);
		return Open311Documents.answer(HttpStatus.OK, as, "service_requests",
				List.of(new Open311Wire.TokenAnswer(Long.toString(id), token)));
	}

	@GetMapping("/v2/media/{id}")
	@Operation(summary = "A report's photo, as stored: without the place it was taken or the camera")
	ResponseEntity<byte[]> photo(@PathVariable String id) {
		long report = id(id, "id");
		return reports.photo(report)
			.map(p -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(p.mediaType()))
				.header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
				.header("X-Content-Type-Options", "nosniff")
				.body(p.content()))
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no photo of service request " + report));
	}

	/** Anything else under the endpoint: the standard's 404. */
	@RequestMapping("/**")
	ResponseEntity<byte[]> unknown(HttpServletRequest request) {
		throw new ApiException(HttpStatus.NOT_FOUND, "no GeoReport v2 resource at " + request.getRequestURI()
				+ " (discovery: /open311/discovery.json)");
	}

	private Open311Wire.Request request(Report r) {
		String name = services.byCode(r.serviceCode()).map(CityService::name).orElse(r.serviceCode());
		Report.Place place = r.place();
		Report.Times times = r.times();
		return new Open311Wire.Request(Long.toString(r.id()), r.status().label(), r.statusNotes(), name, r.serviceCode(),
				r.description(), r.agency(), r.notice(), w3c(times.requested()), w3c(times.updated()),
				w3c(times.expected()), place.address(), place.addressId(), place.zipcode(), place.lat(), place.lon(),
				r.mediaUrl());
	}

	private String w3c(Instant at) {
		return at == null ? null : city.local(at).truncatedTo(ChronoUnit.SECONDS).toOffsetDateTime().format(W3C);
	}

	private Reporter reporter(MultiValueMap<String, String> arguments, Principal principal, HttpServletRequest request) {
		Optional<Caller> signedIn = Caller.of(principal);
		String apiKey = arguments.getFirst("api_key");
		if (signedIn.isEmpty() && apiKey != null && !apiKey.isBlank()) {
			signedIn = Optional.of(tokens.authenticate(apiKey.trim())
				.orElseThrow(() -> new ApiException(HttpStatus.FORBIDDEN,
						"api_key: not accepted (unknown, revoked or expired)")));
		}
		if (signedIn.isEmpty() && settings.open311().apiKeyRequired()) {
			throw new ApiException(HttpStatus.FORBIDDEN,
					"api_key: required here; a personal API token of an account serves as one");
		}
		Long person = signedIn.filter(c -> !c.isDevice()).map(Caller::id).filter(id -> id > 0).orElse(null);
		if (signedIn.isPresent() && signedIn.get().isDevice()) {
			throw new ApiException(HttpStatus.FORBIDDEN, "devices do not file reports; people do");
		}
		return Reporter.resident(person, request.getRemoteAddr(), arguments.getFirst("email"),
				arguments.getFirst("first_name"), arguments.getFirst("last_name"), arguments.getFirst("phone"),
				arguments.getFirst("device_id"), arguments.getFirst("account_id"));
	}

	/** {@code attribute[code]=value}, and {@code attribute[code][]=value} repeated for a multivaluelist. */
	private static Map<String, List<String>> attributes(MultiValueMap<String, String> arguments) {
		Map<String, List<String>> answers = new LinkedHashMap<>();
		arguments.forEach((name, values) -> {
			Matcher m = ATTRIBUTE.matcher(name);
			if (m.matches()) {
				answers.computeIfAbsent(m.group(1), k -> new ArrayList<>()).addAll(values);
			}
			else if (name.startsWith("attribute")) {
				throw new ApiException(HttpStatus.BAD_REQUEST,
						"'" + name + "': an attribute is sent as attribute[code]=value");
			}
		});
		return answers;
	}

	/** The part stays where the container put it until the photo's turn to be decoded. */
	private static PhotoUpload photo(MultipartFile media) {
		return new PhotoUpload(media.getSize(), media::getInputStream);
	}

	private void checkJurisdiction(String named) {
		if (named != null && !named.isBlank() && !named.trim().equals(settings.open311().jurisdictionId())) {
			throw new ApiException(HttpStatus.NOT_FOUND, "jurisdiction_id: '" + named.trim()
					+ "' is not served here; this server serves '" + settings.open311().jurisdictionId() + "'");
		}
	}

	private static Open311Format format(String extension) {
		return Open311Format.of(extension)
			.orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST,
					"format: ." + extension + " is not served; ask for .json or .xml"));
	}

	private static long id(String text, String field) {
		try {
			long id = Long.parseLong(text.trim());
			if (id > 0) {
				return id;
			}
		}
		catch (NumberFormatException e) {
			// refused below
		}
		throw new ApiException(HttpStatus.NOT_FOUND, field + ": no service request '" + text + "'");
	}

	private List<Long> ids(String text) {
		List<String> parts = list(text, "service_request_id");
		if (parts.size() > settings.reports().listLimit()) {
			throw new ApiException(HttpStatus.BAD_REQUEST,
					"service_request_id: at most " + settings.reports().listLimit() + " ids at once");
		}
		List<Long> ids = new ArrayList<>();
		for (String part : parts) {
			try {
				ids.add(Long.parseLong(part));
			}
			catch (NumberFormatException e) {
				throw new ApiException(HttpStatus.BAD_REQUEST, "service_request_id: '" + part + "' is not an id");
			}
		}
		return ids;
	}

	private static List<String> statuses(String text) {
		List<String> statuses = list(text, "status");
		for (String status : statuses) {
			if (Report.Status.of(status).isEmpty()) {
				throw new ApiException(HttpStatus.BAD_REQUEST, "status: '" + status + "' is not open or closed");
			}
		}
		return statuses;
	}

	private static List<String> list(String text, String field) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		List<String> parts = Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
		if (parts.size() > 1000) {
			throw new ApiException(HttpStatus.BAD_REQUEST, field + ": at most 1000 values");
		}
		return parts;
	}

	private static Instant instant(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text.trim()).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new ApiException(HttpStatus.BAD_REQUEST, field + ": '" + text.trim()
					+ "' is not a w3c date and time with its time zone, e.g. 2024-05-01T08:30:00-06:00");
		}
	}

	private String base() {
		return platform.baseUrl().isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
				: platform.baseUrl();
	}

}
