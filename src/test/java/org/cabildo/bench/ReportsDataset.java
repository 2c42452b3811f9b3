package org.cabildo.bench;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The residents' reports {@code bench participation} loads: a year of them, ids in the order
 * they were filed, made from a seed so that a rerun knows every row without reading the table
 * (what each answer is checked against). The services, their offices and their questions are
 * the server's own list ({@code participation/services.json}).
 *
 * <p>
 * Shape: the services weighted as a city's 311 line sees them (potholes and garbage most),
 * filing times evenly spread over the 365 days before the load, points evenly in the box,
 * about 30 % closed (an older report more likely so), one in a thousand hidden by moderation.
 */
final class ReportsDataset {

	/** Changes whenever the rows made from a seed change: the loaded table is then made again. */
	static final int GENERATOR_VERSION = 1;

	/** The jurisdiction the server is started with and every row names. */
	static final String JURISDICTION = "cdmx.cabildo.bench";

	/** The box of the tests and the benchmark: [west, south, east, north]. */
	static final double WEST = -99.40;

	static final double SOUTH = 19.00;

	static final double EAST = -98.90;

	static final double NORTH = 19.60;

	static final Duration SPAN = Duration.ofDays(365);

	/** Every thousandth id is hidden by moderation: no public answer may hold it. */
	static final int HIDDEN_EVERY = 1000;

	/** How a city's 311 line is shared out (by service code; an unknown service weighs 20). */
	private static final Map<String, Integer> WEIGHTS = Map.of("pothole", 35, "streetlight-out", 25,
			"garbage-not-collected", 28, "air-quality-complaint", 12);

	private static final List<String> STREETS = List.of("Av. Insurgentes Sur", "Calz. de Tlalpan", "Eje Central",
			"Av. Revolución", "Calle Durango", "Av. Universidad", "Calle Bolívar", "Av. Chapultepec", "Calle Orizaba",
			"Av. Ermita Iztapalapa");

	private static final List<String> NOTES_OPEN = List.of("Recibido; se programó la visita.",
			"Turnado a la cuadrilla de la zona.");

	private static final List<String> NOTES_CLOSED = List.of("Atendido por la cuadrilla.", "Se resolvió en sitio.",
			"No se encontró el problema en el lugar indicado.");

	/** A service of the server's list, with what a report of it needs. */
	record Service(String code, String office, Duration expected, int weight, List<Question> questions,
			List<String> descriptions) {
	}

	/** A question of a service: its code, type, whether it is required, and the keys a list allows. */
	record Question(String code, String datatype, boolean required, List<String> keys) {
	}

	private final long reports;

	private final long seed;

	/** The instant the newest report may be filed at: the load's time, to the minute. */
	private final Instant until;

	private final List<Service> services;

	private final int[] cumulativeWeights;

	/** Per row (id - 1): when it was filed (epoch ms, ascending), its service, whether closed. */
	private final long[] requested;

	private final byte[] service;

	private final boolean[] closed;

	private ReportsDataset(long reports, long seed, Instant until, List<Service> services) {
		if (reports < 1 || reports > 50_000_000) {
			throw new IllegalArgumentException("--reports: 1 to 50M, not " + reports);
		}
		this.reports = reports;
		this.seed = seed;
		this.until = until;
		this.services = services;
		this.cumulativeWeights = new int[services.size()];
		int sum = 0;
		for (int i = 0; i < services.size(); i++) {
			sum += services.get(i).weight();
			cumulativeWeights[i] = sum;
		}
		int n = Math.toIntExact(reports);
		this.requested = new long[n];
		this.service = new byte[n];
		this.closed = new boolean[n];
		// the facts each answer is checked against; the rest of a row is made while copying
		Random random = new Random(seed);
		long start = until.minus(SPAN).toEpochMilli();
		double step = (double) SPAN.toMillis() / n;
		for (int i = 0; i < n; i++) {
			// stratified: one report in each slice of the year, so that ids follow filing time
			requested[i] = start + (long) ((i + random.nextDouble()) * step);
			service[i] = (byte) pick(random.nextInt(sum));
			double ageDays = (until.toEpochMilli() - requested[i]) / 86_400_000.0;
			closed[i] = random.nextDouble() < Math.min(0.95, 0.6 * ageDays / 365);
		}
	}

	/** The reports of a load at {@code until}, from the server's service list. */
	static ReportsDataset plan(long reports, long seed, Instant until) {
		return new ReportsDataset(reports, seed, until.truncatedTo(java.time.temporal.ChronoUnit.MINUTES),
				readServices());
	}

	long reports() {
		return reports;
	}

	long seed() {
		return seed;
	}

	Instant until() {
		return until;
	}

	Instant from() {
		return until.minus(SPAN);
	}

