package org.cabildo.indicators;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.cabildo.platform.CitySettings;
import org.cabildo.sensing.geo.GeoJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Brings districts in from a GeoJSON FeatureCollection: each district added, or changed where the
 * file says otherwise (by its code), all in one transaction, then every Thing placed again. A
 * district the file does not name stays. At start, the city's file ({@code cabildo.city.districts})
 * is imported so: starting again with the same file changes nothing.
 */
@Service
class DistrictImport {

	private static final Logger log = LoggerFactory.getLogger(DistrictImport.class);

	/**
	 * What an import did.
	 *
	 * @param added districts that were not there
	 * @param changed districts whose name, population, properties or boundary the file changed
	 * @param unchanged districts the file holds as they were
	 * @param thingsPlaced how many Things are in a district after it
	 */
	record Imported(int added, int changed, int unchanged, long thingsPlaced) {
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final DistrictRegister register;

	private final ThingPlacements placements;

	private final Clock clock;

	private final CitySettings city;

	private final ResourceLoader resources;

	private final ApplicationEventPublisher events;

	DistrictImport(JdbcClient jdbc, PlatformTransactionManager transactions, DistrictRegister register,
			ThingPlacements placements, Clock clock, CitySettings city, ResourceLoader resources,
			ApplicationEventPublisher events) {
		this.events = events;
		this.city = city;
		this.resources = resources;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.register = register;
		this.placements = placements;
		this.clock = clock;
	}

	/** Imports a file of districts; what is wrong with it is a 400 and nothing is stored. */
	Imported put(byte[] body, DistrictsFile file) {
		List<DistrictsFile.Feature> features = file.read(body);
		int[] counts = transaction.execute(status -> store(features));
		register.forget();
		long placed = placements.placeAll();
		events.publishEvent(new DistrictsChanged(counts[0] + counts[1] > 0));
		return new Imported(counts[0], counts[1], counts[2], placed);
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		Optional<Imported> imported = city.districts().isBlank() ? Optional.empty()
				: Optional.of(put(read(resources.getResource(city.districts().strip())), DistrictsFile.DEFAULT));
		imported.ifPresentOrElse(i -> log.info("Districts from {}: {} added, {} changed, {} unchanged; {} Things placed",
				city.districts(), i.added(), i.changed(), i.unchanged(), i.thingsPlaced()), placements::placeAll);
	}

	private static byte[] read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new IllegalStateException("cabildo.city.districts (CABILDO_CITY_DISTRICTS) '" + resource
					+ "' cannot be read: " + e.getMessage(), e);
		}
	}

	private int[] store(List<DistrictsFile.Feature> features) {
		Timestamp now = Timestamp.from(clock.instant());
		int[] counts = new int[3];
		for (DistrictsFile.Feature feature : features) {
			String boundary = JsonMapper.shared().writeValueAsString(GeoJson.write(feature.boundary()));
			Optional<Row> before = jdbc.sql("SELECT name, population, properties, boundary FROM districts WHERE id = ?")
				.param(feature.id())
				.query((rs, n) -> new Row(rs.getString(1), rs.getObject(2, Long.class), rs.getString(3), rs.getString(4)))
				.optional();
			Row row = new Row(feature.name(), feature.population(), feature.properties(), boundary);
			if (before.isEmpty()) {
				jdbc.sql("""
						INSERT INTO districts (id, name, population, properties, boundary, area_km2, imported_at)
						VALUES (?, ?, ?, ?, ?, ?, ?)""")
					.params(feature.id(), row.name(), row.population(), row.properties(), boundary, feature.areaKm2(), now)
					.update();
				counts[0]++;
			}
			else if (!before.get().equals(row)) {
				jdbc.sql("""
						UPDATE districts SET name = ?, population = ?, properties = ?, boundary = ?, area_km2 = ?,
						imported_at = ? WHERE id = ?""")
					.params(row.name(), row.population(), row.properties(), boundary, feature.areaKm2(), now, feature.id())
					.update();
				counts[1]++;
			}
			else {
				counts[2]++;
			}
		}
		return counts;
	}

	private record Row(String name, Long population, String properties, String boundary) {
	}

}
