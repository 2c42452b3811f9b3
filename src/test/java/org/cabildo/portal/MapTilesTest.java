package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The street map's tile host, as the map page's policy names it: the host alone (subdomains as
 * {@code *.}), and a setting that is no tile template, or would smuggle more into the policy,
 * stops the start.
 */
class MapTilesTest {

	@Test
	void namesTheTileHostOnly() {
		assertThat(MapTiles.source("https://tile.openstreetmap.org/{z}/{x}/{y}.png"))
			.isEqualTo("https://tile.openstreetmap.org");
		assertThat(MapTiles.source("https://{s}.tile.example.org:8443/osm/{z}/{x}/{y}{r}.png"))
			.isEqualTo("https://*.tile.example.org:8443");
		assertThat(new MapTiles(new PortalSettings(new PortalSettings.MapLayers("", ""))).any()).isFalse();
	}

	@Test
	void refusesWhatIsNoTileTemplate() {
		for (String setting : new String[] { "https://tiles.example.org/{z}/{x}.png", "javascript:alert(1)/{z}/{x}/{y}",
				"https://tiles.example.org/{z}/{x}/{y}.png; script-src *", "https://tiles.example.org {z}/{x}/{y}",
				"https://{z}.example.org/{z}/{x}/{y}.png", "https://tiles.example.org'/{z}/{x}/{y}.png" }) {
			assertThatThrownBy(() -> new MapTiles(new PortalSettings(new PortalSettings.MapLayers(setting, "x"))))
				.as(setting)
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("cabildo.portal.map.tiles");
		}
	}

}
