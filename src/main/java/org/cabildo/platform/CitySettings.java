package org.cabildo.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the city the platform serves ({@code cabildo.city.*}).
 *
 * @param timeZone the IANA name of the city's time zone (env {@code CABILDO_CITY_TIME_ZONE}), e.g.
 * {@code America/Mexico_City}: local days and months of aggregates and summaries, and times without
 * a UTC offset of Datastreams that say their times are local; UTC by default
 * @param districts where the city's districts are: a GeoJSON FeatureCollection of Polygons or
 * MultiPolygons, each with a {@code name} (and a {@code district_id}) property, as a resource
 * location ({@code classpath:...}, {@code file:...}); empty (the default): the city has none,
 * and the portal's map shows the streams alone
 * @param districtsAttribution whom the district boundaries come from, shown with them
 * @param airIndex the city's local air-quality index (env {@code CABILDO_CITY_AIR_INDEX}), by which
 * the portal colours the city's air: {@code nom-172-semarnat-2019} (Mexico's "Índice AIRE Y SALUD")
 * or {@code none} (the default: the WHO guidelines only)
 */
@ConfigurationProperties("cabildo.city")
public record CitySettings(@DefaultValue("UTC") String timeZone, @DefaultValue("") String districts,
		@DefaultValue("") String districtsAttribution, @DefaultValue("none") String airIndex) {
}
