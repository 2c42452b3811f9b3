package org.cabildo.sensing.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cabildo.platform.ApiException;
import org.cabildo.platform.PlatformSettings;
import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.query.QueryOptions;
import org.cabildo.sensing.query.QueryOptionsParser;
import org.cabildo.sensing.store.EntityReader;
import org.cabildo.sensing.store.EntityRow;
import org.cabildo.sensing.store.Page;
import org.cabildo.sensing.store.RawJson;
import org.cabildo.sensing.write.Draft;
import org.cabildo.sensing.write.DraftReader;
import org.cabildo.sensing.write.EntityWriter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SensorThings API over HTTP, under {@code /v1.1} and {@code /v1.0}. Resource paths are
 * OData-style ({@code Things(1)/Datastreams}), so one handler per method reads them itself.
 * Documented in the OpenAPI document by {@link SensorThingsOpenApi}.
 */
@Hidden
@RestController
@RequestMapping({ "/v1.0", "/v1.0/**", "/v1.1", "/v1.1/**" })
class SensorThingsController {

	private final PathResolver paths;

	private final EntityReader reader;

	private final EntityWriter writer;

	private final RequestBodies bodies;

	private final PlatformSettings platform;

	private final JsonMapper json = JsonMapper.shared();

	SensorThingsController(PathResolver paths, EntityReader reader, EntityWriter writer, RequestBodies bodies,
			PlatformSettings platform) {
		this.paths = paths;
		this.reader = reader;
		this.writer = writer;
		this.bodies = bodies;
		this.platform = platform;
	}

	@GetMapping
	void get(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Call call = call(request);
		QueryOptions options = QueryOptionsParser.parse(systemOptions(request));
		if (options.resultFormat() != null) {
			throw new ApiException(HttpStatus.NOT_IMPLEMENTED, "$resultFormat is not supported yet")
				.with("option", "$resultFormat");
		}
		Target target = paths.resolve(call.path());
		switch (target) {
			case Target.ServiceRoot ignored -> write(response, HttpStatus.OK, json -> serviceRoot(json, call));
			case Target.Collection collection -> {
				Page page = reader.page(collection.type(), collection.parent(), options);
				write(response, HttpStatus.OK, json -> call.out().page(json, collection.type(), page, call.url()));
			}
			case Target.Entity entity -> {
				EntityRow row = reader.byId(entity.type(), entity.id(), options).orElseThrow(() -> missing(entity));
				write(response, HttpStatus.OK, json -> call.out().entity(json, row, options));
			}
			case Target.PropertyValue value -> property(response, value);
			case Target.References references -> references(response, call, references, options);
		}
	}

