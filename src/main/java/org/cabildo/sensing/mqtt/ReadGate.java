package org.cabildo.sensing.mqtt;

import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.hivemq.extension.sdk.api.client.parameter.ConnectionInformation;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/**
 * Stops the embedded broker reading from the network while too many publishes are in flight:
 * read and not yet answered (a QoS 1 one until its PUBACK is written, a QoS 0 one until it has
 * its place in the ingest queue, one HiveMQ processes until {@link PublishIntake} has taken it).
 * HiveMQ CE reads every connection as fast as it can, and publishes wait for the database: when
 * it does not keep up, they would pile up until the heap is gone. So each connection counts
 * its publishes in flight ({@link Meter}); above {@link #perConnection} of its own it stops
 * reading until half of them are answered, and above {@link #limit} in all, the connection a
 * publish arrives on stops reading until half of them all are answered. TCP then pushes back on
 * the devices; the broker may still decode what it had already read (some kilobytes). A
 * connection whose device does not read what is written to it (its PUBACKs) stops reading too,
 * until the device has caught up.
 */
class ReadGate {

	private static final AttributeKey<Meter> METER = AttributeKey.valueOf("cabildo.read-gate");

	private final int limit;

	private final int perConnection;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger peak = new AtomicInteger();

	private final AtomicLong stops = new AtomicLong();

	private final Set<Meter> paused = ConcurrentHashMap.newKeySet();

	/**
	 * @param limit publishes in flight over all connections before reading stops
	 * @param perConnection publishes in flight on one connection before it stops reading
	 */
	ReadGate(int limit, int perConnection) {
		this.limit = limit;
		this.perConnection = perConnection;
	}

	/** Counts the publishes of a new connection; its meter is used on the channel's event loop only. */
	Meter meter(Channel channel) {
		Meter meter = new Meter(channel);
		channel.attr(METER).set(meter);
		return meter;
	}

	/** A publish of this connection that HiveMQ processes was taken by {@link PublishIntake}. */
	void taken(ConnectionInformation connection) {
		BrokerChannels.of(connection).ifPresent(this::taken);
	}

	void taken(Channel channel) {
		Meter meter = channel.attr(METER).get();
		if (meter != null) {
			channel.eventLoop().execute(meter::answered);
		}
	}

	/** Publishes in flight over all connections. */
	int inFlight() {
		return inFlight.get();
	}

	/** The most publishes there were in flight over all connections at once. */
	int peak() {
		return peak.get();
	}

	/** How many times a connection stopped reading. */
	long stops() {
		return stops.get();
	}

	private void released() {
		if (inFlight.get() <= limit / 2 && !paused.isEmpty()) {
			for (Iterator<Meter> meters = paused.iterator(); meters.hasNext();) {
				Meter meter = meters.next();
				meters.remove();
				meter.channel.eventLoop().execute(meter::resumedByAll);
			}
		}
	}

	/** One connection's publishes in flight; used on its channel's event loop. */
	final class Meter {

		private final Channel channel;

		private int own;

		/** Over its own limit, until half of them are answered. */
		private boolean full;

		/** Stopped when over the limit of all, until half of them all are answered. */
		private boolean held;

		/** Stopped while the device does not read its answers (the channel's outbound buffer is full). */
		private boolean unwritable;

		/** Whether this meter stopped the channel reading (others may stop it too). */
		private boolean stopped;

		private boolean closed;

		private Meter(Channel channel) {
			this.channel = channel;
		}

		/** A publish was read: stops reading when there are too many. */
		void read() {
			if (closed) {
				return;
			}
			own++;
			if (own > perConnection) {
				full = true;
			}
			int all = inFlight.incrementAndGet();
			if (all > peak.get()) {
				peak.accumulateAndGet(all, Math::max);
			}
			if (all > limit && !held) {
				held = true;
				paused.add(this);
			}
			apply();
			if (held) {
				// Everything may have been answered meanwhile: nothing else would resume it.
				released();
			}
		}

		/** A publish was answered (or dropped); one the meter did not count is ignored. */
		void answered() {
			if (closed || own == 0) {
				return;
			}
			own--;
			if (full && own <= perConnection / 2) {
				full = false;
			}
			inFlight.decrementAndGet();
			released();
			apply();
		}

		/** The channel's writability changed: a device that does not read its PUBACKs is not read from either. */
		void writable(boolean writable) {
			unwritable = !writable;
			apply();
		}

		/** Publishes of this connection in flight. */
		int inFlight() {
			return own;
		}

		/** The connection closed: what it left in flight no longer counts. */
		void close() {
			if (closed) {
				return;
			}
			closed = true;
			inFlight.addAndGet(-own);
			own = 0;
			paused.remove(this);
			released();
		}

		private void resumedByAll() {
			held = false;
			apply();
		}

		private void apply() {
			boolean stop = (full || held || unwritable) && !closed;
			if (stop && (!stopped || channel.config().isAutoRead())) {
				// Again when the broker itself turned reading back on, e.g. after a SUBACK.
				if (!stopped) {
					stops.incrementAndGet();
				}
				stopped = true;
				channel.config().setAutoRead(false);
			}
			else if (!stop && stopped) {
				stopped = false;
				channel.config().setAutoRead(true);
			}
		}

	}

}
