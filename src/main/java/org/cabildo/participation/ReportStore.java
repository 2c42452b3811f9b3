package org.cabildo.participation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reports as the database holds them; a hidden report is read by no public query. */
@Repository
class ReportStore {

	private static final String COLUMNS = "id, token, service_code, status, status_notes, description, agency_responsible,"
			+ " service_notice, requested_at, updated_at, expected_at, answered_at, closed_at, address, address_id,"
			+ " zipcode, lat, lon, district_id, attributes, media_url, duplicate_of";

	private static final TypeReference<Map<String, Object>> ANSWERS = new TypeReference<>() {
	};

	/** A new report, its values checked. */
	record NewReport(String token, String jurisdiction, String serviceCode, String description, String agency,
			String notice, Report.Place place, Instant requested, Instant expected, Map<String, Object> attributes,
			String mediaUrl, Long duplicateOf, Reporter reporter) {
	}

	private final JdbcClient jdbc;

	ReportStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(NewReport report) {
		Report.Place place = report.place();
		Reporter who = report.reporter();
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO service_requests (token, jurisdiction_id, service_code, status, description,
				    agency_responsible, service_notice, requested_at, updated_at, expected_at, address, address_id,
				    lat, lon, district_id, attributes, media_url, duplicate_of, person_id, email, first_name,
				    last_name, phone, device_id, account_id)
				VALUES (:token, :jurisdiction, :service, 'open', :description, :agency, :notice, :requested,
				    :requested, :expected, :address, :addressId, :lat, :lon, :district, :attributes, :mediaUrl,
				    :duplicateOf, :person, :email, :firstName, :lastName, :phone, :deviceId, :accountId)""")
			.param("token", report.token())
			.param("jurisdiction", report.jurisdiction())
			.param("service", report.serviceCode())
			.param("description", report.description())
			.param("agency", report.agency())
			.param("notice", report.notice())
			.param("requested", Timestamp.from(report.requested()))
			.param("expected", report.expected() == null ? null : Timestamp.from(report.expected()))
			.param("address", place.address())
			.param("addressId", place.addressId())
			.param("lat", place.lat())
			.param("lon", place.lon())
			.param("district", place.district())
			.param("attributes", JsonMapper.shared().writeValueAsString(report.attributes()))
			.param("mediaUrl", report.mediaUrl())
			.param("duplicateOf", report.duplicateOf())
			.param("person", who.person())
			.param("email", who.email())
			.param("firstName", who.firstName())
			.param("lastName", who.lastName())
			.param("phone", who.phone())
			.param("deviceId", who.deviceId())
			.param("accountId", who.accountId())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void setMediaUrl(long id, String url) {
		jdbc.sql("UPDATE service_requests SET media_url = ? WHERE id = ?").params(url, id).update();
	}

	void insertPhoto(long id, Photos.Clean photo) {
		jdbc.sql("INSERT INTO service_request_photos (request_id, media_type, content) VALUES (?, ?, ?)")
			.params(id, photo.mediaType(), photo.content())
			.update();
	}

	Optional<Photos.Clean> photo(long id) {
		return jdbc.sql("""
				SELECT p.content, p.media_type FROM service_request_photos p
				JOIN service_requests r ON r.id = p.request_id
				WHERE p.request_id = ? AND r.hidden_at IS NULL""")
			.param(id)
			.query((rs, n) -> new Photos.Clean(rs.getBytes(1), rs.getString(2)))
			.optional();
	}

	Optional<Report> byId(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM service_requests WHERE id = ? AND hidden_at IS NULL")
			.param(id)
			.query(ReportStore::report)
			.optional();
	}

	boolean hidden(long id) {
		return jdbc.sql("SELECT COUNT(*) FROM service_requests WHERE id = ? AND hidden_at IS NOT NULL")
			.param(id)
			.query(Long.class)
			.single() > 0;
	}

	Optional<Long> idOfToken(String token) {
		return jdbc.sql("SELECT id FROM service_requests WHERE token = ? AND hidden_at IS NULL")
			.param(token)
			.query(Long.class)
			.optional();
	}

	/** Newest first, at most the query's limit. */
	List<Report> list(ReportQuery query) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM service_requests WHERE hidden_at IS NULL");
		var statement = new java.util.LinkedHashMap<String, Object>();
		if (query.ids() != null && !query.ids().isEmpty()) {
			sql.append(" AND id IN (:ids)");
			statement.put("ids", query.ids());
		}
		if (query.serviceCodes() != null && !query.serviceCodes().isEmpty()) {
			sql.append(" AND service_code IN (:services)");
			statement.put("services", query.serviceCodes());
		}
		if (query.statuses() != null && !query.statuses().isEmpty()) {
			sql.append(" AND status IN (:statuses)");
			statement.put("statuses", query.statuses());
		}
		if (query.districts() != null && !query.districts().isEmpty()) {
			sql.append(" AND district_id IN (:districts)");
			statement.put("districts", query.districts());
		}
		if (query.person() != null) {
			sql.append(" AND person_id = :person");
			statement.put("person", query.person());
		}
		if (query.from() != null) {
			sql.append(" AND requested_at >= :from");
			statement.put("from", Timestamp.from(query.from()));
		}
		if (query.to() != null) {
			sql.append(" AND requested_at <= :to");
			statement.put("to", Timestamp.from(query.to()));
		}
		sql.append(" ORDER BY requested_at DESC, id DESC OFFSET ").append(query.offset()).append(" ROWS FETCH FIRST ")
			.append(query.limit())
			.append(" ROWS ONLY");
		return jdbc.sql(sql.toString()).params(statement).query(ReportStore::report).list();
	}

	/**
	 * Open reports of a service filed since {@code since} whose point lies in the box around a
	 * place (the caller measures the real distance).
	 */
	List<Report> openNear(String serviceCode, double south, double west, double north, double east, Instant since) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM service_requests
				WHERE service_code = :service AND status = 'open' AND hidden_at IS NULL AND requested_at >= :since
				  AND lat BETWEEN :south AND :north AND lon BETWEEN :west AND :east
				ORDER BY requested_at DESC FETCH FIRST 50 ROWS ONLY""")
			.param("service", serviceCode)
			.param("since", Timestamp.from(since))
			.param("south", south)
			.param("north", north)
			.param("west", west)
			.param("east", east)
			.query(ReportStore::report)
			.list();
	}

	/** Adds a public note; the first answers the report, a closing one closes it. */
	void note(long id, Report.Status status, String note, String author, Instant at, long millisSinceFiled) {
		int seq = jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM service_request_notes WHERE request_id = ?")
			.param(id)
			.query(Integer.class)
			.single();
		jdbc.sql("INSERT INTO service_request_notes (request_id, seq, noted_at, status, note, author) VALUES (?, ?, ?, ?, ?, ?)")
			.params(id, seq, Timestamp.from(at), status.label(), note, author)
			.update();
		jdbc.sql("""
				UPDATE service_requests
				   SET status = :status, status_notes = :note, updated_at = :at,
				       answered_at = COALESCE(answered_at, :at), answer_millis = COALESCE(answer_millis, :millis),
				       closed_at = CASE WHEN :status = 'closed' THEN COALESCE(closed_at, :at) ELSE NULL END
				 WHERE id = :id""")
			.param("status", status.label())
			.param("note", note)
			.param("at", Timestamp.from(at))
			.param("millis", millisSinceFiled)
			.param("id", id)
			.update();
	}

	/** The public notes of a report, oldest first. */
	List<ReportNote> notes(long id) {
		return jdbc.sql("SELECT noted_at, status, note, author FROM service_request_notes WHERE request_id = ? ORDER BY seq")
			.param(id)
			.query((rs, n) -> new ReportNote(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	boolean hide(long id, String reason, Instant at) {
		return jdbc.sql("UPDATE service_requests SET hidden_at = ?, hidden_reason = ? WHERE id = ? AND hidden_at IS NULL")
			.params(Timestamp.from(at), reason, id)
			.update() == 1;
	}

	boolean flagAbuse(long id) {
		return jdbc.sql("UPDATE service_requests SET abuse_reports = abuse_reports + 1 WHERE id = ? AND hidden_at IS NULL")
			.param(id)
			.update() == 1;
	}

	private static Report report(ResultSet rs, int row) throws SQLException {
		Report.Place place = new Report.Place(number(rs, "lat"), number(rs, "lon"), rs.getString("address"),
				rs.getString("address_id"), rs.getString("zipcode"), rs.getString("district_id"));
		Report.Times times = new Report.Times(instant(rs, "requested_at"), instant(rs, "updated_at"),
				instant(rs, "expected_at"), instant(rs, "answered_at"), instant(rs, "closed_at"));
		long duplicate = rs.getLong("duplicate_of");
		Long duplicateOf = rs.wasNull() ? null : duplicate;
		return new Report(rs.getLong("id"), rs.getString("token"), rs.getString("service_code"),
				Report.Status.of(rs.getString("status")).orElseThrow(), rs.getString("status_notes"),
				rs.getString("description"), rs.getString("agency_responsible"), rs.getString("service_notice"), place,
				times, JsonMapper.shared().readValue(rs.getString("attributes"), ANSWERS), rs.getString("media_url"),
				duplicateOf);
	}

	private static Double number(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

}
