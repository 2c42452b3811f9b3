package org.cabildo.identity.security;

import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;

import org.cabildo.identity.AuditLog;
import org.cabildo.identity.Caller;
import org.cabildo.identity.Devices;
import org.cabildo.sensing.DeviceDirectory;
import org.springframework.stereotype.Component;

/**
 * Devices as the MQTT broker sees them: a device signs in with its name as user name and its
 * secret as password, and may then publish Observations to the Datastreams it is bound to.
 * People's passwords and API tokens are not accepted over MQTT: people write over HTTP. Failed
 * sign-ins are rate-limited and audited as over HTTP.
 * {@link Devices} publishes {@link DeviceDirectory.Changed} when bindings change or a device
 * is revoked.
 */
@Component
class DeviceSignIn implements DeviceDirectory {

	private final Devices devices;

	private final Clock clock;

	private final RateLimits limits;

	private final AuditLog audit;

	DeviceSignIn(Devices devices, Clock clock, RateLimits limits, AuditLog audit) {
		this.devices = devices;
		this.clock = clock;
		this.limits = limits;
		this.audit = audit;
	}

	@Override
	public Optional<Device> authenticate(String name, String secret, String address) {
		if (limits.signInBlocked(name, address).isPresent()) {
			audit.record("sign-in-failed", null, name, "MQTT: too many failed sign-ins", address);
			return Optional.empty();
		}
		Optional<Device> device = devices.authenticate(name, secret)
			.filter(Caller::isDevice)
			.flatMap(caller -> current(caller.id()));
		if (device.isEmpty()) {
			limits.signInFailed(name, address);
			audit.record("sign-in-failed", null, name, "MQTT: wrong device name or secret", address);
		}
		return device;
	}

	@Override
	public Optional<Device> current(long id) {
		return devices.byId(id)
			.filter(device -> device.revokedAt() == null)
			.map(device -> new Device(device.id(), device.name(), new HashSet<>(device.datastreams()),
					device.expiresAt()))
			.filter(device -> !device.isExpiredAt(clock.instant()));
	}

}
