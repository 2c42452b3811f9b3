package org.cabildo.sensing.mqtt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.cabildo.platform.PlatformSettings;
import org.cabildo.sensing.ingest.EntityChanged;
import org.cabildo.sensing.ingest.ObservationsCreated;
import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.model.Navigation;
import org.cabildo.sensing.model.Property;
import org.cabildo.sensing.query.QueryException;
import org.cabildo.sensing.query.QueryOptions;
import org.cabildo.sensing.sql.ParentLink;
import org.cabildo.sensing.ReadAccess;
import org.cabildo.sensing.ReadContext;
import org.cabildo.sensing.ReadScope;
import org.cabildo.sensing.store.EntityReader;
import org.cabildo.sensing.store.EntityRow;
import org.cabildo.sensing.web.EntityMessages;
import org.cabildo.sensing.write.NewObservation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * Sends subscribers what changed, as OGC 18-088 clause 14.2 asks: a created or updated entity
 * to the collections it is in ({@code v1.1/Datastreams(1)/Observations}), an updated entity to
 * its own topic ({@code v1.1/Things(1)}) and each changed property to its topic
 * ({@code v1.1/Things(1)/properties}), with only the properties a {@code $select} topic names.
 * Changes come from every path (HTTP, batch, MQTT) as events after their commit; messages are
 * rendered off the committing thread, and only for topics someone is subscribed to.
 * <p>
 * A subscription names no purpose and may be anyone's, and one message on a topic goes to all
 * its subscribers: every message passes the read rule of an anonymous GET, so an Observation
 * that is not open is never sent, whether it was created or changed, whole or as a property.
 */
