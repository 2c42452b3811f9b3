package org.cabildo.sensing.web;

import java.io.IOException;

import org.cabildo.platform.PlatformSettings;
import org.cabildo.sensing.write.DraftReader;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The SensorThings API over HTTP, under {@code /v1.1} and {@code /v1.0}. Resource paths are
 * OData-style ({@code Things(1)/Datastreams}), so one handler per method reads them and
 * hands the request to {@link Resources}, which a {@code $batch} uses as well.
 * Documented in the OpenAPI document by {@link SensorThingsOpenApi}.
 */
@Hidden
@RestController
@RequestMapping({ "/v1.0", "/v1.0/**", "/v1.1", "/v1.1/**" })
class SensorThingsController {

	private final Resources resources;

	private final RequestBodies bodies;

	private final PlatformSettings platform;

	SensorThingsController(Resources resources, RequestBodies bodies, PlatformSettings platform) {
		this.resources = resources;
		this.bodies = bodies;
		this.platform = platform;
	}

	@GetMapping
	void get(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Call call = Call.of(request, platform);
		resources.get(call, QueryParameters.system(QueryParameters.of(request))).send(response);
	}

	@PostMapping
	void post(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Call call = Call.of(request, platform);
		resources.post(call, QueryParameters.of(request), () -> bodies.read(request)).send(response);
	}

	@PatchMapping
	void patch(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Call call = Call.of(request, platform);
		resources.update(call, () -> bodies.read(request), DraftReader.Mode.PATCH).send(response);
	}

	@PutMapping
	void put(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Call call = Call.of(request, platform);
		resources.update(call, () -> bodies.read(request), DraftReader.Mode.PUT).send(response);
	}

	@DeleteMapping
	void delete(HttpServletRequest request, HttpServletResponse response) throws IOException {
		resources.delete(Call.of(request, platform)).send(response);
	}

}
