package org.cabildo.sensing;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The device credentials MQTT clients sign in with, asked by the embedded broker on CONNECT and
 * answered by the module that keeps them (identity). The broker keeps what it is told for the
 * connection's life, so that a publish is authorised from memory; the implementation publishes
 * {@link Changed} (after its transaction commits) whenever a device's bindings change or it is
 * revoked, and the broker asks again. Without an implementation, every client may do everything.
 */
public interface DeviceDirectory {

	/**
	 * A device as it may act now.
	 *
	 * @param datastreams the Datastreams it may create Observations in
	 * @param expiresAt when its credential stops working, null for never
	 */
	record Device(long id, String name, Set<Long> datastreams, Instant expiresAt) {

		public Device {
			datastreams = Set.copyOf(datastreams);
		}

		public boolean isExpiredAt(Instant now) {
			return expiresAt != null && !expiresAt.isAfter(now);
		}

	}

	/** A device's bindings changed, or it was revoked: what the broker knows of it is out of date. */
	record Changed(long device) {
	}

	/**
	 * The device of this name, if the secret is its own and it is neither revoked nor expired.
	 * Failures count against the name and the client's address; after too many, even the right
	 * secret is refused for a while.
	 *
	 * @param address the client's IP address, null if unknown
	 */
	Optional<Device> authenticate(String name, String secret, String address);

	/** The device as it is now; empty once it is revoked, expired or gone. */
	Optional<Device> current(long id);

}
