package org.cabildo.portal;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The portal's icon. Every page names it ({@code /portal/favicon.svg}); a browser that asks the
 * old address {@code /favicon.ico} anyway (for a bookmark, or a page of the API) is sent there.
 */
@Controller
@Hidden
class IconController {

	static final String ICON = "/portal/favicon.svg";

	@GetMapping("/favicon.ico")
	ResponseEntity<Void> favicon() {
		return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
			.location(URI.create(ICON))
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.build();
	}

}