	List<Service> services() {
		return services;
	}

	String describe() {
		return String.format("%,d reports over the 365 days to %s, %d services, about %.0f %% closed, one in %,d hidden",
				reports, until, services.size(), 100.0 * closedCount() / reports, HIDDEN_EVERY);
	}

	private long closedCount() {
		long count = 0;
		for (boolean c : closed) {
			if (c) {
				count++;
			}
		}
		return count;
	}

	private int pick(int draw) {
		for (int i = 0; i < cumulativeWeights.length; i++) {
			if (draw < cumulativeWeights[i]) {
				return i;
			}
		}
		throw new IllegalStateException("weight " + draw);
	}

	/** A service at random, as often as the city's line sees it. */
	Service randomService(Random random) {
		return services.get(pick(random.nextInt(cumulativeWeights[cumulativeWeights.length - 1])));
	}

	// ---- what each loaded row is, by id

	static boolean hidden(long id) {
		return id % HIDDEN_EVERY == 0;
	}

	boolean loaded(long id) {
		return id >= 1 && id <= reports;
	}

	long requestedMillis(long id) {
		return requested[(int) (id - 1)];
	}

	String serviceCode(long id) {
		return services.get(service[(int) (id - 1)]).code();
	}

	boolean closed(long id) {
		return closed[(int) (id - 1)];
	}

	/** A loaded id the public may see, at random. */
	long randomVisibleId(Random random) {
		while (true) {
			long id = 1 + (long) (random.nextDouble() * reports);
			if (!hidden(id)) {
				return id;
			}
		}
	}

	/**
	 * How many loaded reports the public sees filed in {@code [from, to]} (ms, inclusive), of a
	 * service and status when given (null: any).
	 */
	long visibleBetween(long fromMillis, long toMillis, String serviceCode, Boolean wantClosed) {
		int first = lowerBound(fromMillis);
		long count = 0;
		for (int i = first; i < requested.length && requested[i] <= toMillis; i++) {
			if (hidden(i + 1L)) {
				continue;
			}
			if (serviceCode != null && !services.get(service[i]).code().equals(serviceCode)) {
				continue;
			}
			if (wantClosed != null && closed[i] != wantClosed) {
				continue;
			}
			count++;
		}
		return count;
	}

	private int lowerBound(long millis) {
		int at = Arrays.binarySearch(requested, millis);
		if (at < 0) {
			return -at - 1;
		}
		while (at > 0 && requested[at - 1] == millis) {
			at--;
		}
		return at;
	}

	// ---- answers to a service's questions, valid by its definition

	/** Answers as the form sends them ({@code attribute[code]=value}); optional ones half the time. */
	static Map<String, List<String>> answers(Service service, Random random, Instant filed) {
		Map<String, List<String>> answers = new LinkedHashMap<>();
		for (Question q : service.questions()) {
			if (!q.required() && random.nextBoolean()) {
				continue;
			}
			List<String> values = switch (q.datatype()) {
				case "singlevaluelist" -> List.of(q.keys().get(random.nextInt(q.keys().size())));
				case "multivaluelist" -> {
					List<String> keys = new ArrayList<>(q.keys());
					java.util.Collections.shuffle(keys, random);
					yield List.copyOf(keys.subList(0, 1 + random.nextInt(Math.min(2, keys.size()))));
				}
				case "number" -> List.of(Integer.toString(random.nextInt(15)));
				case "datetime" -> List.of(filed.minus(Duration.ofMinutes(30 + random.nextInt(600)))
					.atOffset(ZoneOffset.ofHours(-6))
					.withNano(0)
					.toString());
				case "string" -> List.of(String.format("%02d-%04d", 1 + random.nextInt(16), random.nextInt(10_000)));
				default -> List.of("Sin más detalle.");
			};
			answers.put(q.code(), values);
		}
		return answers;
	}

	/** The answers as the server stores them: a list for a multivaluelist, else the one value. */
	static String answersJson(Service service, Map<String, List<String>> answers) {
		Map<String, Object> stored = new LinkedHashMap<>();
		for (Question q : service.questions()) {
			List<String> values = answers.get(q.code());
			if (values != null) {
				stored.put(q.code(), q.datatype().equals("multivaluelist") ? values : values.getFirst());
			}
		}
		return JsonMapper.shared().writeValueAsString(stored);
	}

	/** What a resident writes, or nothing (about four in ten say nothing). */
	static String description(Service service, Random random) {
		if (random.nextInt(10) < 4) {
			return null;
		}
		return service.descriptions().get(random.nextInt(service.descriptions().size()));
	}

	/** A point evenly in the box, to 6 decimals as a phone's GPS gives it. */
	static double[] point(Random random) {
		double lat = SOUTH + random.nextDouble() * (NORTH - SOUTH);
		double lon = WEST + random.nextDouble() * (EAST - WEST);
		return new double[] { Math.round(lat * 1e6) / 1e6, Math.round(lon * 1e6) / 1e6 };
	}

