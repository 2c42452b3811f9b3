package org.cabildo.sensing.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.hivemq.bootstrap.netty.ChannelHandlerNames;
import com.hivemq.extension.sdk.api.client.parameter.ClientInformation;
import com.hivemq.extension.sdk.api.client.parameter.ConnectionInformation;
import com.hivemq.extension.sdk.api.packets.general.MqttVersion;
import com.hivemq.extensions.client.parameter.ConnectionAttributeStoreImpl;
import com.hivemq.mqtt.message.QoS;
import com.hivemq.mqtt.message.puback.PUBACK;
import com.hivemq.mqtt.message.publish.PUBLISH;
import com.hivemq.mqtt.message.publish.PUBLISHFactory;
import com.hivemq.mqtt.message.pubrec.PUBREC;
import com.hivemq.mqtt.message.reason.Mqtt5PubAckReasonCode;

import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;

/** The intake of one connection, on a channel of its own with the receipts in the test's hands. */
class ConnectionIntakeTest {

	private static final String TOPIC = "v1.1/Datastreams(7)/Observations";

	private final IncomingObservations observations = mock(IncomingObservations.class);

	private final List<CompletableFuture<Receipt>> receipts = new ArrayList<>();

	private final ReadGate gate = new ReadGate(10_000, 1_000);

	private int nextPacketId = 1;

	ConnectionIntakeTest() {
		when(observations.take(anyString(), any(), anyBoolean(), any(), any())).thenAnswer(call -> {
			CompletableFuture<Receipt> receipt = new CompletableFuture<>();
			receipts.add(receipt);
			return receipt;
		});
	}

	@Test
	void pubacksFollowThePublishesWhateverTheOrderOfTheirReceipts() {
		EmbeddedChannel device = connection(true);
		device.writeInbound(publish(TOPIC, QoS.AT_LEAST_ONCE), publish(TOPIC, QoS.AT_LEAST_ONCE),
				publish(TOPIC, QoS.AT_LEAST_ONCE));
		assertThat(receipts).as("all three taken at once").hasSize(3);
		assertThat((Object) device.readInbound()).as("none passed on to HiveMQ").isNull();

		stored(2);
		assertThat(pubacks(device)).isEmpty();
		stored(0);
		assertThat(pubacks(device)).extracting(PUBACK::getPacketIdentifier).containsExactly(1);
		stored(1);
		assertThat(pubacks(device)).extracting(PUBACK::getPacketIdentifier).containsExactly(2, 3);
		assertThat(gate.inFlight()).isZero();
	}

	@Test
	void aRefusedPublishHasItsReasonInAnMqtt5Puback() {
		EmbeddedChannel device = connection(true);
		device.writeInbound(publish(TOPIC, QoS.AT_LEAST_ONCE), publish(TOPIC, QoS.AT_LEAST_ONCE));

		receipts.get(0).complete(new Receipt.Refused(Receipt.Fault.PAYLOAD, "the payload is not JSON"));
		stored(1);

		List<PUBACK> pubacks = pubacks(device);
		assertThat(pubacks).extracting(PUBACK::getReasonCode)
			.containsExactly(Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID, Mqtt5PubAckReasonCode.SUCCESS);
		assertThat(pubacks.get(0).getReasonString()).isEqualTo("the payload is not JSON");
	}

	@Test
	void anMqtt3DeviceWhosePublishFailedIsDisconnectedAfterThePubacksBeforeIt() {
		EmbeddedChannel device = connection(false);
		device.writeInbound(publish(TOPIC, QoS.AT_LEAST_ONCE), publish(TOPIC, QoS.AT_LEAST_ONCE),
				publish(TOPIC, QoS.AT_LEAST_ONCE));

		stored(0);
		receipts.get(1).complete(new Receipt.Failed(true, "the database does not keep up"));
		stored(2);

		assertThat(pubacks(device)).extracting(PUBACK::getPacketIdentifier).containsExactly(1);
		assertThat(device.isOpen()).isFalse();
	}

	@Test
	void hiveMqsAnswerToAPublishItTookWaitsForTheAnswersDueBeforeIt() {
		EmbeddedChannel device = connection(true);
		device.writeInbound(publish(TOPIC, QoS.AT_LEAST_ONCE), publish("city/lights/7", QoS.AT_LEAST_ONCE),
				publish("v1.1/Datastreams(7)/Observations", QoS.EXACTLY_ONCE), publish(TOPIC, QoS.AT_LEAST_ONCE));
		assertThat(((PUBLISH) device.readInbound()).getTopic()).isEqualTo("city/lights/7");
		assertThat(((PUBLISH) device.readInbound()).getQoS()).as("QoS 2 is HiveMQ's").isEqualTo(QoS.EXACTLY_ONCE);

		// HiveMQ answers its two at once; the first publish is not stored yet.
		device.writeAndFlush(new PUBACK(2));
		device.writeAndFlush(new PUBREC(3));
		stored(1);
		device.runPendingTasks();
		assertThat((Object) device.readOutbound()).isNull();
		stored(0);
		device.runPendingTasks();

		List<Object> answers = new ArrayList<>();
		for (Object answer; (answer = device.readOutbound()) != null;) {
			answers.add(answer);
		}
		assertThat(answers).extracting(answer -> answer.getClass().getSimpleName() + " "
				+ (answer instanceof PUBACK puback ? puback.getPacketIdentifier() : ((PUBREC) answer).getPacketIdentifier()))
			.containsExactly("PUBACK 1", "PUBACK 2", "PUBREC 3", "PUBACK 4");
	}

