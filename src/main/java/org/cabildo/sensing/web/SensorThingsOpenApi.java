package org.cabildo.sensing.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.model.Navigation;
import org.cabildo.sensing.model.Property;
import org.cabildo.sensing.units.AskedUnit;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * Describes the SensorThings API in the OpenAPI document. The paths and schemas are derived
 * from the same model the server runs on, so the document cannot drift from the behaviour.
 * {@code /v1.0} serves the same paths without the properties 1.1 added.
 */
@Component
class SensorThingsOpenApi implements OpenApiCustomizer {

	private static final String ROOT = "/v1.1";

	private static final String JSON = "application/json";

	@Override
	public void customise(OpenAPI openApi) {
		openApi.info(new Info().title("Cabildo")
			.version("1.1")
			.description("""
					Open smart-city data platform. The sensor data hub speaks the OGC SensorThings API 1.1 \
					(OGC 18-088) under /v1.1 (and 1.0 under /v1.0): Things, Locations, HistoricalLocations, \
					Datastreams, Sensors, ObservedProperties, Observations and FeaturesOfInterest, and the \
					MultiDatastreams of the MultiDatastream extension (whose Observations' results are arrays, one \
					value per ObservedProperty in their order), with the query options $filter, $expand, $select, $orderby, $top, $skip, $count and \
					$resultFormat=dataArray, CreateObservations and $batch. Errors are JSON problem bodies \
					(RFC 9457) naming what is wrong and where.""")
			.license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")));
		if (openApi.getComponents() == null) {
			openApi.setComponents(new Components());
		}
		Components components = openApi.getComponents();
		components.addSchemas("Problem", problemSchema());
		openApi.addTagsItem(new Tag().name("SensorThings").description("OGC SensorThings API 1.1, Sensing part"));
		openApi.path(ROOT, new PathItem().get(operation("Service root: the entity sets and the conformance classes",
				"service-root", List.of()).responses(ok(new ObjectSchema()))));
		for (EntityType type : EntityType.values()) {
			components.addSchemas(type.entityName(), entitySchema(type));
			describe(openApi, type);
		}
		describeCreateObservations(openApi);
		describeBatch(openApi);
	}

	/** {@code POST CreateObservations}, the DataArray extension (OGC 18-088, 14.4). */
	private void describeCreateObservations(OpenAPI openApi) {
		Schema<?> group = new ObjectSchema()
			.description("Observations of one Datastream, or of one MultiDatastream (named instead of the Datastream)")
			.addProperty("Datastream", new ObjectSchema().addProperty("@iot.id", new IntegerSchema()))
			.addProperty("MultiDatastream", new ObjectSchema().addProperty("@iot.id", new IntegerSchema()))
			.addProperty("components", new ArraySchema().items(new StringSchema()
				._enum(List.of("phenomenonTime", "result", "resultTime", "resultQuality", "validTime", "parameters",
						"FeatureOfInterest/id")))
				.description("The meaning of each value of a row, in order"))
			.addProperty("dataArray", new ArraySchema().items(new ArraySchema().items(new Schema<>()))
				.description("One row (an array of values in the order of components) per Observation"));
		group.setRequired(List.of("components", "dataArray"));
		Schema<?> answers = new ArraySchema().items(new Schema<>().description(
				"The selfLink of the Observation of the row (the one stored before, for a re-sent reading), or "
						+ "\"error\"; with reasons=true an object {\"selfLink\": ...} or {\"error\": reason, "
						+ "\"row\": n, \"pointer\": ...}"));
		Operation create = operation("Create many Observations in the DataArray format; each row is stored or "
				+ "refused on its own unless atomic=true", "createObservations",
				List.of(query("reasons", "true: each answer is an object, a refused row's with its reason, row and "
						+ "JSON pointer").schema(new BooleanSchema()),
						query("atomic", "true: store all rows or none; any refused row makes it a 400 listing "
								+ "every refusal (errors)").schema(new BooleanSchema()),
						duplicatesParameter()))
			.requestBody(new RequestBody().required(true)
				.content(new Content().addMediaType(JSON, new MediaType().schema(new ArraySchema().items(group)))));
		ApiResponses responses = withErrors(new ApiResponses().addApiResponse("201", new ApiResponse()
			.description("One answer per row, in order")
			.content(new Content().addMediaType(JSON, new MediaType().schema(answers)))));
		create.responses(busy(responses));
		openApi.path(ROOT + "/CreateObservations", new PathItem().post(create));
	}

	/** {@code POST $batch} in the JSON batch format. */
	private void describeBatch(OpenAPI openApi) {
		Schema<?> request = new ObjectSchema()
			.addProperty("id", new StringSchema().description("Names the request; a later one refers to what it "
					+ "created as $id, in its url or as {\"@iot.id\": \"$id\"}"))
			.addProperty("method", new StringSchema()._enum(List.of("get", "post", "patch", "put", "delete")))
			.addProperty("url", new StringSchema().description("Relative to the service root, e.g. Things(1) or "
					+ "$sensor1/Datastreams"))
			.addProperty("body", new Schema<>())
			.addProperty("atomicityGroup", new StringSchema().description(
					"Requests of one group are adjacent and run in one transaction, all or nothing"))
			.addProperty("dependsOn", new ArraySchema().items(new StringSchema()));
		request.setRequired(List.of("id", "method", "url"));
		Schema<?> response = new ObjectSchema().addProperty("id", new StringSchema())
			.addProperty("atomicityGroup", new StringSchema())
			.addProperty("status", new IntegerSchema().description(
					"As if sent alone; 424 for a request of a rolled-back group or whose dependency failed"))
			.addProperty("headers", new ObjectSchema().description("e.g. location of a created entity"))
			.addProperty("body", new Schema<>());
		openApi.path(ROOT + "/$batch", new PathItem().post(operation(
				"Run several requests in one, in order; an atomicity group commits or rolls back as a whole", "batch",
				List.of())
			.requestBody(new RequestBody().required(true)
				.content(new Content().addMediaType(JSON, new MediaType().schema(
						new ObjectSchema().addProperty("requests", new ArraySchema().items(request))))))
			.responses(withErrors(new ApiResponses().addApiResponse("200", new ApiResponse()
				.description("One response per request, in order")
				.content(new Content().addMediaType(JSON, new MediaType().schema(
						new ObjectSchema().addProperty("responses", new ArraySchema().items(response))))))))));
	}

	private static Parameter duplicatesParameter() {
		return query("duplicates", "allow: store a re-sent reading (same Datastream, phenomenonTime and result) "
				+ "again; by default (skip) it is answered with the Observation stored before")
			.schema(new StringSchema()._enum(List.of("skip", "allow")));
	}

	/** 503 with Retry-After: the database does not keep up with incoming observations. */
	private static ApiResponses busy(ApiResponses responses) {
		return responses.addApiResponse("503", new ApiResponse()
			.description("The ingest queue is full; nothing was stored; retry after Retry-After seconds")
			.addHeaderObject("Retry-After", new Header()
				.schema(new IntegerSchema()))
			.content(new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
	}

	private void describe(OpenAPI openApi, EntityType type) {
		String set = ROOT + "/" + type.setName();
		String entity = set + "({id})";
		String name = type.entityName();
		openApi.path(set, new PathItem()
			.get(operation("List " + type.setName(), "list" + type.setName(), collectionOptions(type))
				.responses(ok(collectionSchema(type))))
			.post(operation("Create a " + name + ", with related entities inline (deep insert) or linked by @iot.id",
					"create" + name, createOptions(type))
				.requestBody(body(type))
				.responses(created(type))));
		openApi.path(entity, new PathItem().addParametersItem(idParameter())
			.get(operation("Read a " + name, "read" + name, entityOptions()).responses(ok(ref(type))))
			.patch(operation("Change the given properties of a " + name, "patch" + name, List.of())
				.requestBody(body(type))
				.responses(ok(ref(type))))
			.put(operation("Replace a " + name, "put" + name, List.of()).requestBody(body(type))
				.responses(ok(ref(type))))
			.delete(operation("Delete a " + name + " and what cannot exist without it", "delete" + name, List.of())
				.responses(status("200", "Deleted"))));
		for (Navigation navigation : type.navigations()) {
			String path = entity + "/" + navigation.name();
			EntityType target = navigation.target();
			PathItem item = new PathItem().addParametersItem(idParameter());
			if (navigation.toMany()) {
				item.get(operation("The " + navigation.name() + " of a " + name,
						"list" + name + navigation.name(), collectionOptions(target))
					.responses(ok(collectionSchema(target))))
					.post(operation("Create a " + target.entityName() + " related to this " + name,
							"create" + name + navigation.name(), createOptions(target))
						.requestBody(body(target))
						.responses(created(target)));
			}
			else {
				item.get(operation("The " + navigation.name() + " of a " + name, "read" + name + navigation.name(),
						entityOptions())
					.responses(ok(ref(target))));
			}
			openApi.path(path, item);
			openApi.path(path + "/$ref", new PathItem().addParametersItem(idParameter())
				.get(operation("Links to the " + navigation.name() + " of a " + name,
						"refs" + name + navigation.name(), List.of())
					.responses(ok(new ObjectSchema()))));
		}
		openApi.path(entity + "/{property}", new PathItem().addParametersItem(idParameter())
			.addParametersItem(propertyParameter(type))
			.get(operation("One property of a " + name + " as {\"name\": value}", "property" + name, resultOptions(type))
				.responses(ok(new ObjectSchema()))));
		openApi.path(entity + "/{property}/$value", new PathItem().addParametersItem(idParameter())
			.addParametersItem(propertyParameter(type))
			.get(operation("The raw value of a property of a " + name, "value" + name, resultOptions(type))
				.responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("The value")
					.content(new Content().addMediaType("text/plain", new MediaType().schema(new StringSchema())))))));
	}

	private static Operation operation(String summary, String id, List<Parameter> parameters) {
		Operation operation = new Operation().summary(summary).operationId(id).addTagsItem("SensorThings");
		parameters.forEach(operation::addParametersItem);
		return operation;
	}

	private static List<Parameter> collectionOptions(EntityType type) {
		List<Parameter> options = new ArrayList<>(List.of(
				query("$filter", "Condition, e.g. phenomenonTime ge 2024-01-01T00:00:00Z and result gt 50"),
				query("$expand", "Related entities to include, e.g. Datastreams($select=name;$top=5)"),
				query("$select", "Properties to include, e.g. id,name"),
				query("$orderby", "Sort keys, e.g. phenomenonTime desc"),
				integerQuery("$top", "Page size (default 100, at most the server's maximum)"),
				integerQuery("$skip", "Entities to skip"),
				new Parameter().in("query").name("$count").description("Include @iot.count").schema(new BooleanSchema()),
				unitParameter()));
		if (type == EntityType.OBSERVATION) {
			options.add(query("$resultFormat", "dataArray: Observations grouped by Datastream as rows of values; "
					+ "$select gives the components (properties and FeatureOfInterest/id)")
				.schema(new StringSchema()._enum(List.of("dataArray"))));
		}
		return options;
	}

	private static List<Parameter> createOptions(EntityType type) {
		return type == EntityType.OBSERVATION ? List.of(duplicatesParameter()) : List.of();
	}

	private static List<Parameter> entityOptions() {
		return List.of(query("$expand", "Related entities to include"), query("$select", "Properties to include"),
				unitParameter());
	}

	private static List<Parameter> resultOptions(EntityType type) {
		return type == EntityType.OBSERVATION ? List.of(unitParameter()) : List.of();
	}

	/** The unit results are asked in; the Cabildo-Unit header asks the same. */
	private static Parameter unitParameter() {
		return query(AskedUnit.OPTION, "Results of Observations in this UCUM unit, e.g. ug/m3, [ppb], mg/m3, Cel "
				+ "(or the header " + AskedUnit.HEADER + "); $filter on result compares in it. Gases (O3, NO2, SO2, "
				+ "CO, NO, NH3, H2S, C6H6, or an ObservedProperty with properties/cabildo:molarMass) convert "
				+ "between ppb/ppm and ug/m3/mg/m3 at 25 °C and 1 atm (24.45 L/mol). A stream whose unit does "
				+ "not convert is a 400 naming it; the answer's " + AskedUnit.HEADER + " header names the unit");
	}

	private static Parameter query(String name, String description) {
		return new Parameter().in("query").name(name).description(description).schema(new StringSchema());
	}

	private static Parameter integerQuery(String name, String description) {
		return new Parameter().in("query").name(name).description(description).schema(new IntegerSchema().minimum(
				java.math.BigDecimal.ZERO));
	}

	private static Parameter idParameter() {
		return new Parameter().in("path").name("id").required(true).description("The @iot.id").schema(new IntegerSchema());
	}

	private static Parameter propertyParameter(EntityType type) {
		StringSchema names = new StringSchema();
		type.properties().forEach(p -> names.addEnumItem(p.name()));
		type.derivedProperties().forEach(p -> names.addEnumItem(p.name()));
		return new Parameter().in("path").name("property").required(true).schema(names);
	}

	private static RequestBody body(EntityType type) {
		return new RequestBody().required(true)
			.content(new Content().addMediaType(JSON, new MediaType().schema(ref(type))));
	}

	private static ApiResponses ok(Schema<?> schema) {
		return withErrors(new ApiResponses().addApiResponse("200",
				new ApiResponse().description("OK").content(new Content().addMediaType(JSON, new MediaType().schema(schema)))));
	}

	private static ApiResponses created(EntityType type) {
		ApiResponses responses = withErrors(new ApiResponses().addApiResponse("201", new ApiResponse()
			.description("Created; the Location header holds its address")
			.content(new Content().addMediaType(JSON, new MediaType().schema(ref(type))))));
		return type == EntityType.OBSERVATION ? busy(responses) : responses;
	}

	private static ApiResponses status(String code, String description) {
		return withErrors(new ApiResponses().addApiResponse(code, new ApiResponse().description(description)));
	}

	private static ApiResponses withErrors(ApiResponses responses) {
		Map.of("400", "The request is malformed; the body says what and where", "404", "No such entity", "413",
				"The body is too large")
			.forEach((code, description) -> responses.addApiResponse(code, new ApiResponse().description(description)
				.content(new Content().addMediaType("application/problem+json",
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))))));
		return responses;
	}

	private static Schema<?> ref(EntityType type) {
		return new Schema<>().$ref("#/components/schemas/" + type.entityName());
	}

	private static Schema<?> collectionSchema(EntityType type) {
		return new ObjectSchema().addProperty("@iot.count", new IntegerSchema())
			.addProperty("value", new ArraySchema().items(ref(type)))
			.addProperty("@iot.nextLink", new StringSchema().format("uri"));
	}

	private static Schema<?> entitySchema(EntityType type) {
		ObjectSchema schema = new ObjectSchema();
		schema.addProperty("@iot.id", new IntegerSchema().readOnly(true));
		schema.addProperty("@iot.selfLink", new StringSchema().format("uri").readOnly(true));
		for (Property property : type.properties()) {
			if (property.name().equals("id")) {
				continue;
			}
			Schema<?> value = switch (property.kind()) {
				case TEXT -> new StringSchema();
				case JSON, GEOMETRY -> property.name().equals("unitOfMeasurements")
						? new ArraySchema().items(new ObjectSchema())
						: property.name().equals("multiObservationDataTypes") ? new ArraySchema().items(new StringSchema())
								: new ObjectSchema();
				case INSTANT -> new StringSchema().format("date-time");
				case INTERVAL -> new StringSchema().description("ISO 8601 interval start/end");
				case INSTANT_OR_INTERVAL -> new StringSchema().description("ISO 8601 instant or interval start/end");
				case RESULT -> new Schema<>().description("Any JSON value; numbers are filterable as numbers");
				case ID -> new IntegerSchema();
			};
			if (property.computed()) {
				value.readOnly(true);
			}
			schema.addProperty(property.name(), value);
			if (property.required() && !property.computed()) {
				schema.addRequiredItem(property.name());
			}
		}
		for (Property property : type.derivedProperties()) {
			schema.addProperty(property.name(), new StringSchema().readOnly(true)
				.description("Derived by the server, beyond the standard: only with $select=" + property.name()
						+ "; usable in $filter and $orderby (e.g. Datastream/Thing/" + property.name()
						+ " eq '09015'); ignored when written"));
		}
		for (Navigation navigation : type.navigations()) {
			schema.addProperty(navigation.name() + "@iot.navigationLink", new StringSchema().format("uri").readOnly(true));
			Schema<?> related = new ObjectSchema().description("a " + navigation.target().entityName()
					+ " inline (deep insert) or {\"@iot.id\": n} to link one");
			schema.addProperty(navigation.name(), navigation.toMany() ? new ArraySchema().items(related) : related);
		}
		return schema;
	}

	private static Schema<?> problemSchema() {
		return new ObjectSchema().description("RFC 9457 problem details")
			.addProperty("status", new IntegerSchema())
			.addProperty("title", new StringSchema())
			.addProperty("detail", new StringSchema().description("What is wrong, and where"))
			.addProperty("option", new StringSchema().description("The query option at fault"))
			.addProperty("position", new IntegerSchema().description("0-based position in the option's value"))
			.addProperty("pointer", new StringSchema().description("JSON pointer into the request body"))
			.addProperty("errors", new ArraySchema().items(new ObjectSchema())
				.description("CreateObservations with atomic=true: each refused row, {error, row, pointer}"))
			.addProperty("retryAfter", new IntegerSchema().description("503: seconds to wait before retrying"));
	}

}
