package org.cabildo.sensing.write;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.cabildo.platform.CityTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An Observation's times written without UTC offset, read once its stream is known: in the
 * city's time zone ({@code cabildo.city.time-zone}) where the Datastream or MultiDatastream says its
 * times are local, by the reserved property {@value #KEY} {@code : true}; otherwise refused, never
 * taken as UTC. A local time the clocks skipped or showed twice (a change of clocks) is refused too.
 */
@Component
class LocalTimes {

	static final String KEY = "cabildo:localTime";

	private static final JsonMapper JSON = JsonMapper.shared();

	private final JdbcClient jdbc;

	private final CityTime city;

	private final ObservationPartitions partitions;

	LocalTimes(JdbcClient jdbc, CityTime city, ObservationPartitions partitions) {
		this.jdbc = jdbc;
		this.city = city;
		this.partitions = partitions;
	}

	/** What one append knows of its streams. */
	Reading reading() {
		return new Reading();
	}

	final class Reading {

		private final Map<Long, Boolean> local = new HashMap<>();

		/**
		 * The row with its times without offset read in the city's zone.
		 *
		 * @throws IllegalArgumentException with the reason they cannot be
		 */
		NewObservation read(NewObservation row) {
			if (row.unzoned().isEmpty()) {
				return row;
			}
			String fields = row.unzoned().entrySet().stream()
				.map(field -> field.getKey() + " '" + field.getValue() + "'")
				.collect(Collectors.joining(", "));
			if (!local.computeIfAbsent(row.datastreamId(), LocalTimes.this::saysLocal)) {
				throw new IllegalArgumentException(fields + " has no UTC offset, and a time without one is not taken as"
						+ " UTC: write it with the offset of the clock that took it (e.g. 2024-01-01T10:00:00-06:00 or"
						+ " 2024-01-01T16:00:00Z), or give " + row.stream().entityName() + " " + row.datastreamId()
						+ " the property \"" + KEY + "\": true to have its times without offset read in the city's"
						+ " time zone (" + city.name() + ")");
			}
			NewObservation read;
			try {
				read = row.inZone(city.zone());
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException(fields + ": " + e.getMessage(), e);
			}
			partitions.ensure(List.of(read.phenomenonTime().start()));
			return read;
		}

	}

	private boolean saysLocal(long stream) {
		String properties = jdbc.sql("SELECT properties FROM streams WHERE id = ?").param(stream)
			.query(String.class)
			.optional()
			.orElse(null);
		if (properties == null) {
			return false;
		}
		JsonNode node = JSON.readTree(properties);
		return node.path(KEY).isBoolean() && node.path(KEY).asBoolean();
	}

}
