package org.cabildo.portal.operator;

import java.util.List;
import java.util.Set;

import org.cabildo.identity.Caller;
import org.cabildo.platform.ApiException;
import org.cabildo.sensing.CollectionGate;
import org.cabildo.sensing.Inventory;
import org.cabildo.sensing.ReadContext;
import org.cabildo.sensing.SensorThings;
import org.cabildo.sensing.WriteAccess;
import org.cabildo.sensing.Writer;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Things and Datastreams of the operator's organisations, read and changed through the
 * SensorThings services as the API's requests are, by the signed-in caller: their rights, the
 * declaration rules and the data model's checks are the API's own, and so are its refusals.
 */
@Component
class ThingDesk {

	static final int PAGE = 20;

	private static final String MEASUREMENT = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement";

	private static final JsonMapper JSON = JsonMapper.shared();

	private final Console console;

	private final Inventory inventory;

	private final SensorThings things;

	private final WriteAccess access;

	private final CollectionGate collection;

	ThingDesk(Console console, Inventory inventory, SensorThings things, WriteAccess access,
			CollectionGate collection) {
		this.console = console;
		this.inventory = inventory;
		this.things = things;
		this.access = access;
		this.collection = collection;
	}

	ThingPages.Listing list(Texts texts, ReadContext reader, int page, ThingPages.NewThing form, Problems problems,
			String done) {
		Set<Long> operated = console.operated();
		long skip = Pager.skip(page, PAGE);
		Inventory.Slice<Inventory.ThingEntry> slice = skip > Integer.MAX_VALUE ? new Inventory.Slice<>(List.of(), 0)
				: inventory.things(reader, operated, (int) skip, PAGE);
		long selected = form.organisation().matches("\\d{1,18}") ? Long.parseLong(form.organisation())
				: operated.iterator().next();
		return new ThingPages.Listing(slice.entries().stream().map(entry -> row(entry, texts)).toList(),
				Pager.of(page, PAGE, slice.entries().size(), slice.total(), texts), console.choices(operated, selected),
				form, problems, Notice.of(done, texts));
	}

	/** Creates the Thing the form describes, with its Location, for the organisation it names. */
	long create(ThingPages.NewThing form, Texts texts, ReadContext reader) {
		Problems problems = Problems.none();
		String name = required(form.name(), "name", problems, texts);
		Double latitude = coordinate(form.latitude(), "latitude", 90, problems, texts);
		Double longitude = coordinate(form.longitude(), "longitude", 180, problems, texts);
		if (!form.organisation().matches("\\d{1,18}")) {
			problems.add("organisation", texts.problem("operator.problem.organisation"));
		}
		FormRefused.unless(problems);
		ObjectNode thing = JSON.createObjectNode().put("name", name).put("description", form.description().strip());
		ObjectNode location = thing.putArray("Locations").addObject()
			.put("name", name)
			.put("description", form.description().strip())
			.put("encodingType", "application/geo+json");
		location.putObject("location").put("type", "Point").putArray("coordinates").add(longitude).add(latitude);
		Caller caller = console.caller();
		long organisation = Long.parseLong(form.organisation());
		return FormRefused.asked(texts, ThingDesk::thingField, Problems.FORM,
				() -> caller.onBehalf(organisation, () -> things.create("Things", thing, Writer.of(reader))));
	}

	ThingPages.Detail detail(Texts texts, ReadContext reader, long id, int page, ThingPages.Edit edit,
			Problems editProblems, ThingPages.NewDatastream datastream, Problems datastreamProblems, String done) {
		Inventory.ThingEntry thing = managed(reader, id, "update");
		long skip = Pager.skip(page, PAGE);
		Inventory.Slice<Inventory.DatastreamEntry> slice = skip > Integer.MAX_VALUE
				? new Inventory.Slice<>(List.of(), 0) : inventory.datastreams(reader, id, (int) skip, PAGE);
		List<ThingPages.Stream> streams = slice.entries().stream().map(entry -> stream(entry, texts)).toList();
		return new ThingPages.Detail(row(thing, texts),
				edit != null ? edit : new ThingPages.Edit(thing.name(), thing.description()), editProblems, streams,
				Pager.of(page, PAGE, streams.size(), slice.total(), texts), datastream, datastreamProblems,
				Notice.of(done, texts));
	}

	void update(long id, ThingPages.Edit edit, Texts texts) {
		Problems problems = Problems.none();
		String name = required(edit.name(), "name", problems, texts);
		FormRefused.unless(problems);
		ObjectNode changes = JSON.createObjectNode().put("name", name).put("description", edit.description().strip());
		FormRefused.asked(texts, ThingDesk::thingField, Problems.FORM, () -> {
			things.update("Things", id, changes);
			return id;
		});
	}

	ThingPages.Deletion deletion(Texts texts, ReadContext reader, long id) {
		Inventory.ThingEntry thing = managed(reader, id, "delete");
		long datastreams = inventory.datastreams(reader, id, 0, 1).total();
		return new ThingPages.Deletion(row(thing, texts), texts.number(datastreams));
	}

	void delete(long id) {
		things.delete("Things", id);
	}

