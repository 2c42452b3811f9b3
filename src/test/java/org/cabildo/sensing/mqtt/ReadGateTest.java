package org.cabildo.sensing.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.netty.channel.embedded.EmbeddedChannel;

class ReadGateTest {

	/** 6 in flight on one connection, 8 over all. */
	private final ReadGate gate = new ReadGate(8, 6);

	@Test
	void aConnectionStopsReadingAboveItsOwnLimitAndReadsAgainAtHalf() {
		EmbeddedChannel device = new EmbeddedChannel();
		ReadGate.Meter meter = gate.meter(device);

		read(meter, 6);
		assertThat(device.config().isAutoRead()).isTrue();
		read(meter, 1);
		assertThat(device.config().isAutoRead()).as("7 in flight, over 6").isFalse();

		answer(meter, 3);
		assertThat(device.config().isAutoRead()).as("4 in flight").isFalse();
		answer(meter, 1);
		assertThat(device.config().isAutoRead()).as("3 in flight").isTrue();
		assertThat(gate.stops()).isEqualTo(1);
	}

	@Test
	void aboveTheLimitOfAllTheConnectionAPublishArrivesOnStopsUntilHalfOfAllAreAnswered() {
		EmbeddedChannel busy = new EmbeddedChannel();
		EmbeddedChannel quiet = new EmbeddedChannel();
		ReadGate.Meter busyMeter = gate.meter(busy);
		ReadGate.Meter quietMeter = gate.meter(quiet);
		read(busyMeter, 5);
		read(quietMeter, 3);
		assertThat(quiet.config().isAutoRead()).isTrue();

		read(quietMeter, 1);
		assertThat(quiet.config().isAutoRead()).as("9 in flight, over 8").isFalse();
		assertThat(busy.config().isAutoRead()).as("no publish arrived on it").isTrue();

		answer(busyMeter, 4);
		quiet.runPendingTasks();
		assertThat(quiet.config().isAutoRead()).as("5 in flight").isFalse();
		answer(busyMeter, 1);
		quiet.runPendingTasks();
		assertThat(quiet.config().isAutoRead()).as("4 in flight").isTrue();
		assertThat(gate.peak()).isEqualTo(9);
	}

	@Test
	void whatAClosedConnectionLeftInFlightNoLongerCounts() {
		EmbeddedChannel gone = new EmbeddedChannel();
		ReadGate.Meter goneMeter = gate.meter(gone);
		read(goneMeter, 4);

		goneMeter.close();
		answer(goneMeter, 2);

		assertThat(gate.inFlight()).isZero();
		EmbeddedChannel device = new EmbeddedChannel();
		read(gate.meter(device), 6);
		assertThat(device.config().isAutoRead()).isTrue();
	}

	@Test
	void readingTheBrokerTurnsBackOnIsStoppedAgainAtTheNextPublish() {
		EmbeddedChannel device = new EmbeddedChannel();
		ReadGate.Meter meter = gate.meter(device);
		read(meter, 7);

		// As HiveMQ does once it has sent a SUBACK.
		device.config().setAutoRead(true);
		read(meter, 1);

		assertThat(device.config().isAutoRead()).isFalse();
	}

	@Test
	void aDeviceThatDoesNotReadItsAnswersIsNotReadFromUntilItCatchesUp() {
		EmbeddedChannel device = new EmbeddedChannel();
		ReadGate.Meter meter = gate.meter(device);

		meter.writable(false);
		assertThat(device.config().isAutoRead()).isFalse();
		meter.writable(true);

		assertThat(device.config().isAutoRead()).isTrue();
	}

	@Test
	void aPublishTheInterceptorTookIsAnsweredOnTheConnectionsEventLoop() {
		EmbeddedChannel device = new EmbeddedChannel();
		ReadGate.Meter meter = gate.meter(device);
		read(meter, 2);

		gate.taken(device);
		assertThat(meter.inFlight()).isEqualTo(2);
		device.runPendingTasks();

		assertThat(meter.inFlight()).isEqualTo(1);
		assertThat(gate.inFlight()).isEqualTo(1);
	}

	private static void read(ReadGate.Meter meter, int publishes) {
		for (int i = 0; i < publishes; i++) {
			meter.read();
		}
	}

	private static void answer(ReadGate.Meter meter, int publishes) {
		for (int i = 0; i < publishes; i++) {
			meter.answered();
		}
	}

}
