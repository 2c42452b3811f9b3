package org.cabildo.portal;

import java.time.Duration;

import org.cabildo.platform.ApiException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The map of every sensor: a list of the declared streams, filtered, that works without
 * JavaScript; the script {@code /portal/map.js} draws the same streams on a map above it, over the
 * city's districts (and a street map, when one is set).
 */
@Controller
@Hidden
class MapController {

	private static final MediaType GEOJSON = MediaType.parseMediaType("application/geo+json");

	private final MapPage page;

	private final Districts districts;

	private final MapTiles tiles;

	MapController(MapPage page, Districts districts, MapTiles tiles) {
		this.page = page;
		this.districts = districts;
		this.tiles = tiles;
	}

	@GetMapping("/map")
	String map(@RequestParam(required = false) String purpose, @RequestParam(required = false) String technology,
			@RequestParam(name = "class", required = false) String personalDataClass,
			@RequestParam(required = false) String organisation, @RequestParam(required = false) String stage,
			@RequestParam(name = "page", required = false) String number, @ModelAttribute("portal") PortalView portal,
			Model model, HttpServletResponse response) {
		if (tiles.any()) {
			response.setHeader("Content-Security-Policy", PortalConfiguration.contentSecurityPolicy(tiles.source()));
		}
		MapPage.Query query = new MapPage.Query(purpose, technology, personalDataClass, organisation, stage, number);
		try {
			model.addAttribute("map", page.of(portal.language(), query));
		}
		catch (ApiException refusal) {
			response.setStatus(refusal.status().value());
			model.addAttribute("map", page.refused(portal.language(), query, refusal));
		}
		return "portal/map";
	}

	@GetMapping("/map/districts.geojson")
	ResponseEntity<byte[]> districts() {
		return ResponseEntity.ok()
			.contentType(GEOJSON)
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.body(districts.simplifiedGeoJson());
	}

}
