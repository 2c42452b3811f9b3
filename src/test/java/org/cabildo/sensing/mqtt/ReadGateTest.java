package org.cabildo.sensing.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.hivemq.bootstrap.netty.ChannelHandlerNames;
import com.hivemq.mqtt.message.QoS;
import com.hivemq.mqtt.message.publish.PUBLISHFactory;

import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;

class ReadGateTest {

	private final ReadGate gate = new ReadGate(4);

	@Test
	void aConnectionStopsReadingAboveTheLimitAndReadsAgainAtHalf() {
		EmbeddedChannel device = connection();

		publishes(device, 4);
		assertThat(device.config().isAutoRead()).isTrue();
		publishes(device, 1);
		assertThat(device.config().isAutoRead()).as("5 waiting, over 4").isFalse();

		gate.taken(device);
		gate.taken(device);
		assertThat(device.config().isAutoRead()).as("3 waiting").isFalse();
		gate.taken(device);
		assertThat(device.config().isAutoRead()).as("2 waiting").isTrue();
	}

	@Test
	void whatAClosedConnectionLeftUntakenNoLongerCounts() {
		EmbeddedChannel gone = connection();
		EmbeddedChannel device = connection();
		publishes(gone, 4);

		gone.close();
		publishes(device, 4);

		assertThat(gate.waiting()).isEqualTo(4);
		assertThat(device.config().isAutoRead()).isTrue();
		gate.taken(gone);
		assertThat(gate.waiting()).isEqualTo(4);
	}

	@Test
	void aStoppedConnectionReadsAgainWhenOtherConnectionsPublishesAreTaken() {
		EmbeddedChannel busy = connection();
		EmbeddedChannel quiet = connection();
		publishes(busy, 4);
		publishes(quiet, 1);
		assertThat(quiet.config().isAutoRead()).isFalse();

		gate.taken(busy);
		gate.taken(busy);
		gate.taken(busy);

		assertThat(quiet.config().isAutoRead()).isTrue();
	}

	private EmbeddedChannel connection() {
		EmbeddedChannel channel = new EmbeddedChannel();
		channel.pipeline().addLast(ChannelHandlerNames.MQTT_MESSAGE_DECODER, new ChannelInboundHandlerAdapter());
		gate.install(channel);
		return channel;
	}

	private static void publishes(EmbeddedChannel channel, int count) {
		for (int i = 0; i < count; i++) {
			channel.writeInbound(new PUBLISHFactory.Mqtt5Builder().withHivemqId("test")
				.withTopic("v1.1/Datastreams(1)/Observations")
				.withQoS(QoS.AT_LEAST_ONCE)
				.withOnwardQos(QoS.AT_LEAST_ONCE)
				.withPayload(new byte[0])
				.build());
		}
		channel.readInbound();
	}

}
