package org.cabildo.sensing.mqtt;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongPredicate;

import org.cabildo.sensing.Writer;
import org.cabildo.sensing.DeviceDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.event.TransactionalEventListener;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.client.parameter.ClientInformation;
import com.hivemq.extension.sdk.api.client.parameter.ConnectionInformation;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;

import io.netty.channel.Channel;

/**
 * Who may connect to the embedded broker, and publish or subscribe on which topic.
 * <p>
 * A device signs in on CONNECT with its name as user name and its secret as password, checked by
 * the {@link DeviceDirectory} off the broker's threads; wrong ones are refused (bad user name or
 * password). A client without a user name is the public. The rules, by {@link Topics.Kind}:
 * <ul>
 * <li>creating Observations ({@code v1.1/Datastreams(7)/Observations}, {@code v1.1/Observations}):
 * only a device, only in the Datastreams it is bound to (with the Datastream in the payload,
 * checked once the payload is read, {@link #writable});</li>
 * <li>other SensorThings topics: nobody publishes but the platform (a device is told the topic
 * creates nothing); everyone may subscribe to any SensorThings topic, as everyone may read the
 * API;</li>
 * <li>other topics, an ordinary broker's: devices publish and subscribe, the public neither.</li>
 * </ul>
 * HiveMQ asks its publish authorizer only about publishes that reach its own processing, and the
 * platform takes every publish on a SensorThings topic itself ({@link ConnectionIntake},
 * {@link PublishIntake}); so whether a client may create Observations on a topic is asked in
 * {@link #mayCreate}, on the connection's thread, and answered from memory: the bindings of each
 * connected device are loaded on CONNECT and loaded again when the directory says they changed
 * ({@link #changed}); a revoked device is forgotten at once and its connections closed.
 */
class DeviceAccess implements SimpleAuthenticator, PublishAuthorizer, SubscriptionAuthorizer {

	private static final Logger log = LoggerFactory.getLogger(DeviceAccess.class);

	private static final String USERNAME = "cabildo.username";

	private static final String DEVICE = "cabildo.device";

	/** How long a CONNECT may wait for its credentials to be checked. */
	private static final Duration SIGN_IN_WAIT = Duration.ofSeconds(10);

	/** Null: there is no directory, and everyone may do everything. */
	private final DeviceDirectory directory;

	private final Clock clock;

	/** The devices connected (or once connected since they last changed), by id, as they may act now. */
	private final Map<Long, DeviceDirectory.Device> devices = new ConcurrentHashMap<>();

	/** The open connections of each device. */
	private final Map<Long, Set<Channel>> channels = new ConcurrentHashMap<>();

	private final ExecutorService signIn = Executors.newVirtualThreadPerTaskExecutor();

	DeviceAccess(DeviceDirectory directory, Clock clock) {
		this.directory = directory;
		this.clock = clock;
	}

	/** Everyone may do everything (no directory). */
	DeviceAccess() {
		this(null, Clock.systemUTC());
	}

	/**
	 * A connected client, as it identified itself on CONNECT.
	 *
	 * @param clientId its MQTT client identifier
	 * @param username the user name it authenticated with, or null if it gave none
	 * @param device the id of the device it signed in as, negative for none
	 */
	record Device(String clientId, String username, long device) {

		Device(String clientId, String username) {
			this(clientId, username, -1);
		}

	}

	/** Who a connected client is, as it identified itself on CONNECT ({@link #onConnect}). */
	static Device device(ClientInformation client, ConnectionInformation connection) {
		var attributes = connection.getConnectionAttributeStore();
		return new Device(client.getClientId(), attributes.getAsString(USERNAME).orElse(null),
				attributes.getAsString(DEVICE).map(Long::parseLong).orElse(-1L));
	}

	/** Whether a client may create Observations by publishing on this SensorThings topic. */
	boolean mayCreate(Device device, String topic) {
		if (directory == null) {
			return true;
		}
		DeviceDirectory.Device signedIn = signedIn(device);
		if (signedIn == null) {
			return false;
		}
		return switch (Topics.Kind.of(topic)) {
			case DATASTREAM_OBSERVATIONS -> signedIn.datastreams()
				.contains(Topics.creation(topic).orElseThrow().datastream());
			// Checked per Observation once read (writable); a device told other topics create nothing.
			case OBSERVATIONS, SENSOR_THINGS -> true;
			case OTHER -> false;
		};
	}

	/**
	 * The Datastreams a client may create Observations in, asked once a publish is read; a
	 * negative id stands for a Datastream the Observation would create.
	 */
	LongPredicate writable(Device device) {
		if (directory == null) {
			return datastream -> true;
		}
		return datastream -> {
			DeviceDirectory.Device signedIn = signedIn(device);
			return signedIn != null && signedIn.datastreams().contains(datastream);
		};
	}

	/**
	 * Who a client writes as: the device it signed in as; without a directory (everyone may do
	 * everything), the user name it gave, else its client identifier.
	 */
	Writer writer(Device device) {
		DeviceDirectory.Device signedIn = directory == null ? null : signedIn(device);
		return Writer.device(signedIn != null ? signedIn.name()
				: device.username() != null ? device.username() : "client " + device.clientId());
	}

