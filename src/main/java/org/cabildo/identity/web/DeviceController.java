package org.cabildo.identity.web;

import java.time.Instant;
import java.util.List;

import org.cabildo.identity.Device;
import org.cabildo.identity.Issued;
import org.cabildo.identity.OrganisationDevices;
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
 * is bound only to its own organisation's Datastreams. The checks are {@link OrganisationDevices}'s,
 * which the portal's console uses too.
 */
@RestController
@RequestMapping("/api/identity/devices")
@Tag(name = "Identity: devices")
class DeviceController {

	record NewDevice(String name, long organisation, Instant expiresAt) {
	}

	record NewBinding(long datastream) {
	}

	private final OrganisationDevices devices;

	DeviceController(OrganisationDevices devices) {
		this.devices = devices;
	}

	@GetMapping
	@Operation(summary = "The devices of an organisation (its admins)")
	List<Device> list(@RequestParam long organisation) {
		return devices.of(organisation);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Creates a device; its secret (its bearer token, and MQTT password) is shown in this answer only")
	Issued create(@RequestBody NewDevice body) {
		return devices.create(Names.checked(body.name(), "/name"), body.organisation(), body.expiresAt());
	}

	@PostMapping("/{id}/secret")
	@Operation(summary = "Gives a device a new secret, shown in this answer only; the old one stops working at once")
	Issued rotate(@PathVariable long id) {
		return devices.rotate(id);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Revokes a device's credential; it stops working at once")
	Device revoke(@PathVariable long id) {
		return devices.revoke(id);
	}

	@PostMapping("/{id}/bindings")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Lets a device write Observations to a Datastream of its organisation")
	Device bind(@PathVariable long id, @RequestBody NewBinding body) {
		return devices.bind(id, body.datastream());
	}

	@DeleteMapping("/{id}/bindings/{datastream}")
	@Operation(summary = "Stops a device writing to a Datastream")
	Device unbind(@PathVariable long id, @PathVariable long datastream) {
		return devices.unbind(id, datastream);
	}

}
