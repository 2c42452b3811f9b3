package org.cabildo.sensing.mqtt;

import java.nio.ByteBuffer;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.client.parameter.ConnectionInformation;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.general.MqttVersion;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;

/**
 * Takes the publishes devices send to the embedded broker on SensorThings topics. The broker
 * holds each one (and the client's next) until this interceptor resumes it, and acknowledges a
 * QoS 1 publish (PUBACK) only then: after the Observation is committed. No device message is
 * passed on as it is: subscribers get the stored Observation from {@link ChangeMessages}.
 * <p>
 * A refused publish gets its reason in the PUBACK of an MQTT 5 client. An MQTT 3 PUBACK has no
 * room for one, and disconnecting would only make the device send it again, so an MQTT 3 client
 * gets a plain PUBACK and the reason goes to the log. A publish that failed for now (the
 * database does not keep up, or failed) is not acknowledged as stored: MQTT 5 clients get an
 * error code, MQTT 3 clients are disconnected, and send it again when they reconnect.
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

	PublishIntake(IncomingObservations observations, DeviceAccess access, ReadGate gate, Duration mqttWait) {
		this.observations = observations;
		this.access = access;
		this.gate = gate;
		// Waiting for room in the queue, then for the commit.
		this.timeout = mqttWait.plusSeconds(60);
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
		String client = input.getClientInformation().getClientId();
		boolean mqtt5 = connection.getMqttVersion() == MqttVersion.V_5;
		Qos qos = packet.getQos();
		if (!access.mayCreate(client, topic)) {
			log.info("Refused a publish of client {} on {}: not authorised", client, topic);
			output.preventPublishDelivery(mqtt5 ? AckReasonCode.NOT_AUTHORIZED : AckReasonCode.SUCCESS,
					mqtt5 ? "not authorised to publish on " + topic : null);
			gate.taken(connection);
			return;
		}
		Async<PublishInboundOutput> async = output.async(timeout, TimeoutFallback.FAILURE,
				AckReasonCode.UNSPECIFIED_ERROR, "the Observation was not stored in time; send it again");
		observations.take(topic, bytes(packet.getPayload().orElse(null)), qos != Qos.AT_MOST_ONCE)
			.whenComplete((receipt, error) -> {
				try {
					answer(output, receipt, client, topic, qos, mqtt5);
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

	private static void answer(PublishInboundOutput output, Receipt receipt, String client, String topic, Qos qos,
			boolean mqtt5) {
		switch (receipt) {
			case Receipt.Stored stored -> output.preventPublishDelivery();
			case Receipt.Queued queued -> output.preventPublishDelivery();
			case Receipt.Refused refused -> {
				log.info("Refused a publish of client {} on {}: {}", client, topic, refused.reason());
				if (mqtt5) {
					output.preventPublishDelivery(reasonCode(refused.fault()), refused.reason());
				}
				else {
					output.preventPublishDelivery();
				}
			}
			case Receipt.Failed failed -> {
				if (qos == Qos.AT_MOST_ONCE) {
					log.warn("Dropped an Observation of client {} published with QoS 0 on {}: {}", client, topic,
							failed.reason());
					output.preventPublishDelivery();
				}
				else {
					output.preventPublishDelivery(
							failed.busy() ? AckReasonCode.QUOTA_EXCEEDED : AckReasonCode.UNSPECIFIED_ERROR,
							failed.reason());
				}
			}
		}
	}

	private static AckReasonCode reasonCode(Receipt.Fault fault) {
		return switch (fault) {
			case TOPIC -> AckReasonCode.TOPIC_NAME_INVALID;
			case PAYLOAD -> AckReasonCode.PAYLOAD_FORMAT_INVALID;
			case CONTENT -> AckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR;
		};
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
