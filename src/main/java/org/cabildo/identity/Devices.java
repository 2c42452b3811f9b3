package org.cabildo.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cabildo.platform.ApiException;
import org.cabildo.sensing.DeviceDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Devices: credentials that may only create Observations, in the datastreams they are bound
 * to. Over HTTP a device sends its secret as a bearer token; over MQTT its name as user name
 * and its secret as password, checked with {@link #authenticate(String, String)} (the broker
 * asks through {@link DeviceDirectory}). A change of bindings and a revocation are published
 * as {@link DeviceDirectory.Changed}.
 */
@Service
public class Devices {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CallerCache cache;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	Devices(JdbcClient jdbc, Clock clock, CallerCache cache, AuditLog audit, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.cache = cache;
		this.audit = audit;
		this.events = events;
	}

	/** A new device of an organisation with a random secret. */
	@Transactional
	public Issued create(String name, long organisation, Instant expiresAt, String actor) {
		return create(name, organisation, expiresAt, Secrets.random(Secrets.DEVICE_PREFIX), actor);
	}

	/** A new device with the secret given (the demo's); prefer the random one. */
	@Transactional
	public Issued create(String name, long organisation, Instant expiresAt, String secret, String actor) {
		String clean = name == null ? "" : name.strip();
		if (!clean.matches("[\\p{L}\\p{N}._:-]{1,200}")) {
			throw ApiException.badRequest("a device name is 1 to 200 letters, digits, '.', '_', ':' or '-'");
		}
		if (byName(clean).isPresent()) {
			throw new ApiException(HttpStatus.CONFLICT, "there is a device named '" + clean + "'");
		}
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO devices (name, organisation_id, secret_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
			.params(clean, organisation, Secrets.hash(secret), Secrets.utc(clock.instant()), Secrets.utc(expiresAt))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		audit.record("device-created", actor, "device " + clean, "organisation " + organisation, null);
		return new Issued(id, clean, secret, expiresAt);
	}

	@Transactional
	public void bind(long device, long datastream, String actor) {
		require(device);
		jdbc.sql("""
				INSERT INTO device_bindings (device_id, datastream_id)
				SELECT ?, ? FROM (VALUES (1)) one WHERE NOT EXISTS (
				    SELECT 1 FROM device_bindings WHERE device_id = ? AND datastream_id = ?)""")
			.params(device, datastream, device, datastream)
			.update();
		audit.record("device-bound", actor, "device " + device, "datastream " + datastream, null);
		cache.clear();
		events.publishEvent(new DeviceDirectory.Changed(device));
	}

	@Transactional
	public void unbind(long device, long datastream, String actor) {
		jdbc.sql("DELETE FROM device_bindings WHERE device_id = ? AND datastream_id = ?").params(device, datastream)
			.update();
		audit.record("device-unbound", actor, "device " + device, "datastream " + datastream, null);
		cache.clear();
		events.publishEvent(new DeviceDirectory.Changed(device));
	}

	/**
	 * Gives a device a new random secret: the old one stops working at once on this node, and
	 * the new one is in the answer only. A revoked device gets none (409).
	 */
	@Transactional
	public Issued rotate(long device, String actor) {
		Device current = byId(device).orElseThrow(() -> ApiException.notFound("there is no device " + device));
		if (current.revokedAt() != null) {
			throw new ApiException(HttpStatus.CONFLICT, "device " + device + " is revoked: create a new device instead")
				.with("rule", "revoked-device");
		}
		String previous = jdbc.sql("SELECT secret_hash FROM devices WHERE id = ?").param(device).query(String.class)
			.single();
		String secret = Secrets.random(Secrets.DEVICE_PREFIX);
		jdbc.sql("UPDATE devices SET secret_hash = ? WHERE id = ?").params(Secrets.hash(secret), device).update();
		cache.evict(previous);
		audit.record("device-secret-rotated", actor, "device " + device, null, null);
		events.publishEvent(new DeviceDirectory.Changed(device));
		return new Issued(device, current.name(), secret, current.expiresAt());
	}

	/** Revokes a device's credential; it stops working at once on this node. */
	@Transactional
	public void revoke(long device, String actor) {
		require(device);
		jdbc.sql("UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
			.params(Secrets.utc(clock.instant()), device)
			.update();
		jdbc.sql("SELECT secret_hash FROM devices WHERE id = ?").param(device).query(String.class).optional()
			.ifPresent(cache::evict);
		audit.record("device-revoked", actor, "device " + device, null, null);
		// The MQTT broker drops its connections once this commits.
		events.publishEvent(new DeviceDirectory.Changed(device));
	}

	@Transactional(readOnly = true)
	public Optional<Device> byId(long id) {
		return jdbc.sql("SELECT id, name, organisation_id, created_at, expires_at, revoked_at FROM devices WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Device(rs.getLong(1), rs.getString(2), rs.getLong(3),
					Tokens.instant(rs.getObject(4, OffsetDateTime.class)),
					Tokens.instant(rs.getObject(5, OffsetDateTime.class)),
					Tokens.instant(rs.getObject(6, OffsetDateTime.class)), bindings(rs.getLong(1))))
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<Device> byName(String name) {
		return jdbc.sql("SELECT id FROM devices WHERE name = ?").param(name).query(Long.class).optional()
			.flatMap(this::byId);
	}

	/** All devices, or those of one organisation. */
	@Transactional(readOnly = true)
	public List<Device> all(Long organisation) {
		var ids = organisation == null ? jdbc.sql("SELECT id FROM devices ORDER BY id").query(Long.class).list()
				: jdbc.sql("SELECT id FROM devices WHERE organisation_id = ? ORDER BY id").param(organisation)
					.query(Long.class)
					.list();
		return ids.stream().flatMap(id -> byId(id).stream()).toList();
	}

	/** The device a bearer secret stands for, if it is known, not revoked and not expired. */
	public Optional<Caller> authenticate(String secret) {
		return cache.get(Secrets.hash(secret), this::load);
	}

	/**
	 * The device of this name, if the secret is its own (as MQTT CONNECT gives them), it is not
	 * revoked and not expired.
	 */
	public Optional<Caller> authenticate(String name, String secret) {
		if (name == null || secret == null) {
			return Optional.empty();
		}
		return authenticate(secret).filter(device -> device.isDevice() && device.name().equals(name));
	}

	/** Whether a device may create Observations in a datastream: it is bound to it. */
	public boolean mayWrite(Caller device, long datastream) {
		return device.isDevice() && device.datastreams().contains(datastream);
	}

	private Optional<CallerCache.Entry> load(String hash) {
		record Row(long id, String name, long organisation, Instant expiresAt) {
		}
		// The first match only: two devices given the same secret (the demo's) are told apart by name over MQTT.
		return jdbc.sql("SELECT id, name, organisation_id, expires_at FROM devices WHERE secret_hash = ?"
				+ " AND revoked_at IS NULL ORDER BY id")
			.param(hash)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3),
					Tokens.instant(rs.getObject(4, OffsetDateTime.class))))
			.list()
			.stream()
			.findFirst()
			.map(row -> new CallerCache.Entry(new Caller(Caller.Kind.DEVICE, row.id(), row.name(), row.organisation(),
					Map.of(), new HashSet<>(bindings(row.id()))), row.expiresAt(), null));
	}

	private List<Long> bindings(long device) {
		return jdbc.sql("SELECT datastream_id FROM device_bindings WHERE device_id = ? ORDER BY datastream_id")
			.param(device)
			.query(Long.class)
			.list();
	}

	private void require(long device) {
		if (byId(device).isEmpty()) {
			throw ApiException.notFound("there is no device " + device);
		}
	}

}
