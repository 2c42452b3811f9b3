package org.cabildo.identity;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.cabildo.platform.ApiException;
import org.cabildo.sensing.SensorThings;
import org.cabildo.sensing.WriteAccess;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Devices as the admins of their organisations manage them, for the signed-in caller of the
 * request: the identity API and the portal's console both go through here, so that each makes
 * the same checks. A device is managed by those who are admin of its organisation and of every
 * organisation owning a Datastream it writes to; it is bound only to its own organisation's
 * Datastreams. Its secret is in the answer to its creation or rotation only.
 */
@Service
public class OrganisationDevices {

	private final Devices devices;

	private final SensorThings things;

	OrganisationDevices(Devices devices, SensorThings things) {
		this.devices = devices;
		this.things = things;
	}

	/** The devices of an organisation (its admins). */
	public List<Device> of(long organisation) {
		Caller.signedIn().requireAdmin(organisation);
		return devices.all(organisation);
	}

	/** A device, for the admins of its organisation. */
	public Device get(long id) {
		Device device = device(id);
		Caller.signedIn().requireAdmin(device.organisation());
		return device;
	}

	/** A new device of the organisation; its secret is in this answer only. */
	public Issued create(String name, long organisation, Instant expiresAt) {
		Caller caller = Caller.signedIn().requireAdmin(organisation);
		return devices.create(name, organisation, expiresAt, caller.toString());
	}

	/** A new secret for the device; the old one stops working at once, the new one is in this answer only. */
	public Issued rotate(long id) {
		Caller caller = managing(id);
		return devices.rotate(id, caller.toString());
	}

	/** Revokes the device's credential; it stops working at once. */
	public Device revoke(long id) {
		Caller caller = managing(id);
		devices.revoke(id, caller.toString());
		return device(id);
	}

	/** Lets the device write Observations to a Datastream of its organisation. */
	public Device bind(long id, long datastream) {
		Caller caller = managing(id);
		Device device = device(id);
		Set<Long> owners = things.organisationsOf("Datastreams", datastream);
		if (owners.isEmpty()) {
			throw ApiException.notFound("Datastream " + datastream + " does not exist");
		}
		if (!owners.equals(Set.of(device.organisation()))) {
			throw new ApiException(HttpStatus.FORBIDDEN, "a device is bound only to Datastreams of its own organisation")
				.with("rule", "device-of-owner");
		}
		devices.bind(id, datastream, caller.toString());
		return device(id);
	}

	/** Stops the device writing to a Datastream. */
	public Device unbind(long id, long datastream) {
		Caller caller = managing(id);
		devices.unbind(id, datastream, caller.toString());
		return device(id);
	}

	/**
	 * The caller, if an admin of the device's organisation and of every organisation owning a
	 * Datastream it writes to (ownership of a Datastream can change after it was bound).
	 */
	private Caller managing(long id) {
		Device device = device(id);
		Set<Long> organisations = new TreeSet<>(Set.of(device.organisation()));
		for (long datastream : device.datastreams()) {
			organisations.addAll(things.organisationsOf("Datastreams", datastream));
		}
		organisations.remove(WriteAccess.UNASSIGNED);
		return Caller.signedIn().requireAdminOfEach(organisations, "managing device " + id);
	}

	private Device device(long id) {
		return devices.byId(id).orElseThrow(() -> ApiException.notFound("there is no device " + id));
	}

}