	@Test
	void aQos0PublishIsTakenWithoutAnswerAndCountsUntilQueued() {
		EmbeddedChannel device = connection(true);
		device.writeInbound(publish(TOPIC, QoS.AT_MOST_ONCE));
		assertThat(gate.inFlight()).isEqualTo(1);

		receipts.get(0).complete(new Receipt.Queued());

		assertThat(pubacks(device)).isEmpty();
		assertThat(gate.inFlight()).isZero();
	}

	@Test
	void aQos0FloodTheQueueHasNoRoomForStopsTheConnectionReadingUntilHalfIsQueued() {
		EmbeddedChannel device = connection(true);
		for (int i = 0; i < 1_000; i++) {
			device.writeInbound(publish(TOPIC, QoS.AT_MOST_ONCE));
		}
		assertThat(device.config().isAutoRead()).isTrue();

		device.writeInbound(publish(TOPIC, QoS.AT_MOST_ONCE));
		assertThat(device.config().isAutoRead()).as("1,001 waiting for room in the queue").isFalse();

		receipts.subList(0, 500).forEach(receipt -> receipt.complete(new Receipt.Queued()));
		assertThat(device.config().isAutoRead()).as("501 waiting").isFalse();
		receipts.get(500).complete(new Receipt.Queued());
		assertThat(device.config().isAutoRead()).as("500 waiting").isTrue();
	}

	@Test
	void aPublishSentAgainBeforeItsPubackIsAnsweredOnce() {
		EmbeddedChannel device = connection(true);
		PUBLISH first = publish(TOPIC, QoS.AT_LEAST_ONCE);
		device.writeInbound(first);
		device.writeInbound(new PUBLISHFactory.Mqtt5Builder().fromPublish(first).withDuplicateDelivery(true).build());

		stored(0);

		assertThat(receipts).hasSize(1);
		assertThat(pubacks(device)).extracting(PUBACK::getPacketIdentifier).containsExactly(1);
	}

	@Test
	void closingFailsTheAnswersHeldAndFreesItsPlacesInFlight() {
		EmbeddedChannel device = connection(true);
		device.writeInbound(publish(TOPIC, QoS.AT_LEAST_ONCE), publish("city/lights/7", QoS.AT_LEAST_ONCE));
		var held = device.writeAndFlush(new PUBACK(2));

		device.close();
		stored(0);

		assertThat(held.isDone() && !held.isSuccess()).isTrue();
		assertThat(gate.inFlight()).isZero();
	}

	@Test
	void whereTheHookCannotGoThePublishesAreLeftToTheInterceptor() {
		PublishIntake intake = new PublishIntake(observations, new DeviceAccess(), gate, Duration.ofSeconds(1));
		ClientInformation client = mock(ClientInformation.class);
		when(client.getClientId()).thenReturn("device-1");

		EmbeddedChannel unknown = new EmbeddedChannel();
		assertThat(intake.install(client, connectionInformation(unknown))).isFalse();
		assertThat(unknown.pipeline().get(ConnectionIntake.NAME)).isNull();

		EmbeddedChannel hivemq = new EmbeddedChannel();
		hivemq.pipeline().addLast(ChannelHandlerNames.MQTT_MESSAGE_ENCODER, new ChannelOutboundHandlerAdapter());
		assertThat(intake.install(client, connectionInformation(hivemq))).isTrue();
		assertThat(hivemq.pipeline().names()).containsSubsequence(ChannelHandlerNames.MQTT_MESSAGE_ENCODER,
				ConnectionIntake.NAME);
	}

	/** What HiveMQ gives the extension about a connection, on a channel of the test's. */
	private static ConnectionInformation connectionInformation(EmbeddedChannel channel) {
		ConnectionAttributeStoreImpl attributes = spy(new ConnectionAttributeStoreImpl(channel));
		doReturn(Optional.empty()).when(attributes).getAsString(anyString());
		ConnectionInformation connection = mock(ConnectionInformation.class);
		when(connection.getConnectionAttributeStore()).thenReturn(attributes);
		when(connection.getMqttVersion()).thenReturn(MqttVersion.V_5);
		return connection;
	}

	private EmbeddedChannel connection(boolean mqtt5) {
		EmbeddedChannel channel = new EmbeddedChannel();
		// Stands in for HiveMQ's encoder: what is written passes as it is.
		channel.pipeline().addLast(ChannelHandlerNames.MQTT_MESSAGE_ENCODER, new ChannelOutboundHandlerAdapter());
		new PublishIntake(observations, new DeviceAccess(), gate, Duration.ofSeconds(1)).install(channel,
				new DeviceAccess.Device("device-1", null), mqtt5);
		return channel;
	}

	private PUBLISH publish(String topic, QoS qos) {
		return new PUBLISHFactory.Mqtt5Builder().withHivemqId("test")
			.withTopic(topic)
			.withQoS(qos)
			.withOnwardQos(qos)
			.withPacketIdentifier(qos == QoS.AT_MOST_ONCE ? 0 : nextPacketId++)
			.withPayload("{\"result\": 1}".getBytes())
			.build();
	}

	private void stored(int publish) {
		receipts.get(publish).complete(new Receipt.Stored(publish + 100));
	}

	private static List<PUBACK> pubacks(EmbeddedChannel device) {
		device.runPendingTasks();
		List<PUBACK> pubacks = new ArrayList<>();
		for (Object message; (message = device.readOutbound()) != null;) {
			pubacks.add((PUBACK) message);
		}
		return pubacks;
	}

}