	/**
	 * Adds a Datastream to a Thing, with a Sensor and an ObservedProperty of its own; whether it may
	 * collect is the register's to say (a declaration, or a template of its Thing or organisation).
	 *
	 * @return the new Datastream's id
	 */
	long createDatastream(long thing, ThingPages.NewDatastream form, Texts texts, ReadContext reader) {
		Problems problems = Problems.none();
		String name = required(form.name(), "datastream-name", problems, texts);
		String property = required(form.observedProperty(), "datastream-observed-property", problems, texts);
		String unit = required(form.unitName(), "datastream-unit-name", problems, texts);
		String symbol = required(form.unitSymbol(), "datastream-unit-symbol", problems, texts);
		String sensor = required(form.sensor(), "datastream-sensor", problems, texts);
		FormRefused.unless(problems);
		ObjectNode datastream = JSON.createObjectNode()
			.put("name", name)
			.put("description", form.description().strip())
			.put("observationType", MEASUREMENT);
		ObjectNode unitOfMeasurement = datastream.putObject("unitOfMeasurement").put("name", unit).put("symbol", symbol);
		if (!form.unitDefinition().isBlank()) {
			unitOfMeasurement.put("definition", form.unitDefinition().strip());
		}
		datastream.putObject("Thing").put("@iot.id", thing);
		datastream.putObject("ObservedProperty")
			.put("name", property)
			.put("definition", form.definition().strip())
			.put("description", property);
		datastream.putObject("Sensor")
			.put("name", sensor)
			.put("description", sensor)
			.put("encodingType", "text/plain")
			.put("metadata", "");
		return FormRefused.asked(texts, ThingDesk::datastreamField, Problems.FORM,
				() -> things.create("Datastreams", datastream, Writer.of(reader)));
	}

	/** Why a Datastream collects nothing now, as ingest would refuse its Observations; empty if it collects. */
	java.util.Optional<String> collectionRefused(long datastream) {
		return collection.refusal(datastream);
	}

	/**
	 * The Thing, if the caller may change it as the API would let them ({@code what}: update or
	 * delete); 404 for none, 403 with the API's words for a Thing of an organisation they do not operate.
	 */
	private Inventory.ThingEntry managed(ReadContext reader, long id, String what) {
		Inventory.ThingEntry thing = inventory.thing(reader, id)
			.orElseThrow(() -> ApiException.notFound("Thing " + id + " does not exist"));
		access.requireChange(things.organisationsOf("Things", id), what + " Thing " + id);
		return thing;
	}

	private ThingPages.Row row(Inventory.ThingEntry entry, Texts texts) {
		return new ThingPages.Row(entry.id(), entry.name(), entry.description(), console.name(entry.organisation()),
				texts.coordinate(entry.latitude()), texts.coordinate(entry.longitude()));
	}

	private ThingPages.Stream stream(Inventory.DatastreamEntry entry, Texts texts) {
		Problem refused = collection.refusal(entry.id())
			.map(reason -> new Problem(texts.text("operator.datastream.collects-nothing"), reason))
			.orElse(null);
		String unit = entry.unitSymbol().isEmpty() ? entry.unit()
				: entry.unit().isEmpty() ? entry.unitSymbol() : entry.unit() + " (" + entry.unitSymbol() + ")";
		return new ThingPages.Stream(entry.id(), entry.name(), entry.observedProperty(), unit, entry.sensor(), refused);
	}

	private static String required(String value, String field, Problems problems, Texts texts) {
		if (value.isBlank()) {
			problems.add(field, texts.problem("operator.problem.required"));
		}
		return value.strip();
	}

	/**
	 * A latitude (within 90 degrees of the equator) or longitude (within 180 degrees of Greenwich),
	 * written with a point or a comma; null, with its problem noted, for anything else.
	 */
	private static Double coordinate(String value, String field, int limit, Problems problems, Texts texts) {
		if (value.isBlank()) {
			problems.add(field, texts.problem("operator.problem.required"));
			return null;
		}
		try {
			double degrees = Double.parseDouble(value.strip().replace(',', '.'));
			if (Double.isFinite(degrees) && Math.abs(degrees) <= limit) {
				return degrees;
			}
		}
		catch (NumberFormatException e) {
			// said below
		}
		problems.add(field, texts.problem("operator.problem." + field, texts.number(limit)));
		return null;
	}

	/** The form's field of a pointer into the Thing the API was sent; null for none. */
	private static String thingField(String pointer) {
		return pointer.equals("/name") ? "name" : pointer.equals("/description") ? "description"
				: pointer.startsWith("/Locations") ? "latitude" : null;
	}

	/** The form's field of a pointer into the Datastream the API was sent; null for none. */
	private static String datastreamField(String pointer) {
		if (pointer.equals("/name") || pointer.equals("/description")) {
			return "datastream-" + pointer.substring(1);
		}
		if (pointer.startsWith("/unitOfMeasurement")) {
			return "datastream-unit-name";
		}
		if (pointer.startsWith("/ObservedProperty")) {
			return "datastream-observed-property";
		}
		return pointer.startsWith("/Sensor") ? "datastream-sensor" : null;
	}

}
