package org.cabildo.sensing.mqtt;

import java.lang.reflect.Field;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.hivemq.bootstrap.netty.ChannelHandlerNames;
import com.hivemq.extension.sdk.api.client.parameter.ConnectionInformation;
import com.hivemq.mqtt.message.publish.PUBLISH;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;

/**
 * Stops the embedded broker reading from the network while too many publishes wait to be taken.
 * HiveMQ CE reads every connection as fast as it can and queues each publish for the extension
 * without limit, while {@link PublishIntake} takes a client's publishes one at a time, each
 * waiting for room in the ingest queue and for its commit: when the database does not keep up,
 * that queue would grow until the heap is gone. So a handler behind the MQTT decoder of each
 * connection counts the publishes read and not yet taken; above {@link #limit} in all, the
 * connection a publish arrives on stops reading (TCP then pushes back on the device), and all
 * stopped connections read again once half of them are taken.
 * <p>
 * The SDK offers no way to the connection, so its Netty channel is found through HiveMQ's
 * internals (pinned by the version in the pom); should that fail, nothing is paused and a
 * warning says so.
 */
class ReadGate {

	private static final Logger log = LoggerFactory.getLogger(ReadGate.class);

	private static final AttributeKey<Counter> COUNTER = AttributeKey.valueOf("cabildo.read-gate");

	private static final Field CHANNEL = channelField();

	private final int limit;

	private final AtomicInteger waiting = new AtomicInteger();

	private final Set<Channel> paused = ConcurrentHashMap.newKeySet();

	/** @param limit publishes read and not yet taken, over all connections, before reading stops */
	ReadGate(int limit) {
		this.limit = limit;
	}

	/** Counts the publishes of a new connection. */
	void install(ConnectionInformation connection) {
		channel(connection).ifPresent(this::install);
	}

	/** A publish of this connection was taken (or passed on): it no longer waits. */
	void taken(ConnectionInformation connection) {
		channel(connection).ifPresent(this::taken);
	}

	void install(Channel channel) {
		Counter counter = new Counter();
		channel.attr(COUNTER).set(counter);
		channel.pipeline().addAfter(ChannelHandlerNames.MQTT_MESSAGE_DECODER, "cabildo_read_gate", counter);
	}

	void taken(Channel channel) {
		Counter counter = channel.attr(COUNTER).get();
		if (counter != null) {
			counter.taken();
		}
	}

	int waiting() {
		return waiting.get();
	}

	private void release(int publishes) {
		if (waiting.addAndGet(-publishes) <= limit / 2 && !paused.isEmpty()) {
			resumeAll();
		}
	}

	private void pause(Channel channel) {
		channel.config().setAutoRead(false);
		paused.add(channel);
		if (waiting.get() <= limit / 2) {
			// Everything was taken meanwhile: nothing else would resume it.
			resumeAll();
		}
	}

	private void resumeAll() {
		for (Iterator<Channel> channels = paused.iterator(); channels.hasNext();) {
			Channel channel = channels.next();
			channels.remove();
			channel.config().setAutoRead(true);
		}
	}

	/** Counts one connection's publishes, so that those it leaves untaken are released when it closes. */
	private final class Counter extends ChannelInboundHandlerAdapter {

		private final AtomicInteger untaken = new AtomicInteger();

		@Override
		public void channelRead(ChannelHandlerContext context, Object message) {
			if (message instanceof PUBLISH) {
				untaken.incrementAndGet();
				if (waiting.incrementAndGet() > limit) {
					pause(context.channel());
				}
			}
			context.fireChannelRead(message);
		}

		@Override
		public void channelInactive(ChannelHandlerContext context) throws Exception {
			paused.remove(context.channel());
			release(untaken.getAndSet(0));
			super.channelInactive(context);
		}

		void taken() {
			if (untaken.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
				release(1);
			}
		}

	}

	private static Optional<Channel> channel(ConnectionInformation connection) {
		if (CHANNEL == null) {
			return Optional.empty();
		}
		try {
			return Optional.ofNullable((Channel) CHANNEL.get(connection.getConnectionAttributeStore()));
		}
		catch (IllegalAccessException | IllegalArgumentException | ClassCastException e) {
			return Optional.empty();
		}
	}

	private static Field channelField() {
		try {
			Field field = Class.forName("com.hivemq.extensions.client.parameter.ConnectionAttributeStoreImpl")
				.getDeclaredField("channel");
			field.setAccessible(true);
			return field;
		}
		catch (ReflectiveOperationException | RuntimeException e) {
			log.warn("MQTT: cannot reach the broker's connections ({}); reading will not pause when the database"
					+ " does not keep up", e.toString());
			return null;
		}
	}

}
