package org.cabildo.sensing.web;

import java.util.List;
import java.util.Map;

import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.model.Navigation;
import org.cabildo.sensing.model.Property;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
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
					Datastreams, Sensors, ObservedProperties, Observations and FeaturesOfInterest, with the \
					query options $filter, $expand, $select, $orderby, $top, $skip and $count. Errors are \
					JSON problem bodies (RFC 9457) naming what is wrong and where.""")
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
	}

	private void describe(OpenAPI openApi, EntityType type) {
		String set = ROOT + "/" + type.setName();
		String entity = set + "({id})";
		String name = type.entityName();
		openApi.path(set, new PathItem()
			.get(operation("List " + type.setName(), "list" + type.setName(), collectionOptions())
				.responses(ok(collectionSchema(type))))
			.post(operation("Create a " + name + ", with related entities inline (deep insert) or linked by @iot.id",
					"create" + name, List.of())
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
						"list" + name + navigation.name(), collectionOptions())
					.responses(ok(collectionSchema(target))))
					.post(operation("Create a " + target.entityName() + " related to this " + name,
							"create" + name + navigation.name(), List.of())
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
			.get(operation("One property of a " + name + " as {\"name\": value}", "property" + name, List.of())
				.responses(ok(new ObjectSchema()))));
		openApi.path(entity + "/{property}/$value", new PathItem().addParametersItem(idParameter())
			.addParametersItem(propertyParameter(type))
			.get(operation("The raw value of a property of a " + name, "value" + name, List.of())
				.responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("The value")
					.content(new Content().addMediaType("text/plain", new MediaType().schema(new StringSchema())))))));
	}

	private static Operation operation(String summary, String id, List<Parameter> parameters) {
		Operation operation = new Operation().summary(summary).operationId(id).addTagsItem("SensorThings");
		parameters.forEach(operation::addParametersItem);
		return operation;
	}

	private static List<Parameter> collectionOptions() {
		return List.of(query("$filter", "Condition, e.g. phenomenonTime ge 2024-01-01T00:00:00Z and result gt 50"),
				query("$expand", "Related entities to include, e.g. Datastreams($select=name;$top=5)"),
				query("$select", "Properties to include, e.g. id,name"),
				query("$orderby", "Sort keys, e.g. phenomenonTime desc"),
				integerQuery("$top", "Page size (default 100, at most the server's maximum)"),
				integerQuery("$skip", "Entities to skip"),
				new Parameter().in("query").name("$count").description("Include @iot.count").schema(new BooleanSchema()));
	}

	private static List<Parameter> entityOptions() {
		return List.of(query("$expand", "Related entities to include"), query("$select", "Properties to include"));
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
		return withErrors(new ApiResponses().addApiResponse("201", new ApiResponse()
			.description("Created; the Location header holds its address")
			.content(new Content().addMediaType(JSON, new MediaType().schema(ref(type))))));
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
				case JSON, GEOMETRY -> new ObjectSchema();
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
			.addProperty("pointer", new StringSchema().description("JSON pointer into the request body"));
	}

}