	private static List<Service> readServices() {
		JsonNode root;
		try (InputStream in = ReportsDataset.class.getResourceAsStream("/participation/services.json")) {
			if (in == null) {
				throw new IllegalStateException("participation/services.json is not on the class path");
			}
			root = JsonMapper.shared().readTree(in);
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException("participation/services.json: " + e.getMessage(), e);
		}
		List<Service> services = new ArrayList<>();
		for (JsonNode s : root.path("services")) {
			List<Question> questions = new ArrayList<>();
			for (JsonNode a : s.path("attributes")) {
				List<String> keys = new ArrayList<>();
				a.path("values").forEach(v -> keys.add(v.path("key").asString()));
				questions.add(new Question(a.path("code").asString(), a.path("datatype").asString(),
						a.path("required").asBoolean(false), List.copyOf(keys)));
			}
			String code = s.path("code").asString();
			String name = s.path("name").asString();
			List<String> descriptions = List.of(name + " frente al mercado.", name + " desde hace días.",
					name + "; ya se había reportado antes y sigue igual.", name + " en la esquina, cerca de la escuela.",
					"Por favor atiendan: " + name.toLowerCase(java.util.Locale.ROOT) + ".");
			services.add(new Service(code, s.path("fallback_office").asString(),
					Duration.parse(s.path("expected_response").asString("P7D")), WEIGHTS.getOrDefault(code, 20),
					List.copyOf(questions), descriptions));
		}
		if (services.isEmpty() || services.size() > 100) {
			throw new IllegalStateException("participation/services.json lists " + services.size() + " services");
		}
		return List.copyOf(services);
	}

	// ---- loading