	/** Whether a client may publish on a topic that HiveMQ delivers to subscribers. */
	boolean mayPublish(Device device, String topic) {
		return switch (Topics.Kind.of(topic)) {
			// The platform's intake takes these and decides (mayCreate).
			case DATASTREAM_OBSERVATIONS, OBSERVATIONS, SENSOR_THINGS -> true;
			case OTHER -> directory == null || signedIn(device) != null;
		};
	}

	/** Whether a client may subscribe to a topic filter. */
	boolean maySubscribe(Device device, String filter) {
		return switch (Topics.Kind.of(filter)) {
			case DATASTREAM_OBSERVATIONS, OBSERVATIONS, SENSOR_THINGS -> true;
			case OTHER -> directory == null || signedIn(device) != null;
		};
	}

	/** The device a client signed in as, if it still may act. */
	private DeviceDirectory.Device signedIn(Device device) {
		if (device.device() < 0) {
			return null;
		}
		DeviceDirectory.Device signedIn = devices.get(device.device());
		return signedIn == null || signedIn.isExpiredAt(clock.instant()) ? null : signedIn;
	}

	@Override
	public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
		var connect = input.getConnectPacket();
		var attributes = input.getConnectionInformation().getConnectionAttributeStore();
		Optional<String> username = connect.getUserName();
		// Kept for the connection's life, where the publishes of the client are authorised.
		username.ifPresent(name -> attributes.putAsString(USERNAME, name));
		if (directory == null || username.isEmpty() && connect.getPassword().isEmpty()) {
			output.authenticateSuccessfully();
			return;
		}
		String secret = connect.getPassword().map(DeviceAccess::text).orElse(null);
		Async<SimpleAuthOutput> async = output.async(SIGN_IN_WAIT, TimeoutFallback.FAILURE,
				ConnackReasonCode.SERVER_UNAVAILABLE, "the credentials could not be checked in time");
		signIn.execute(() -> {
			try {
				Optional<DeviceDirectory.Device> device = username.isEmpty() || secret == null ? Optional.empty()
						: directory.authenticate(username.get(), secret, address(input.getConnectionInformation()));
				if (device.isPresent()) {
					devices.put(device.get().id(), device.get());
					attributes.putAsString(DEVICE, Long.toString(device.get().id()));
					output.authenticateSuccessfully();
				}
				else {
					log.info("MQTT: refused the connection of client {}: bad user name or password",
							input.getClientInformation().getClientId());
					output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "bad user name or password");
				}
			}
			catch (RuntimeException e) {
				log.warn("MQTT: the credentials of client {} could not be checked",
						input.getClientInformation().getClientId(), e);
				output.failAuthentication(ConnackReasonCode.SERVER_UNAVAILABLE, "the credentials could not be checked");
			}
			finally {
				async.resume();
			}
		});
	}

	/**
	 * A client's connection is set up, after it signed in: a device's is remembered, to be closed
	 * when the device is revoked.
	 */
	void connected(ClientInformation client, ConnectionInformation connection) {
		long id = device(client, connection).device();
		if (id < 0) {
			return;
		}
		BrokerChannels.of(connection).ifPresent(channel -> {
			channels.computeIfAbsent(id, key -> ConcurrentHashMap.newKeySet()).add(channel);
			channel.closeFuture().addListener(closed -> channels.computeIfPresent(id, (key, open) -> {
				open.remove(channel);
				return open.isEmpty() ? null : open;
			}));
		});
	}

	/**
	 * A device's bindings changed or it was revoked (after the change is committed): what its
	 * connections may do is loaded again, or, revoked, it is forgotten and disconnected.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	public void changed(DeviceDirectory.Changed change) {
		if (directory == null || !devices.containsKey(change.device())) {
			return;
		}
		Optional<DeviceDirectory.Device> now = directory.current(change.device());
		if (now.isPresent()) {
			devices.put(change.device(), now.get());
			return;
		}
		devices.remove(change.device());
		Set<Channel> open = channels.remove(change.device());
		if (open != null) {
			log.info("MQTT: device {} was revoked; closing its {} connection(s)", change.device(), open.size());
			open.forEach(Channel::close);
		}
	}

	@Override
	public void authorizePublish(PublishAuthorizerInput input, PublishAuthorizerOutput output) {
		Device device = device(input.getClientInformation(), input.getConnectionInformation());
		String topic = input.getPublishPacket().getTopic();
		if (mayPublish(device, topic)) {
			output.authorizeSuccessfully();
		}
		else {
			log.info("Refused a publish of client {} on {}: not authorised", device.clientId(), topic);
			output.failAuthorization(AckReasonCode.NOT_AUTHORIZED, "not authorised to publish on " + topic);
		}
	}

	@Override
	public void authorizeSubscribe(SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
		Device device = device(input.getClientInformation(), input.getConnectionInformation());
		String filter = input.getSubscription().getTopicFilter();
		if (maySubscribe(device, filter)) {
			output.authorizeSuccessfully();
		}
		else {
			log.info("Refused a subscription of client {} to {}: not authorised", device.clientId(), filter);
			output.failAuthorization(SubackReasonCode.NOT_AUTHORIZED, "not authorised to subscribe to " + filter);
		}
	}

	private static String address(ConnectionInformation connection) {
		return connection.getInetAddress().map(InetAddress::getHostAddress).orElse(null);
	}

	private static String text(ByteBuffer bytes) {
		return StandardCharsets.UTF_8.decode(bytes.duplicate()).toString();
	}

}
