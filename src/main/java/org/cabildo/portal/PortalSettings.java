package org.cabildo.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the portal ({@code cabildo.portal.*}).
 *
 * @param map the map of every sensor ({@code cabildo.portal.map.*})
 */
@ConfigurationProperties("cabildo.portal")
record PortalSettings(@DefaultValue MapLayers map) {

	/**
	 * What the map draws besides the streams and the city's districts.
	 *
	 * @param tiles a street map's tile URL template, such as
	 * {@code https://tile.openstreetmap.org/{z}/{x}/{y}.png} ({@code {s}} may stand first in the
	 * host for its subdomains); empty (the default): no street map, and the map asks nothing of any
	 * other server. The map page's policy lets images come from that host only.
	 * @param tilesAttribution whom the tiles come from, as their terms ask it to be shown
	 */
	record MapLayers(@DefaultValue("") String tiles, @DefaultValue("") String tilesAttribution) {
	}

}