class ChangeMessages implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ChangeMessages.class);

	/** Entities waiting to be sent; beyond it, changes are dropped (and counted) rather than held. */
	private static final int BACKLOG = 100_000;

	private static final QueryOptions IDS = new QueryOptions(null, List.of(), Integer.MAX_VALUE, 0, false,
			List.of("id"), List.of(), null, Map.of());

	private final Transport transport;

	private final EntityReader reader;

	private final PlatformSettings platform;

	private final Environment environment;

	private final ExecutorService sender = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().name("mqtt-change-messages").daemon().factory());

	private final AtomicInteger backlog = new AtomicInteger();

	private final AtomicLong dropped = new AtomicLong();

	private final ReadAccess access;

	ChangeMessages(Transport transport, EntityReader reader, PlatformSettings platform, Environment environment,
			ReadAccess access) {
		this.access = access;
		this.transport = transport;
		this.reader = reader;
		this.platform = platform;
		this.environment = environment;
	}

	@EventListener
	void observationsCreated(ObservationsCreated event) {
		later(event.ids().length, () -> send(event));
	}

	@EventListener
	void entityChanged(EntityChanged event) {
		later(1, () -> send(event));
	}

	/** Sends off the committing thread, holding at most {@link #BACKLOG} entities. */
	private void later(int entities, Runnable send) {
		if (!transport.isRunning() || !transport.hasSubscribers()) {
			return;
		}
		if (backlog.addAndGet(entities) > BACKLOG) {
			backlog.addAndGet(-entities);
			if (dropped.getAndAdd(entities) % BACKLOG < entities) {
				log.warn("MQTT subscribers do not keep up with the changes; messages of {} entities dropped so far",
						dropped.get());
			}
			return;
		}
		sender.execute(() -> {
			try {
				send.run();
			}
			catch (RuntimeException e) {
				log.warn("MQTT change messages were not sent", e);
			}
			finally {
				backlog.addAndGet(-entities);
			}
		});
	}

	private void send(ObservationsCreated event) {
		EntityMessages messages = new EntityMessages(baseUrl());
		ReadScope subscribers = subscribers();
		for (int i = 0; i < event.ids().length; i++) {
			long id = event.ids()[i];
			NewObservation observation = event.observations().get(i);
			if (subscribers.refusal(observation.datastreamId()).isPresent()) {
				continue;
			}
			List<String> paths = new ArrayList<>();
			paths.add(observation.stream().setName() + "(" + observation.datastreamId() + ")/Observations");
			// Every collection it is in, for the subscribers there are. An external broker does not
			// tell who listens: there only the collection devices publish to is announced, so that
			// a city's stream of readings is not sent three times over for no one.
			if (transport.knowsSubscribers()) {
				paths.add("Observations");
				if (observation.featureOfInterestId() != null) {
					paths.add("FeaturesOfInterest(" + observation.featureOfInterestId() + ")/Observations");
				}
			}
			for (String version : Topics.VERSIONS) {
				Map<List<String>, byte[]> rendered = new HashMap<>();
				for (String path : paths) {
					deliver(version + "/" + path, select -> rendered.computeIfAbsent(select,
							s -> messages.observation(version, id, observation, s)));
				}
			}
		}
	}

	private void send(EntityChanged event) {
		ReadScope subscribers = subscribers();
		if (event.type() == EntityType.OBSERVATION && !reader.mayRead(subscribers, event.id())) {
			return;
		}
		EntityRow row = reader.byId(subscribers, event.type(), event.id(), QueryOptions.NONE).orElse(null);
		if (row == null) {
			return;
		}
		EntityMessages messages = new EntityMessages(baseUrl());
		List<String> collections = collections(row);
		String self = event.type().setName() + "(" + event.id() + ")";
		for (String version : Topics.VERSIONS) {
			Function<List<String>, byte[]> entity = select -> messages.entity(version, row, select);
			for (String collection : collections) {
				deliver(version + "/" + collection, entity);
			}
			if (event.change() == EntityChanged.Change.UPDATED) {
				deliver(version + "/" + self, entity);
				for (String name : event.properties()) {
					Property property = event.type().property(name).orElse(null);
					if (property != null && !(property.since11() && version.equals("v1.0"))) {
						deliver(version + "/" + self + "/" + name, select -> messages.property(row, name));
					}
				}
			}
		}
	}

	/** The collections an entity is in: its entity set and those of the entities it links. */
	private List<String> collections(EntityRow row) {
		List<String> paths = new ArrayList<>();
		paths.add(row.type().setName());
		for (Navigation navigation : row.type().navigations()) {
			Navigation back = EntityType.inverse(navigation);
			if (!back.toMany()) {
				continue;
			}
			String target = navigation.target().setName();
			if (!navigation.toMany()) {
				Long parent = row.foreignKey(navigation.name());
				if (parent != null) {
					paths.add(target + "(" + parent + ")/" + back.name());
				}
				continue;
			}
			// Which collections hold it is the platform's bookkeeping: only ids, nothing is sent of them.
			for (EntityRow parent : reader.page(ReadScope.PLATFORM, navigation.target(),
					new ParentLink(navigation, row.id()), IDS).rows()) {
				paths.add(target + "(" + parent.id() + ")/" + back.name());
			}
		}
		return paths;
	}

	private void deliver(String path, Function<List<String>, byte[]> payload) {
		for (Subscriptions.Delivery delivery : transport.deliveries(path)) {
			try {
				transport.publish(delivery.topic(), payload.apply(delivery.select()));
			}
			catch (QueryException e) {
				log.debug("No message on {}: {}", delivery.topic(), e.getMessage());
			}
		}
	}

	/** What the subscribers of a topic may read: what anyone may, for no purpose. */
	private ReadScope subscribers() {
		return access.scope(new ReadContext.Anonymous(null, "MQTT subscription"));
	}

	/** Links in messages use the configured base URL, or this server's own address. */
	private String baseUrl() {
		if (!platform.baseUrl().isEmpty()) {
			return platform.baseUrl();
		}
		return "http://localhost:" + environment.getProperty("local.server.port",
				environment.getProperty("server.port", "8080"));
	}

	@Override
	public void destroy() {
		sender.shutdown();
	}

}
