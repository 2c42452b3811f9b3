package org.cabildo.sensing.mqtt;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.hivemq.bootstrap.netty.ChannelHandlerNames;
import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.client.parameter.ClientInformation;
import com.hivemq.extension.sdk.api.client.parameter.ConnectionInformation;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.general.MqttVersion;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;

import io.netty.channel.Channel;

/**
 * Takes the publishes devices send to the embedded broker on SensorThings topics. No device
 * message is passed on as it is: subscribers get the stored Observation from
 * {@link ChangeMessages}.
 * <p>
 * Each new connection gets a {@link ConnectionIntake}, which takes its QoS 0 and 1 publishes on
 * the topics Observations are created on as they arrive, many at a time. What it leaves to
 * HiveMQ (QoS 2, other topics), and everything when it cannot be installed, comes here, to
 * HiveMQ's interceptor: the broker holds each publish (and the client's next) until this
 * interceptor resumes it, and acknowledges a QoS 1 publish (PUBACK) only then, after the
 * Observation is committed, with the {@link Answer} for its receipt. So a connection's
 * publishes here take one commit each.
 * <p>
 * Every publish is reported to the {@link ReadGate} once taken, so that the broker reads no
 * further ahead than the database writes.
 */
class PublishIntake implements PublishInboundInterceptor {

	private static final Logger log = LoggerFactory.getLogger(PublishIntake.class);

	private final IncomingObservations observations;

	private final DeviceAccess access;

	private final ReadGate gate;

	private final Duration timeout;

	private final AtomicBoolean warned = new AtomicBoolean();

	PublishIntake(IncomingObservations observations, DeviceAccess access, ReadGate gate, Duration mqttWait) {
		this.observations = observations;
		this.access = access;
		this.gate = gate;
		// Waiting for room in the queue, then for the commit.
		this.timeout = mqttWait.plusSeconds(60);
	}

	/**
	 * Puts a {@link ConnectionIntake} in a new connection's pipeline, before HiveMQ sees any of its
	 * publishes (the broker calls this before it sends the CONNACK).
	 *
	 * @return whether it is there; if not, every publish of the connection comes here
	 */
	boolean install(ClientInformation client, ConnectionInformation connection) {
		Optional<Channel> channel = BrokerChannels.of(connection);
		if (channel.isEmpty()) {
			return false;
		}
		try {
			install(channel.get(), DeviceAccess.device(client, connection),
					connection.getMqttVersion() == MqttVersion.V_5);
			return true;
		}
		catch (NoSuchElementException | IllegalArgumentException | LinkageError e) {
			if (warned.compareAndSet(false, true)) {
				log.warn("MQTT: cannot take publishes as they arrive ({}); each client's publishes are taken one"
						+ " commit at a time", e.toString());
			}
			return false;
		}
	}

	void install(Channel channel, DeviceAccess.Device device, boolean mqtt5) {
		Pubacks.check();
		ConnectionIntake intake = new ConnectionIntake(observations, access, gate.meter(channel), device, mqtt5);
		// Behind the encoder: inbound right after the decoder, outbound before the encoder.
		channel.pipeline().addAfter(ChannelHandlerNames.MQTT_MESSAGE_ENCODER, ConnectionIntake.NAME, intake);
	}

	@Override
	public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
		ConnectionInformation connection = input.getConnectionInformation();
		PublishPacket packet = input.getPublishPacket();
		String topic = packet.getTopic();
		if (!Topics.isSensorThings(topic)) {
			gate.taken(connection);
			return;
		}
		DeviceAccess.Device device = DeviceAccess.device(input.getClientInformation(), connection);
		boolean mqtt5 = connection.getMqttVersion() == MqttVersion.V_5;
		boolean untilStored = packet.getQos() != Qos.AT_MOST_ONCE;
		if (!access.mayCreate(device, topic)) {
			Answer answer = Answer.notAuthorised(device, topic, mqtt5);
			output.preventPublishDelivery(answer.code(), answer.reason());
			gate.taken(connection);
			return;
		}
		Async<PublishInboundOutput> async = output.async(timeout, TimeoutFallback.FAILURE,
				AckReasonCode.UNSPECIFIED_ERROR, "the Observation was not stored in time; send it again");
		observations.take(topic, bytes(packet.getPayload().orElse(null)), untilStored, access.writable(device),
				access.writer(device))
			.whenComplete((receipt, error) -> {
				try {
					Answer answer = Answer.to(error == null ? receipt
							: new Receipt.Failed(false, "the Observation could not be stored; send it again later"), device,
							topic, untilStored, mqtt5);
					output.preventPublishDelivery(answer.code(), answer.reason());
				}
				finally {
					try {
						async.resume();
					}
					finally {
						gate.taken(connection);
					}
				}
			});
	}

	private static byte[] bytes(ByteBuffer payload) {
		if (payload == null) {
			return new byte[0];
		}
		byte[] bytes = new byte[payload.remaining()];
		payload.duplicate().get(bytes);
		return bytes;
	}

}
