package org.cabildo.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.cabildo.bench.Dataset.Series;

import tools.jackson.databind.JsonNode;

/**
 * The requests of the read benchmark, each with the check of its answer: a benchmark that
 * measures wrong answers or errors measures nothing.
 */
enum ReadQuery {

	LATEST("latest observation of a datastream", "Datastreams(id)/Observations?$orderby=phenomenonTime desc&$top=1",
			2.0, "420 ms stock, 1.9 ms tuned") {

		@Override
		Request next(Dataset dataset, Random random) {
			Series series = dataset.series().get(random.nextInt(dataset.series().size()));
			String path = "/v1.1/Datastreams(" + series.datastreamId() + ")/Observations?$orderby="
					+ encode("phenomenonTime desc") + "&$top=1";
			Instant expected = series.last();
			return new Request(path, body -> {
				JsonNode value = body.path("value");
				require(value.isArray() && value.size() == 1, "expected 1 observation, got " + value.size());
				Instant time = Instant.parse(value.get(0).path("phenomenonTime").asString());
				require(time.equals(expected), "expected the observation at " + expected + ", got " + time);
				require(body.has("@iot.nextLink"), "expected an @iot.nextLink to the older observations");
			});
		}

	},

	RANGE("1,000 observations of a datastream in a time range",
			"Datastreams(id)/Observations?$filter=phenomenonTime ge t1 and phenomenonTime lt t2&$top=1000", 10.0,
			"192 ms stock, 15 ms tuned") {

		@Override
		Request next(Dataset dataset, Random random) {
			Series series = dataset.series().get(random.nextInt(dataset.series().size()));
			long window = WINDOW_OBSERVATIONS;
			if (series.count() < window) {
				throw new IllegalStateException("datastream " + series.datastreamId() + " holds fewer than "
						+ window + " observations; use a larger dataset");
			}
			long k = (long) (random.nextDouble() * (series.count() - window + 1));
			Instant from = series.timeOf(k);
			Instant to = series.timeOf(k + window);
			String filter = "phenomenonTime ge " + from + " and phenomenonTime lt " + to;
			String path = "/v1.1/Datastreams(" + series.datastreamId() + ")/Observations?$filter=" + encode(filter)
					+ "&$top=" + PAGE;
			return new Request(path, body -> {
				JsonNode value = body.path("value");
				require(value.isArray() && value.size() == PAGE, "expected " + PAGE + " observations, got " + value.size());
				long i = k;
				for (JsonNode observation : value) {
					Instant time = Instant.parse(observation.path("phenomenonTime").asString());
					Instant expected = series.timeOf(i++);
					require(time.equals(expected), "expected an observation at " + expected + ", got " + time);
					require(observation.path("result").isNumber(), "observation without a numeric result");
				}
				require(body.has("@iot.nextLink"), "expected an @iot.nextLink to the rest of the window");
			});
		}

	},

	COUNT("count of the largest datastream's observations", "Datastreams(id)/Observations?$count=true&$top=0", 30.0,
			"104 ms") {

		@Override
		Request next(Dataset dataset, Random random) {
			Series series = dataset.largest();
			String path = "/v1.1/Datastreams(" + series.datastreamId() + ")/Observations?$count=true&$top=0";
			return new Request(path, body -> {
				require(body.path("@iot.count").asLong(-1) == series.count(),
						"expected @iot.count " + series.count() + ", got " + body.path("@iot.count"));
				require(body.path("value").isArray() && body.path("value").isEmpty(), "expected no observations");
			});
		}

	};

	/** Observations in a range query's window; the page is smaller, so there is always a next page. */
	static final long WINDOW_OBSERVATIONS = 1_100;

	static final int PAGE = 1_000;

	private final String title;

	private final String request;

	private final double targetP95Millis;

	private final String frost;

	ReadQuery(String title, String request, double targetP95Millis, String frost) {
		this.title = title;
		this.request = request;
		this.targetP95Millis = targetP95Millis;
		this.frost = frost;
	}

	/** A request for a random datastream (and window), with the check of its answer. */
	abstract Request next(Dataset dataset, Random random);

	String key() {
		return name().toLowerCase();
	}

	String title() {
		return title;
	}

	/** The request, with placeholders, for the report. */
	String request() {
		return "GET /v1.1/" + request;
	}

	/** The target for p95 on PostgreSQL with 10 M observations. */
	double targetP95Millis() {
		return targetP95Millis;
	}

	/** FROST-Server's figure from the project's issue, for comparison. */
	String frost() {
		return frost;
	}

	static List<ReadQuery> all() {
		return List.of(values());
	}

	record Request(String pathAndQuery, Check check) {
	}

	@FunctionalInterface
	interface Check {

		/** @throws IllegalStateException if the answer is wrong */
		void verify(JsonNode body);

	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalStateException(message);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
