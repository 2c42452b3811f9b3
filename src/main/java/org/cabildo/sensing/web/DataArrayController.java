package org.cabildo.sensing.web;

import java.io.IOException;

import org.cabildo.platform.PlatformSettings;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code POST /v1.1/CreateObservations} (and 1.0): many Observations at once, see {@link CreateObservations}. */
@Hidden
@RestController
class DataArrayController {

	private final CreateObservations creation;

	private final RequestBodies bodies;

	private final PlatformSettings platform;

	DataArrayController(CreateObservations creation, RequestBodies bodies, PlatformSettings platform) {
		this.creation = creation;
		this.bodies = bodies;
		this.platform = platform;
	}

	@PostMapping({ "/v1.0/CreateObservations", "/v1.1/CreateObservations" })
	void create(HttpServletRequest request, HttpServletResponse response) throws IOException {
		creation.create(Call.of(request, platform), QueryParameters.of(request), () -> bodies.read(request))
			.send(response);
	}

}
