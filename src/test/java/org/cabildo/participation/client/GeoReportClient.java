package org.cabildo.participation.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An Open311 GeoReport v2 client written from the specification's text alone
 * (https://wiki.open311.org/GeoReport_v2 and https://wiki.open311.org/Service_Discovery), not
 * from the server it tests: it asks by the spec's URLs and argument names and reads answers by
 * the spec's field names, in XML (DOM) and JSON (Jackson tree). It holds no opinion of its own of
 * what is right: {@link Reply} gives status, headers and body, and the tests judge.
 *
 * <p>Where the spec leaves the client a choice: the format is chosen by the resource's extension
 * only (the spec's way), and {@code Accept: *}{@code /*} is sent as curl does, so that a server's
 * content negotiation cannot pick another; the jurisdiction_id is sent on every call when the
 * client has one (the spec lets a one-jurisdiction server ignore it).
 */
public final class GeoReportClient {

	/** The specification token of GeoReport v2 in a discovery file's endpoints. */
	public static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

	/** The two formats of the spec: XML is required, JSON optional (announced by discovery). */
	public enum Format {

		XML("xml", "text/xml"), JSON("json", "application/json");

		private final String extension;

		private final String mediaType;

		Format(String extension, String mediaType) {
			this.extension = extension;
			this.mediaType = mediaType;
		}

		public String extension() {
			return extension;
		}

		/** The MIME type the spec names for the format (and discovery lists). */
		public String mediaType() {
			return mediaType;
		}

	}

	private static final JsonMapper JSON = JsonMapper.shared();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI server;

	private final String discoveryPath;

	private final String endpointPath;

	private final String jurisdictionId;

	/**
	 * @param server scheme, host and port, such as {@code http://127.0.0.1:8080}
	 * @param discoveryPath the discovery resource without its format, such as {@code /open311/discovery}
	 * @param endpointPath the GeoReport v2 endpoint, such as {@code /open311/v2}. A client would take
	 *     it from the discovery's {@code url}; the tests are given it apart, because the url a server
	 *     announces may be its public address, not the one the test reaches it at (the tests check
	 *     that the announced url ends with this path)
	 * @param jurisdictionId sent as {@code jurisdiction_id} on every call; null sends none
	 */
	public GeoReportClient(URI server, String discoveryPath, String endpointPath, String jurisdictionId) {
		this.server = server;
		this.discoveryPath = discoveryPath;
		this.endpointPath = endpointPath;
		this.jurisdictionId = jurisdictionId;
	}

	/** The same client sending another jurisdiction_id (null for none). */
	public GeoReportClient inJurisdiction(String jurisdictionId) {
		return new GeoReportClient(server, discoveryPath, endpointPath, jurisdictionId);
	}

	/** GET discovery.[format]; it has no jurisdiction_id argument in its spec. */
	public Reply discovery(Format format) {
		return get(discoveryPath + "." + format.extension(), new Query(), format, "*/*");
	}

	/** GET Service List: services.[format]. */
	public Reply services(Format format) {
		return get(endpointPath + "/services." + format.extension(), jurisdiction(), format, "*/*");
	}

	/** The same with the Accept header a browser sends, for people who open the URL in one. */
	public Reply services(Format format, String accept) {
		return get(endpointPath + "/services." + format.extension(), jurisdiction(), format, accept);
	}

	/** GET Service Definition: services/[service_code].[format]. */
	public Reply serviceDefinition(String serviceCode, Format format) {
		return get(endpointPath + "/services/" + segment(serviceCode) + "." + format.extension(), jurisdiction(),
				format, "*/*");
	}

	/** POST Service Request: requests.[format], the arguments form-encoded. */
	public Reply post(NewRequest request, Format format) {
		NewRequest sent = jurisdictionId == null || request.has("jurisdiction_id") ? request
				: request.with("jurisdiction_id", jurisdictionId);
		HttpRequest post = HttpRequest.newBuilder(uri(endpointPath + "/requests." + format.extension(), new Query()))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "*/*")
			// As the spec's "HTTP content-type headers" section writes it.
			.header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(sent.encoded(), StandardCharsets.UTF_8))
			.build();
		return send(post, format);
	}

	/** GET Service Requests: requests.[format] with the query's filters. */
	public Reply requests(RequestsQuery query, Format format) {
		Query arguments = jurisdiction();
		query.arguments().forEach(argument -> arguments.add(argument.getKey(), argument.getValue()));
		return get(endpointPath + "/requests." + format.extension(), arguments, format, "*/*");
	}

	/** GET Service Request: requests/[service_request_id].[format]. */
	public Reply request(String serviceRequestId, Format format) {
		return get(endpointPath + "/requests/" + segment(serviceRequestId) + "." + format.extension(), jurisdiction(),
				format, "*/*");
	}

	/** GET service_request_id from a token: tokens/[token].[format]. */
	public Reply token(String token, Format format) {
		return get(endpointPath + "/tokens/" + segment(token) + "." + format.extension(), jurisdiction(), format,
				"*/*");
	}

	private Query jurisdiction() {
		Query query = new Query();
		if (jurisdictionId != null) {
			query.add("jurisdiction_id", jurisdictionId);
		}
		return query;
	}

	private Reply get(String path, Query query, Format format, String accept) {
		HttpRequest get = HttpRequest.newBuilder(uri(path, query))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", accept)
			.GET()
			.build();
		return send(get, format);
	}

	private Reply send(HttpRequest request, Format format) {
		try {
			HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			return new Reply(request.method() + " " + request.uri(), response.statusCode(),
					response.headers().firstValue("Content-Type").orElse(""), response.body(), format);
		}
		catch (IOException e) {
			throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private URI uri(String path, Query query) {
		return URI.create(server + path + query.encoded());
	}

	/** A path segment: ids and codes are opaque to the client, so anything in them is escaped. */
	private static String segment(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** The w3 (ISO 8601 subset) form the spec asks of start_date and end_date, with its offset. */
	public static String w3(OffsetDateTime time) {
		return time.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX"));
	}

	/** Query-string or form arguments, in order; repeated names allowed. */
	static final class Query {

		private final List<Map.Entry<String, String>> arguments = new ArrayList<>();

		Query add(String name, String value) {
			arguments.add(Map.entry(name, value));
			return this;
		}

		String encoded() {
			if (arguments.isEmpty()) {
				return "";
			}
			StringJoiner joined = new StringJoiner("&", "?", "");
			arguments.forEach(argument -> joined.add(encode(argument.getKey()) + "=" + encode(argument.getValue())));
			return joined.toString();
		}

	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/**
	 * The arguments of POST Service Request, by the spec's names. Attribute answers are
	 * {@code attribute[code]=value}, and {@code attribute[code][]=value} for each value of a
	 * multivaluelist, as the spec writes them.
	 */
	public static final class NewRequest {

		private final List<Map.Entry<String, String>> arguments;

		private NewRequest(List<Map.Entry<String, String>> arguments) {
			this.arguments = arguments;
		}

		/** A request of this service (the one required argument besides a location). */
		public static NewRequest of(String serviceCode) {
			return new NewRequest(List.of()).with("service_code", serviceCode);
		}

		/** No service_code at all, to see the server refuse it. */
		public static NewRequest withoutServiceCode() {
			return new NewRequest(List.of());
		}

		/** Any argument by its spec name. */
		public NewRequest with(String name, String value) {
			List<Map.Entry<String, String>> more = new ArrayList<>(arguments);
			more.add(Map.entry(name, value));
			return new NewRequest(List.copyOf(more));
		}

		/** lat and long, WGS84, sent as the two arguments the spec asks both of. */
		public NewRequest at(double lat, double longitude) {
			return with("lat", Double.toString(lat)).with("long", Double.toString(longitude));
		}

		public NewRequest attribute(String code, String value) {
			return with("attribute[" + code + "]", value);
		}

		/** A multivaluelist answer: attribute[code][]=v1&attribute[code][]=v2. */
		public NewRequest attributeValues(String code, String... values) {
			NewRequest request = this;
			for (String value : values) {
				request = request.with("attribute[" + code + "][]", value);
			}
			return request;
		}

		public NewRequest addressString(String address) {
			return with("address_string", address);
		}

		public NewRequest addressId(String addressId) {
			return with("address_id", addressId);
		}

		public NewRequest description(String description) {
			return with("description", description);
		}

		public NewRequest email(String email) {
			return with("email", email);
		}

		public NewRequest firstName(String name) {
			return with("first_name", name);
		}

		public NewRequest lastName(String name) {
			return with("last_name", name);
		}

		public NewRequest phone(String phone) {
			return with("phone", phone);
		}

		public NewRequest mediaUrl(String url) {
			return with("media_url", url);
		}

		public NewRequest deviceId(String deviceId) {
			return with("device_id", deviceId);
		}

		public NewRequest accountId(String accountId) {
			return with("account_id", accountId);
		}

		public NewRequest apiKey(String apiKey) {
			return with("api_key", apiKey);
		}

		public NewRequest jurisdictionId(String jurisdictionId) {
			return with("jurisdiction_id", jurisdictionId);
		}

		boolean has(String name) {
			return arguments.stream().anyMatch(argument -> argument.getKey().equals(name));
		}

		String encoded() {
			StringJoiner joined = new StringJoiner("&");
			arguments.forEach(argument -> joined.add(encode(argument.getKey()) + "=" + encode(argument.getValue())));
			return joined.toString();
		}

		@Override
		public String toString() {
			return encoded();
		}

	}

	/**
	 * The filters of GET Service Requests. Lists are sent comma delimited, as the spec says of
	 * service_request_id, service_code and status.
	 */
	public record RequestsQuery(List<String> serviceRequestIds, List<String> serviceCodes, String startDate,
			String endDate, List<String> statuses) {

		public static RequestsQuery all() {
			return new RequestsQuery(List.of(), List.of(), null, null, List.of());
		}

		public static RequestsQuery ids(String... serviceRequestIds) {
			return all().withIds(serviceRequestIds);
		}

		public RequestsQuery withIds(String... serviceRequestIds) {
			return new RequestsQuery(List.of(serviceRequestIds), serviceCodes, startDate, endDate, statuses);
		}

		public RequestsQuery serviceCode(String... codes) {
			return new RequestsQuery(serviceRequestIds, List.of(codes), startDate, endDate, statuses);
		}

		public RequestsQuery between(OffsetDateTime start, OffsetDateTime end) {
			return new RequestsQuery(serviceRequestIds, serviceCodes, w3(start), w3(end), statuses);
		}

		public RequestsQuery status(String... status) {
			return new RequestsQuery(serviceRequestIds, serviceCodes, startDate, endDate, List.of(status));
		}

		List<Map.Entry<String, String>> arguments() {
			List<Map.Entry<String, String>> arguments = new ArrayList<>();
			if (!serviceRequestIds.isEmpty()) {
				arguments.add(Map.entry("service_request_id", String.join(",", serviceRequestIds)));
			}
			if (!serviceCodes.isEmpty()) {
				arguments.add(Map.entry("service_code", String.join(",", serviceCodes)));
			}
			if (startDate != null) {
				arguments.add(Map.entry("start_date", startDate));
			}
			if (endDate != null) {
				arguments.add(Map.entry("end_date", endDate));
			}
			if (!statuses.isEmpty()) {
				arguments.add(Map.entry("status", String.join(",", statuses)));
			}
			return arguments;
		}

	}

	/**
	 * One element of a flat list answer (services, service requests, POST results, tokens,
	 * errors): its fields as text, in the order given, a field present with no value (JSON null,
	 * empty XML element) as null. Text is trimmed: the spec's own XML example puts the
	 * service_notice on lines of its own.
	 */
	public record Item(Map<String, String> fields) {

		public boolean has(String field) {
			return fields.containsKey(field);
		}

		/** The field's text, null when absent or empty. */
		public String get(String field) {
			return fields.get(field);
		}

		@Override
		public String toString() {
			return fields.toString();
		}

	}

	/** An error of the spec's error format. */
	public record ApiError(String code, String description) {
	}

	/** The GeoReport v2 discovery file. */
	public record Discovery(Map<String, String> fields, List<Endpoint> endpoints) {
	}

	/** An endpoint of a discovery file. */
	public record Endpoint(String specification, String url, String changeset, String type, List<String> formats) {
	}

	/** A service definition; fields holds its scalar fields (service_code). */
	public record ServiceDefinition(Map<String, String> fields, List<Attribute> attributes) {

		public Optional<Attribute> attribute(String code) {
			return attributes.stream().filter(attribute -> code.equals(attribute.get("code"))).findFirst();
		}

	}

	/** An attribute of a service definition: its scalar fields by spec name, and its values. */
	public record Attribute(Map<String, String> fields, List<Item> values) {

		public String get(String field) {
			return fields.get(field);
		}

	}

	/** An answer as received, and readers of it by the spec's structures. */
	public record Reply(String request, int status, String contentType, byte[] bytes, Format format) {

		/** The body decoded as UTF-8, the spec's only encoding. */
		public String body() {
			return new String(bytes, StandardCharsets.UTF_8);
		}

		public JsonNode json() {
			try {
				return JSON.readTree(bytes);
			}
			catch (RuntimeException e) {
				throw new AssertionError("not JSON: " + this, e);
			}
		}

		/** The DOM of the body, namespace aware, with no DTDs or external entities. */
		public Document xml() {
			return parseXml(bytes, this.toString());
		}

		/** The elements of a list answer (a JSON array of objects, or a root element of items). */
		public List<Item> items() {
			List<Item> items = new ArrayList<>();
			if (format == Format.JSON) {
				JsonNode root = json();
				if (!root.isArray()) {
					throw new AssertionError("not a JSON array: " + this);
				}
				root.values().forEach(element -> items.add(new Item(scalars(element))));
			}
			else {
				children(xml().getDocumentElement()).forEach(element -> items.add(new Item(scalars(element))));
			}
			return items;
		}

		/** The errors of an error answer, in the spec's format. */
		public List<ApiError> errors() {
			return items().stream().map(item -> new ApiError(item.get("code"), item.get("description"))).toList();
		}

		public Discovery discovery() {
			if (format == Format.JSON) {
				JsonNode root = json();
				List<Endpoint> endpoints = new ArrayList<>();
				root.path("endpoints").values().forEach(endpoint -> endpoints.add(new Endpoint(
						text(endpoint.get("specification")), text(endpoint.get("url")), text(endpoint.get("changeset")),
						text(endpoint.get("type")), endpoint.path("formats").values().stream().map(GeoReportClient::text).toList())));
				return new Discovery(scalars(root), endpoints);
			}
			Element root = xml().getDocumentElement();
			List<Endpoint> endpoints = new ArrayList<>();
			child(root, "endpoints").ifPresent(list -> children(list).forEach(endpoint -> endpoints.add(new Endpoint(
					childText(endpoint, "specification"), childText(endpoint, "url"), childText(endpoint, "changeset"),
					childText(endpoint, "type"),
					child(endpoint, "formats").map(formats -> children(formats).stream().map(GeoReportClient::text).toList())
						.orElse(List.of())))));
			return new Discovery(scalars(root), endpoints);
		}

		public ServiceDefinition serviceDefinition() {
			List<Attribute> attributes = new ArrayList<>();
			if (format == Format.JSON) {
				JsonNode root = json();
				root.path("attributes").values().forEach(attribute -> {
					List<Item> values = new ArrayList<>();
					attribute.path("values").values().forEach(value -> values.add(new Item(scalars(value))));
					attributes.add(new Attribute(scalars(attribute), values));
				});
				return new ServiceDefinition(scalars(root), attributes);
			}
			Element root = xml().getDocumentElement();
			child(root, "attributes").ifPresent(list -> children(list).forEach(attribute -> {
				List<Item> values = new ArrayList<>();
				child(attribute, "values")
					.ifPresent(valueList -> children(valueList).forEach(value -> values.add(new Item(scalars(value)))));
				attributes.add(new Attribute(scalars(attribute), values));
			}));
			return new ServiceDefinition(scalars(root), attributes);
		}

		@Override
		public String toString() {
			String body = body();
			return request + " -> " + status + " " + contentType + " "
					+ (body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
		}

	}

	static Document parseXml(byte[] bytes, String what) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setExpandEntityReferences(false);
			return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
		}
		catch (ParserConfigurationException | SAXException | IOException e) {
			throw new AssertionError("not XML: " + what, e);
		}
	}

	/** The child elements of an element, in order. */
	static List<Element> children(Element parent) {
		List<Element> children = new ArrayList<>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element) {
				children.add(element);
			}
		}
		return children;
	}

	/** The element's name without any namespace prefix. */
	static String name(Element element) {
		return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
	}

	private static Optional<Element> child(Element parent, String name) {
		return children(parent).stream().filter(child -> name(child).equals(name)).findFirst();
	}

	private static String childText(Element parent, String name) {
		return child(parent, name).map(GeoReportClient::text).orElse(null);
	}

	/** Trimmed text content, null when empty. */
	private static String text(Element element) {
		String text = element.getTextContent().strip();
		return text.isEmpty() ? null : text;
	}

	/** A scalar's text, null for null or absent; containers have no text here. */
	private static String text(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode() || node.isContainer()) {
			return null;
		}
		String text = node.asString().strip();
		return text.isEmpty() ? null : text;
	}

	/** The leaf child elements of an element, by name (text trimmed, empty as null). */
	private static Map<String, String> scalars(Element element) {
		Map<String, String> fields = new LinkedHashMap<>();
		children(element).stream()
			.filter(child -> children(child).isEmpty())
			.forEach(child -> fields.put(name(child), text(child)));
		return fields;
	}

	/** The scalar (and null) members of a JSON object, by name. */
	private static Map<String, String> scalars(JsonNode object) {
		Map<String, String> fields = new LinkedHashMap<>();
		object.properties()
			.stream()
			.filter(member -> !member.getValue().isContainer())
			.forEach(member -> fields.put(member.getKey(), text(member.getValue())));
		return fields;
	}

}
