package org.cabildo.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * The kinds of {@code GET /open311/v2/requests.json} that {@code bench participation} asks, as
 * the public (no credentials), and how each answer is checked against the loaded reports.
 */
enum ReportFilter {

	/** No filter: the standard's default, the last 90 days, at most 1,000, newest first. */
	LATEST("latest"),

	/** {@code service_code=X&status=open} (the last 90 days): what an office's queue looks like. */
	SERVICE_OPEN("service-open"),

	/** {@code start_date} and {@code end_date} a week apart, somewhere in the loaded year. */
	WEEK("week"),

	/** {@code service_request_id=} five ids: what an app asks to refresh the reports it follows. */
	IDS("ids");

	/** The standard's defaults, as the server is configured (cabildo.participation.reports.*). */
	static final Duration WINDOW = Duration.ofDays(90);

	static final int LIMIT = 1000;

	static final String PATH = "/open311/v2/requests.json";

	private static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

	private final String key;

	ReportFilter(String key) {
		this.key = key;
	}

	String key() {
		return key;
	}

	static ReportFilter of(String key) {
		return Arrays.stream(values())
			.filter(f -> f.key.equals(key))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown filter '" + key + "' ("
					+ Arrays.stream(values()).map(ReportFilter::key).collect(Collectors.joining(", ")) + ")"));
	}

	/** Which kind a request logged as {@code GET path?query} was. */
	static ReportFilter ofQuery(String query) {
		if (query.contains("service_request_id=")) {
			return IDS;
		}
		if (query.contains("start_date=")) {
			return WEEK;
		}
		if (query.contains("service_code=")) {
			return SERVICE_OPEN;
		}
		return LATEST;
	}

	/**
	 * A request of this kind.
	 *
	 * @param ownId a report this resident filed, asked among the ids; 0 for none
	 */
	Asked ask(ReportsDataset data, Random random, long ownId) {
		return switch (this) {
			case LATEST -> new Asked(this, PATH, null, 0, 0, List.of(), System.currentTimeMillis());
			case SERVICE_OPEN -> {
				String code = data.randomService(random).code();
				yield new Asked(this, PATH + "?service_code=" + code + "&status=open", code, 0, 0, List.of(),
						System.currentTimeMillis());
			}
			case WEEK -> {
				long span = ReportsDataset.SPAN.minus(Duration.ofDays(7)).toSeconds();
				Instant from = data.from().plusSeconds((long) (random.nextDouble() * span));
				Instant to = from.plus(Duration.ofDays(7));
				yield new Asked(this, PATH + "?start_date=" + w3c(from) + "&end_date=" + w3c(to), null,
						from.toEpochMilli(), to.toEpochMilli(), List.of(), System.currentTimeMillis());
			}
			case IDS -> {
				Set<Long> ids = new HashSet<>();
				if (ownId > 0) {
					ids.add(ownId);
				}
				while (ids.size() < 5) {
					ids.add(data.randomVisibleId(random));
				}
				List<Long> asked = new ArrayList<>(ids);
				yield new Asked(this, PATH + "?service_request_id="
						+ asked.stream().map(String::valueOf).collect(Collectors.joining(",")), null, 0, 0, asked,
						System.currentTimeMillis());
			}
		};
	}

	/** A time as the standard writes it, in the city's offset, encoded for a query. */
	private static String w3c(Instant at) {
		return URLEncoder.encode(W3C.format(at.atOffset(ZoneOffset.ofHours(-6))), StandardCharsets.UTF_8);
	}

	/**
	 * A request asked: its path, what it filtered, and when it was sent (the default window ends then).
	 *
	 * @param from start_date and end_date in epoch ms, for {@link #WEEK}
	 */
	record Asked(ReportFilter filter, String path, String serviceCode, long from, long to, List<Long> ids,
			long sentMillis) {
	}

	/**
	 * Checks a whole answer: every row matches what was asked and is as it was loaded (service,
	 * status, filing time), none is hidden, they come newest first, and there are as many as the
	 * loaded reports say (newer ones, filed by the benchmark, may add to the last 90 days).
	 *
	 * @throws IllegalStateException saying what is wrong
	 */
	static void verify(Asked asked, JsonNode answer, ReportsDataset data) {
		require(answer.isArray(), "not a JSON array");
		require(answer.size() <= LIMIT, "%d requests, more than the limit %d", answer.size(), LIMIT);
		long windowStart = asked.sentMillis() - WINDOW.toMillis();
		Set<Long> seen = new HashSet<>();
		long previous = Long.MAX_VALUE;
		for (JsonNode row : answer) {
			long id = Long.parseLong(row.path("service_request_id").asString());
			require(seen.add(id), "request %d twice", id);
			require(!(data.loaded(id) && ReportsDataset.hidden(id)), "request %d is hidden and was listed", id);
			long requested = ReportsDataset.w3c(row.path("requested_datetime").asString()).toEpochMilli();
			require(requested <= previous, "request %d (%s) after a newer one: not newest first", id,
					row.path("requested_datetime").asString());
			previous = requested;
			String code = row.path("service_code").asString();
			String status = row.path("status").asString();
			if (data.loaded(id)) {
				require(code.equals(data.serviceCode(id)), "request %d is %s, loaded as %s", id, code, data.serviceCode(id));
				require(status.equals(data.closed(id) ? "closed" : "open"), "request %d is %s, loaded the other way", id,
						status);
				require(requested == data.requestedMillis(id) / 1000 * 1000, "request %d filed at %s, loaded at %s", id,
						row.path("requested_datetime").asString(), Instant.ofEpochMilli(data.requestedMillis(id)));
			}
			switch (asked.filter()) {
				case LATEST, SERVICE_OPEN -> require(requested >= windowStart - 2_000,
						"request %d filed %s, before the last 90 days", id, row.path("requested_datetime").asString());
				case WEEK -> require(requested >= asked.from() && requested <= asked.to(),
						"request %d filed %s, outside the week asked", id, row.path("requested_datetime").asString());
				case IDS -> require(asked.ids().contains(id), "request %d was not asked", id);
			}
			if (asked.filter() == SERVICE_OPEN) {
				require(code.equals(asked.serviceCode()) && status.equals("open"), "request %d is %s %s, asked %s open",
						id, code, status, asked.serviceCode());
			}
		}
		long untilMillis = data.until().toEpochMilli();
		switch (asked.filter()) {
			case LATEST, SERVICE_OPEN -> {
				// a few seconds' margin: the server's "now" is not the moment the request was made here
				long loaded = data.visibleBetween(windowStart + 5_000, untilMillis, asked.serviceCode(),
						asked.filter() == SERVICE_OPEN ? Boolean.FALSE : null);
				long expected = Math.min(LIMIT, loaded);
				require(answer.size() >= expected, "%d requests, expected at least %d", answer.size(), expected);
			}
			case WEEK -> {
				long expected = Math.min(LIMIT, data.visibleBetween(asked.from(), asked.to(), null, null));
				require(answer.size() == expected, "%d requests in the week, expected %d", answer.size(), expected);
			}
			case IDS -> require(seen.equals(new HashSet<>(asked.ids())), "answered ids %s, asked %s", seen, asked.ids());
		}
	}

	private static void require(boolean condition, String format, Object... arguments) {
		if (!condition) {
			throw new IllegalStateException(String.format(format, arguments));
		}
	}

}
