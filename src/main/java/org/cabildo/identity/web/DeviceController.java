package org.cabildo.identity.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.cabildo.identity.Device;
import org.cabildo.identity.Devices;
import org.cabildo.identity.Issued;
import org.cabildo.platform.ApiException;
import org.cabildo.sensing.SensorThings;
import org.cabildo.sensing.WriteAccess;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Devices of an organisation and the Datastreams each may write to, managed by those who are
 * admin of the organisation and of every organisation owning one of those Datastreams. A device
 * is bound only to its own organisation's Datastreams.
 */
@RestController
@RequestMapping("/api/identity/devices")
@Tag(name = "Identity: devices")
class DeviceController {

	record NewDevice(String name, long organisation, Instant expiresAt) {
	}

	record NewBinding(long datastream) {
	}

	private final Devices devices;

	private final SensorThings things;

	DeviceController(Devices devices, SensorThings things) {
		this.devices = devices;
		this.things = things;
	}

	@GetMapping
	@Operation(summary = "The devices of an organisation (its admins)")
	List<Device> list(@RequestParam long organisation) {
		SignedIn.admin(organisation);
		return devices.all(organisation);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Creates a device; its secret (its bearer token, and MQTT password) is shown in this answer only")
	Issued create(@RequestBody NewDevice body) {
		SignedIn.admin(body.organisation());
		return devices.create(Names.checked(body.name(), "/name"), body.organisation(), body.expiresAt(), SignedIn.actor());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Revokes a device's credential; it stops working at once")
	Device revoke(@PathVariable long id) {
		managed(id);
		devices.revoke(id, SignedIn.actor());
		return device(id);
	}

	@PostMapping("/{id}/bindings")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Lets a device write Observations to a Datastream of its organisation")
	Device bind(@PathVariable long id, @RequestBody NewBinding body) {
		Device device = managed(id);
		Set<Long> owners = things.organisationsOf("Datastreams", body.datastream());
		if (owners.isEmpty()) {
			throw ApiException.notFound("Datastream " + body.datastream() + " does not exist");
		}
		if (!owners.equals(Set.of(device.organisation()))) {
			throw new ApiException(HttpStatus.FORBIDDEN, "a device is bound only to Datastreams of its own organisation")
				.with("rule", "device-of-owner");
		}
		devices.bind(id, body.datastream(), SignedIn.actor());
		return device(id);
	}

	@DeleteMapping("/{id}/bindings/{datastream}")
	@Operation(summary = "Stops a device writing to a Datastream")
	Device unbind(@PathVariable long id, @PathVariable long datastream) {
		managed(id);
		devices.unbind(id, datastream, SignedIn.actor());
		return device(id);
	}

	/**
	 * The device, if the caller is admin of its organisation and of every organisation owning a
	 * Datastream it writes to (ownership of a Datastream can change after it was bound).
	 */
	private Device managed(long id) {
		Device device = device(id);
		Set<Long> organisations = new TreeSet<>(Set.of(device.organisation()));
		for (long datastream : device.datastreams()) {
			organisations.addAll(things.organisationsOf("Datastreams", datastream));
		}
		organisations.remove(WriteAccess.UNASSIGNED);
		SignedIn.adminOfEach(organisations, "managing device " + id);
		return device;
	}

	private Device device(long id) {
		return devices.byId(id).orElseThrow(() -> ApiException.notFound("there is no device " + id));
	}

}