	@PostMapping
	void post(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Call call = call(request);
		Target target = paths.resolve(call.path());
		if (!(target instanceof Target.Collection collection)) {
			throw new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "entities are created by POST to a collection");
		}
		JsonNode body = bodies.read(request);
		Draft draft = DraftReader.read(collection.type(), body, DraftReader.Mode.CREATE);
		long id = writer.create(draft, collection.parent());
		EntityRow row = reader.byId(collection.type(), id, QueryOptions.NONE).orElseThrow();
		response.setHeader("Location", call.out().selfLink(collection.type(), id));
		write(response, HttpStatus.CREATED, json -> call.out().entity(json, row, QueryOptions.NONE));
	}

	@PatchMapping
	void patch(HttpServletRequest request, HttpServletResponse response) throws IOException {
		update(request, response, false);
	}

	@PutMapping
	void put(HttpServletRequest request, HttpServletResponse response) throws IOException {
		update(request, response, true);
	}

	private void update(HttpServletRequest request, HttpServletResponse response, boolean replace) throws IOException {
		Call call = call(request);
		Target.Entity entity = entityTarget(call, "updated");
		JsonNode body = bodies.read(request);
		Draft draft = DraftReader.read(entity.type(), body, replace ? DraftReader.Mode.PUT : DraftReader.Mode.PATCH);
		writer.update(draft, entity.id(), replace);
		EntityRow row = reader.byId(entity.type(), entity.id(), QueryOptions.NONE).orElseThrow(() -> missing(entity));
		write(response, HttpStatus.OK, json -> call.out().entity(json, row, QueryOptions.NONE));
	}

	@DeleteMapping
	void delete(HttpServletRequest request, HttpServletResponse response) {
		Call call = call(request);
		Target.Entity entity = entityTarget(call, "deleted");
		writer.delete(entity.type(), entity.id());
		response.setStatus(HttpStatus.OK.value());
	}

	private Target.Entity entityTarget(Call call, String verb) {
		Target target = paths.resolve(call.path());
		if (!(target instanceof Target.Entity entity)) {
			throw new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "only single entities are " + verb
					+ ", addressed as in Things(1)");
		}
		return entity;
	}

	private void serviceRoot(JsonGenerator out, Call call) {
		out.writeStartObject();
		out.writeName("value");
		out.writeStartArray();
		for (EntityType type : EntityType.values()) {
			out.writeStartObject();
			out.writeStringProperty("name", type.setName());
			out.writeStringProperty("url", call.out().serviceRoot() + "/" + type.setName());
			out.writeEndObject();
		}
		out.writeEndArray();
		if (call.version() == Version.V1_1) {
			out.writeName("serverSettings");
			out.writeStartObject();
			out.writeName("conformance");
			out.writeStartArray();
			for (String requirement : call.version().conformance()) {
				out.writeString(requirement);
			}
			out.writeEndArray();
			out.writeEndObject();
		}
		out.writeEndObject();
	}

	private void property(HttpServletResponse response, Target.PropertyValue target) throws IOException {
		Target.Entity entity = target.entity();
		Object value;
		if (target.property().name().equals("id")) {
			value = (double) entity.id();
		}
		else {
			QueryOptions select = new QueryOptions(null, List.of(), null, 0, false,
					List.of(target.property().name()), List.of(), null, Map.of());
			EntityRow row = reader.byId(entity.type(), entity.id(), select).orElseThrow(() -> missing(entity));
			value = member(row.value(target.property().name()), target.path());
		}
		if (value == null) {
			response.setStatus(HttpStatus.NO_CONTENT.value());
			return;
		}
		if (target.raw()) {
			String text = rawText(value);
			response.setStatus(HttpStatus.OK.value());
			response.setContentType("text/plain;charset=UTF-8");
			response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
			return;
		}
		String name = target.path().isEmpty() ? target.property().name()
				: target.path().get(target.path().size() - 1);
		Object shown = value;
		write(response, HttpStatus.OK, json -> {
			json.writeStartObject();
			json.writeName(name);
			EntityJson.value(json, shown);
			json.writeEndObject();
		});
	}

	private Object member(Object value, List<String> path) {
		if (path.isEmpty()) {
			return value;
		}
		if (!(value instanceof RawJson raw)) {
			return null;
		}
		JsonNode node = json.readTree(raw.text());
		for (String name : path) {
			node = node.isArray() && name.matches("\\d+") ? node.path(Integer.parseInt(name)) : node.path(name);
		}
		if (node.isMissingNode()) {
			throw ApiException.notFound("there is no member " + String.join("/", path));
		}
		return node.isNull() ? null : new RawJson(node.toString());
	}

	private String rawText(Object value) {
		if (value instanceof RawJson raw) {
			JsonNode node = json.readTree(raw.text());
			if (node.isContainer()) {
				throw ApiException.badRequest("$value is only for simple values; this one is a JSON "
						+ (node.isArray() ? "array" : "object"));
			}
			return node.isString() ? node.asString() : node.toString();
		}
		// Whole numbers as in the JSON body: without a fraction while a long holds them exactly.
		if (value instanceof Double number && number == Math.rint(number)
				&& Math.abs(number) <= EntityJson.LARGEST_EXACT_INTEGER) {
			return Long.toString(number.longValue());
		}
		if (value instanceof java.time.Instant instant) {
			return org.cabildo.sensing.time.TimeValue.format(instant);
		}
		return value.toString();
	}

	private void references(HttpServletResponse response, Call call, Target.References references,
			QueryOptions options) throws IOException {
		if (references.of() instanceof Target.Entity entity) {
			write(response, HttpStatus.OK, json -> {
				json.writeStartObject();
				json.writeStringProperty("@iot.selfLink", call.out().selfLink(entity.type(), entity.id()));
				json.writeEndObject();
			});
			return;
		}
		Target.Collection collection = (Target.Collection) references.of();
		QueryOptions idsOnly = new QueryOptions(options.filter(), options.orderBy(), options.top(), options.skip(),
				options.count(), List.of("id"), List.of(), null, options.raw());
		Page page = reader.page(collection.type(), collection.parent(), idsOnly);
		write(response, HttpStatus.OK, json -> {
			json.writeStartObject();
			if (page.count() != null) {
				json.writeNumberProperty("@iot.count", page.count());
			}
			json.writeName("value");
			json.writeStartArray();
			for (EntityRow row : page.rows()) {
				json.writeStartObject();
				json.writeStringProperty("@iot.selfLink", call.out().selfLink(row.type(), row.id()));
				json.writeEndObject();
			}
			json.writeEndArray();
			if (page.hasMore()) {
				json.writeStringProperty("@iot.nextLink", call.out().nextLink(call.url(), page));
			}
			json.writeEndObject();
		});
	}

	private static ApiException missing(Target.Entity entity) {
		return ApiException.notFound(entity.type().entityName() + " " + entity.id() + " does not exist");
	}

	/** The system query options ({@code $...}) of a request; other parameters are for other concerns. */
	private static Map<String, String> systemOptions(HttpServletRequest request) {
		Map<String, String> options = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (name.startsWith("$")) {
				if (values.length > 1) {
					throw ApiException.badRequest("the query option " + name + " is given more than once")
						.with("option", name);
				}
				options.put(name, values[0]);
			}
		});
		return options;
	}

	private Call call(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String versionPath = path.substring(1, 5);
		String rest = path.length() > 5 ? path.substring(5) : "";
		Version version = Version.of(versionPath);
		String base = platform.baseUrl().isEmpty()
				? ServletUriComponentsBuilder.fromContextPath(request).build().toUriString() : platform.baseUrl();
		EntityJson out = new EntityJson(version, base);
		String url = out.serviceRoot() + (rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest);
		return new Call(version, ResourcePath.parse(rest), out, url);
	}

	private record Call(Version version, ResourcePath path, EntityJson out, String url) {
	}

	@FunctionalInterface
	private interface JsonBody {

		void write(JsonGenerator json);

	}

	private void write(HttpServletResponse response, HttpStatus status, JsonBody body) throws IOException {
		response.setStatus(status.value());
		response.setContentType("application/json;charset=UTF-8");
		try (OutputStream out = response.getOutputStream(); JsonGenerator generator = json.createGenerator(out)) {
			body.write(generator);
		}
	}

}
