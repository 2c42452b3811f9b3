package org.cabildo.portal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * The street map under the sensor map, when one is set ({@code cabildo.portal.map.tiles}): its
 * URL template, whom it comes from, and the one host the map page's policy lets images come from.
 */
@Component
class MapTiles {

	/** scheme://host[:port]/path with {z}, {x} and {y}; {s} may stand for the host's first label. */
	private static final Pattern TEMPLATE = Pattern
		.compile("(https?)://((?:\\{s\\}\\.)?[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*(?::\\d{1,5})?)/[^\\s;,'\"]*");

	private final String template;

	private final String attribution;

	private final String source;

	MapTiles(PortalSettings settings) {
		this.template = settings.map().tiles().strip();
		this.attribution = settings.map().tilesAttribution().strip();
		this.source = template.isEmpty() ? "" : source(template);
	}

	/** Whether a street map is set. */
	boolean any() {
		return !template.isEmpty();
	}

	String template() {
		return template;
	}

	String attribution() {
		return attribution;
	}

	/** The host the tiles come from, as a Content-Security-Policy source; empty without a street map. */
	String source() {
		return source;
	}

	static String source(String template) {
		Matcher url = TEMPLATE.matcher(template);
		if (!url.matches() || !template.contains("{z}") || !template.contains("{x}") || !template.contains("{y}")) {
			throw new IllegalStateException("cabildo.portal.map.tiles (CABILDO_PORTAL_MAP_TILES) '" + template
					+ "' is not a tile URL template: give one such as https://tile.openstreetmap.org/{z}/{x}/{y}.png");
		}
		return url.group(1) + "://" + url.group(2).replace("{s}.", "*.");
	}

}
