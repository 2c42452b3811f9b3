package org.cabildo.sensing.mqtt;

import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import com.hivemq.mqtt.message.MessageWithID;
import com.hivemq.mqtt.message.QoS;
import com.hivemq.mqtt.message.puback.PUBACK;
import com.hivemq.mqtt.message.publish.PUBLISH;
import com.hivemq.mqtt.message.pubrec.PUBREC;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Takes the publishes of one connection that create Observations (QoS 0 and 1, on the topics
 * of {@link Topics#creation}) as soon as they are decoded, before HiveMQ's own processing, which
 * would take them one at a time: each is parsed and queued for the next commit at once, so that
 * many publishes of one device share a commit, and is not passed on to HiveMQ. A QoS 1 publish is
 * acknowledged once its commit is done, with the {@link Answer} {@link PublishIntake} would give.
 * <p>
 * MQTT wants the PUBACKs (and PUBRECs) of a connection in the order of its publishes, so every
 * QoS 1 and 2 publish read has its place in a queue of answers due: one taken here is answered
 * when its receipt comes, one passed on to HiveMQ when HiveMQ writes its answer, which is held
 * here until those before it are written. Everything else (other topics, QoS 2, subscriptions,
 * PINGREQ, ...) passes on to HiveMQ unchanged.
 * <p>
 * The handler sits right behind HiveMQ's encoder, so that inbound it comes right after the
 * decoder, and outbound it sees HiveMQ's answers before they are encoded while its own go to
 * the encoder directly. So neither the publishes taken here nor their PUBACKs pass HiveMQ's
 * handlers that count publishes in flight (the MQTT 5 receive maximum, the QoS 1 packet
 * identifiers in use): their books stay balanced. All its state is used on the channel's event
 * loop, and every publish is counted by the connection's {@link ReadGate.Meter}.
 */
final class ConnectionIntake extends ChannelDuplexHandler {

	static final String NAME = "cabildo_publish_intake";

	private final IncomingObservations observations;

	private final DeviceAccess access;

	private final ReadGate.Meter meter;

	private final DeviceAccess.Device device;

	private final boolean mqtt5;

	private final Deque<Due> due = new ArrayDeque<>();

	private final AtomicBoolean drainScheduled = new AtomicBoolean();

	private ChannelHandlerContext context;

	private boolean closing;

	ConnectionIntake(IncomingObservations observations, DeviceAccess access, ReadGate.Meter meter,
			DeviceAccess.Device device, boolean mqtt5) {
		this.observations = observations;
		this.access = access;
		this.meter = meter;
		this.device = device;
		this.mqtt5 = mqtt5;
	}

	/** A PUBACK or PUBREC due to the device, in the order of its publishes. */
	private static final class Due {

		final int packetId;

		/** Answered by HiveMQ, not by this handler. */
		final boolean passedOn;

		/** Set once known, from any thread. */
		volatile Answer answer;

		/** HiveMQ's answer, held until it is this one's turn. */
		MessageWithID held;

		ChannelPromise promise;

		Due(int packetId, boolean passedOn) {
			this.packetId = packetId;
			this.passedOn = passedOn;
		}

		boolean ready() {
			return passedOn ? held != null : answer != null;
		}

	}

	@Override
	public void handlerAdded(ChannelHandlerContext context) {
		this.context = context;
	}

	@Override
	public void channelRead(ChannelHandlerContext context, Object message) {
		if (message instanceof PUBLISH publish) {
			if (publish.getQoS() != QoS.EXACTLY_ONCE && Topics.creation(publish.getTopic()).isPresent()) {
				take(publish);
				return;
			}
			passOn(publish);
		}
		context.fireChannelRead(message);
	}

	private void take(PUBLISH publish) {
		boolean untilStored = publish.getQoS() == QoS.AT_LEAST_ONCE;
		if (untilStored && publish.isDuplicateDelivery() && isDue(publish.getPacketIdentifier(), false)) {
			// Sent again before its PUBACK, on the same connection: that PUBACK answers both.
			return;
		}
		meter.read();
		String topic = publish.getTopic();
		Due ack = untilStored ? new Due(publish.getPacketIdentifier(), false) : null;
		if (ack != null) {
			due.add(ack);
		}
		if (!access.mayCreate(device, topic)) {
			answered(ack, Answer.notAuthorised(device, topic, mqtt5));
			return;
		}
		CompletableFuture<Receipt> receipt = observations.take(topic, payload(publish), untilStored,
				access.writable(device), access.writer(device));
		receipt.whenComplete((done, error) -> answered(ack, Answer.to(error == null ? done
				: new Receipt.Failed(false, "the Observation could not be stored; send it again later"), device, topic,
				untilStored, mqtt5)));
	}

	/**
	 * HiveMQ takes this publish: it counts in flight until {@link PublishIntake} has it, and its
	 * answer, if it has one, waits for those due before it.
	 */
	private void passOn(PUBLISH publish) {
		int packetId = publish.getPacketIdentifier();
		if (publish.getQoS() == QoS.AT_LEAST_ONCE && publish.isDuplicateDelivery() && isDue(packetId, true)) {
			// HiveMQ ignores a QoS 1 publish sent again before its PUBACK: that PUBACK answers both.
			return;
		}
		meter.read();
		if (publish.getQoS() != QoS.AT_MOST_ONCE) {
			due.add(new Due(packetId, true));
		}
	}

	private boolean isDue(int packetId, boolean passedOn) {
		for (Due ack : due) {
			if (ack.packetId == packetId && ack.passedOn == passedOn) {
				return true;
			}
		}
		return false;
	}

	/** A receipt came, on whatever thread: the answers due are written on the event loop. */
	private void answered(Due ack, Answer answer) {
		if (ack == null) {
			// QoS 0: nothing to write, only its place in flight to give back.
			if (context.executor().inEventLoop()) {
				meter.answered();
			}
			else {
				context.executor().execute(meter::answered);
			}
			return;
		}
		ack.answer = answer;
		if (drainScheduled.compareAndSet(false, true)) {
			context.executor().execute(this::drain);
		}
	}

	@Override
	public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
		if ((message instanceof PUBACK || message instanceof PUBREC) && !due.isEmpty()) {
			int packetId = ((MessageWithID) message).getPacketIdentifier();
			for (Due ack : due) {
				if (ack.passedOn && ack.packetId == packetId && ack.held == null) {
					ack.held = (MessageWithID) message;
					ack.promise = promise;
					drain();
					return;
				}
			}
		}
		super.write(context, message, promise);
	}

	/** Writes the answers due that are known, in order, up to the first that is not. */
	private void drain() {
		drainScheduled.set(false);
		boolean wrote = false;
		while (!closing && !due.isEmpty() && due.peekFirst().ready()) {
			Due ack = due.pollFirst();
			if (ack.passedOn) {
				context.write(ack.held, ack.promise);
			}
			else if (write(ack)) {
				meter.answered();
			}
			else {
				break;
			}
			wrote = true;
		}
		if (wrote) {
			context.flush();
		}
	}

	/** Writes a PUBACK; false when the device is to be disconnected instead. */
	private boolean write(Due ack) {
		Answer answer = ack.answer;
		if (!mqtt5 && answer.isError()) {
			// An MQTT 3 device is told by losing its connection; it sends the publish again.
			closing = true;
			context.flush();
			context.channel().close();
			return false;
		}
		context.write(Pubacks.of(ack.packetId, answer));
		return true;
	}

	@Override
	public void channelWritabilityChanged(ChannelHandlerContext context) throws Exception {
		meter.writable(context.channel().isWritable());
		super.channelWritabilityChanged(context);
	}

	@Override
	public void channelInactive(ChannelHandlerContext context) throws Exception {
		closing = true;
		for (Due ack : due) {
			if (ack.promise != null) {
				ack.promise.tryFailure(new ClosedChannelException());
			}
		}
		due.clear();
		meter.close();
		super.channelInactive(context);
	}

	private static byte[] payload(PUBLISH publish) {
		byte[] payload = publish.getPayload();
		return payload == null ? new byte[0] : payload;
	}

}