	/** The dataset found in the database, if it was made from this plan's numbers. */
	static Optional<String> loadedMarker(Connection connection, long reports, long seed) throws SQLException {
		if (!connection.getMetaData().getTables(null, null, "bench_participation", null).next()) {
			return Optional.empty();
		}
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(
						"SELECT generator_version, reports, seed, until_millis, loaded_at, load_seconds FROM bench_participation")) {
			if (!rs.next() || rs.getInt(1) != GENERATOR_VERSION || rs.getLong(2) != reports || rs.getLong(3) != seed) {
				return Optional.empty();
			}
			return Optional.of(rs.getLong(4) + " " + rs.getString(5) + " " + rs.getDouble(6));
		}
	}

	/** The load time a marker holds. */
	static Instant markerUntil(String marker) {
		return Instant.ofEpochMilli(Long.parseLong(marker.split(" ")[0]));
	}

	static String markerLoadedAt(String marker) {
		return marker.split(" ")[1];
	}

	static double markerSeconds(String marker) {
		return Double.parseDouble(marker.split(" ")[2]);
	}

	/**
	 * Loads every report with COPY into the empty {@code service_requests} the server made, moves
	 * the id sequence past them, ANALYZEs, and writes the marker. The server is not running.
	 */
	void load(Connection connection, PrintStream out) throws Exception {
		long started = System.nanoTime();
		connection.setAutoCommit(true);
		try (Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS bench_participation");
			try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM service_requests")) {
				rs.next();
				if (rs.getLong(1) != 0) {
					throw new IllegalStateException("service_requests holds " + rs.getLong(1) + " rows before the load");
				}
			}
		}
		long rows = copy(connection, out);
		if (rows != reports) {
			throw new IllegalStateException("COPY stored " + rows + " rows, expected " + reports);
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("SELECT setval(pg_get_serial_sequence('service_requests', 'id'), " + reports + ")");
			long vacuum = System.nanoTime();
			statement.execute("VACUUM ANALYZE service_requests");
			out.printf("  VACUUM ANALYZE service_requests: %.0f s%n", (System.nanoTime() - vacuum) / 1e9);
			statement.execute("CREATE TABLE bench_participation (generator_version INTEGER NOT NULL, reports BIGINT NOT NULL,"
					+ " seed BIGINT NOT NULL, until_millis BIGINT NOT NULL, loaded_at VARCHAR(40) NOT NULL,"
					+ " load_seconds DOUBLE PRECISION NOT NULL)");
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		try (PreparedStatement insert = connection
			.prepareStatement("INSERT INTO bench_participation VALUES (?, ?, ?, ?, ?, ?)")) {
			insert.setInt(1, GENERATOR_VERSION);
			insert.setLong(2, reports);
			insert.setLong(3, seed);
			insert.setLong(4, until.toEpochMilli());
			insert.setString(5, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
			insert.setDouble(6, seconds);
			insert.executeUpdate();
		}
		out.printf("  loaded in %.0f s%n", seconds);
	}

	private long copy(Connection connection, PrintStream out) throws Exception {
		CopyIn copy = connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("COPY service_requests (id, token, jurisdiction_id, service_code, status, status_notes, description,"
					+ " agency_responsible, requested_at, updated_at, expected_at, answered_at, answer_millis, closed_at,"
					+ " address, lat, lon, attributes, email, first_name, device_id, hidden_at, hidden_reason)"
					+ " FROM STDIN (FORMAT text)");
		long started = System.nanoTime();
		long step = Math.max(1, reports / 10);
		// the row's other values from a second stream, so that the facts above do not depend on them
		Random random = new Random(seed ^ 0x5DEECE66DL);
		long untilMillis = until.toEpochMilli();
		StringBuilder row = new StringBuilder(1024);
		byte[] pending = new byte[1 << 20];
		int size = 0;
		try {
			for (long id = 1; id <= reports; id++) {
				int i = (int) (id - 1);
				Service s = services.get(service[i]);
				long at = requested[i];
				Instant filed = Instant.ofEpochMilli(at);
				Map<String, List<String>> answers = answers(s, random, filed);
				double[] point = point(random);
				// an answer: every closed report, and a fifth of the open ones; never after the load
				Long answered = null;
				Long closedAt = null;
				String note = null;
				if (closed[i]) {
					long room = Math.max(60_000, untilMillis - at);
					answered = at + (long) (random.nextDouble() * Math.min(room, Duration.ofDays(20).toMillis()));
					closedAt = answered + (long) (random.nextDouble() * Math.min(untilMillis - answered, 86_400_000L));
					note = NOTES_CLOSED.get(random.nextInt(NOTES_CLOSED.size()));
				}
				else if (random.nextInt(5) == 0) {
					answered = at + (long) (random.nextDouble() * Math.min(untilMillis - at, Duration.ofDays(3).toMillis()));
					note = NOTES_OPEN.get(random.nextInt(NOTES_OPEN.size()));
				}
				long updated = closedAt != null ? closedAt : answered != null ? answered : at;
				row.setLength(0);
				field(row, Long.toString(id));
				field(row, new UUID(random.nextLong(), random.nextLong()).toString());
				field(row, JURISDICTION);
				field(row, s.code());
				field(row, closed[i] ? "closed" : "open");
				field(row, note);
				field(row, description(s, random));
				field(row, s.office());
				field(row, Instant.ofEpochMilli(at).toString());
				field(row, Instant.ofEpochMilli(updated).toString());
				field(row, filed.plus(s.expected()).toString());
				field(row, answered == null ? null : Instant.ofEpochMilli(answered).toString());
				field(row, answered == null ? null : Long.toString(answered - at));
				field(row, closedAt == null ? null : Instant.ofEpochMilli(closedAt).toString());
				field(row, random.nextInt(10) < 4
						? STREETS.get(random.nextInt(STREETS.size())) + " " + (1 + random.nextInt(3000)) : null);
				field(row, Double.toString(point[0]));
				field(row, Double.toString(point[1]));
				field(row, answersJson(s, answers));
				boolean email = random.nextInt(10) < 3;
				field(row, email ? "vecino" + random.nextInt(1_000_000) + "@example.org" : null);
				field(row, email && random.nextBoolean() ? "Vecina" : null);
				field(row, random.nextInt(10) < 6 ? "app-" + Integer.toHexString(random.nextInt()) : null);
				boolean hide = hidden(id);
				field(row, hide ? Instant.ofEpochMilli(Math.min(untilMillis, at + 3_600_000)).toString() : null);
				row.append(hide ? "Lenguaje ofensivo" : "\\N").append('\n');
				byte[] bytes = row.toString().getBytes(StandardCharsets.UTF_8);
				if (size + bytes.length > pending.length) {
					copy.writeToCopy(pending, 0, size);
					size = 0;
				}
				System.arraycopy(bytes, 0, pending, size, bytes.length);
				size += bytes.length;
				if (id % step == 0) {
					double seconds = (System.nanoTime() - started) / 1e9;
					out.printf("  COPY %,d of %,d reports (%.0f s, %,.0f rows/s)%n", id, reports, seconds, id / seconds);
				}
			}
			if (size > 0) {
				copy.writeToCopy(pending, 0, size);
			}
			return copy.endCopy();
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
	}

	/** A value of COPY's text format and the tab after it; the values made here hold no tab, newline or backslash. */
	private static void field(StringBuilder row, String value) {
		row.append(value == null ? "\\N" : value).append('\t');
	}

	/** The parse of a W3C date and time of an answer, to the second. */
	static Instant w3c(String text) {
		return OffsetDateTime.parse(text).toInstant();
	}

}
