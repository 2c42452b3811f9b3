package org.cabildo.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Residents of {@code bench participation}: each its own connection, one request at a time (a
 * closed loop), filing a report and then reading requests, or only reading. They run without a
 * break through the warm-up and the rounds; a request counts in the period it was sent in, so
 * that no round starts with every resident at once.
 */
final class Open311Residents {

	/** The key of a filing's latencies, beside the filters' keys. */
	static final String POST = "post";

	/** At most this many error messages are kept to show. */
	private static final int KEPT_ERRORS = 10;

	private final URI base;

	private final ReportsDataset data;

	private final List<HttpClient> clients = new ArrayList<>();

	private final Random seeds;

	private final int verifyEvery;

	private final JsonMapper json = JsonMapper.shared();

	/** Why the server is gone, or null while it runs. */
	private final Supplier<String> death;

	/**
	 * @param verifyEvery every how many answers to a GET a resident checks row by row (every
	 *        answer's status and that it is a JSON array are always checked)
	 */
	Open311Residents(URI base, ReportsDataset data, int most, int verifyEvery, long seed, Supplier<String> death) {
		this.base = base;
		this.data = data;
		this.verifyEvery = Math.max(1, verifyEvery);
		this.seeds = new Random(seed);
		this.death = death;
		for (int i = 0; i < most; i++) {
			clients.add(HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(10))
				.build());
		}
	}

	/** One period (the warm-up, or a round): latencies and errors by kind, where the CPU went. */
	record Period(String name, Map<String, LatencyRecorder> latencies, Map<String, Long> errors, double seconds,
			long wallStart, long wallEnd, CpuAccounting.Split cpu) {

		long requests(String kind) {
			LatencyRecorder recorder = latencies.get(kind);
			return recorder == null ? 0 : recorder.count();
		}

		long errorCount() {
			return errors.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	/** A run: its periods (the warm-up first) and the first errors' messages. */
	record Run(List<Period> periods, List<String> errorSamples) {

		List<Period> rounds() {
			return periods.subList(1, periods.size());
		}

	}

	/** What the residents do. */
	record Behaviour(int residents, boolean file, List<ReportFilter> filters, Duration think) {

		List<String> kinds() {
			List<String> kinds = new ArrayList<>();
			if (file) {
				kinds.add(POST);
			}
			filters.forEach(f -> kinds.add(f.key()));
			return kinds;
		}

	}

	Run run(Behaviour behaviour, Duration warmup, int rounds, Duration round, long serverPid, String database)
			throws Exception {
		if (behaviour.residents() > clients.size()) {
			throw new IllegalArgumentException(behaviour.residents() + " residents, " + clients.size() + " clients made");
		}
		int periods = 1 + rounds;
		long start = System.nanoTime() + 50_000_000L;
		long[] boundaries = new long[periods + 1];
		boundaries[0] = start;
		boundaries[1] = start + warmup.toNanos();
		for (int p = 2; p <= periods; p++) {
			boundaries[p] = boundaries[p - 1] + round.toNanos();
		}
		List<String> kinds = behaviour.kinds();
		Queue<String> errorSamples = new ConcurrentLinkedQueue<>();
		AtomicInteger errorsKept = new AtomicInteger();
		List<Future<Tally>> futures = new ArrayList<>();
		long[] wall = new long[periods + 1];
		CpuAccounting.Split[] cpu = new CpuAccounting.Split[periods];
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < behaviour.residents(); i++) {
				HttpClient client = clients.get(i);
				Random random = new Random(seeds.nextLong());
				int offset = i;
				futures.add(executor.submit(() -> resident(client, behaviour, kinds, random, offset, boundaries,
						errorSamples, errorsKept)));
			}
			// the main thread marks the periods' wall-clock edges and where the CPU went in each
			for (int p = 0; p < periods; p++) {
				sleepUntil(boundaries[p]);
				wall[p] = System.currentTimeMillis();
				CpuAccounting accounting = CpuAccounting.start(serverPid, Optional.of(database));
				sleepUntil(boundaries[p + 1]);
				cpu[p] = accounting.split();
				if (death.get() != null) {
					break;
				}
			}
			wall[periods] = System.currentTimeMillis();
			List<Tally> tallies = new ArrayList<>();
			for (Future<Tally> future : futures) {
				try {
					tallies.add(future.get());
				}
				catch (java.util.concurrent.ExecutionException e) {
					futures.forEach(f -> f.cancel(true));
					throw e.getCause() instanceof Exception cause ? cause : e;
				}
			}
			if (death.get() != null) {
				throw new IllegalStateException(death.get());
			}
			List<Period> result = new ArrayList<>();
			for (int p = 0; p < periods; p++) {
				Map<String, LatencyRecorder> latencies = new LinkedHashMap<>();
				Map<String, Long> errors = new LinkedHashMap<>();
				for (int k = 0; k < kinds.size(); k++) {
					LatencyRecorder all = new LatencyRecorder();
					long errorCount = 0;
					for (Tally tally : tallies) {
						all.addAll(tally.latencies[p][k]);
						errorCount += tally.errors[p][k];
					}
					latencies.put(kinds.get(k), all);
					errors.put(kinds.get(k), errorCount);
				}
				result.add(new Period(p == 0 ? "warm-up" : "round " + p, latencies, errors,
						(boundaries[p + 1] - boundaries[p]) / 1e9, wall[p], wall[p + 1], cpu[p]));
			}
			return new Run(result, List.copyOf(errorSamples));
		}
	}

	private static void sleepUntil(long nanos) throws InterruptedException {
		long wait;
		while ((wait = nanos - System.nanoTime()) > 0) {
			Thread.sleep(Duration.ofNanos(Math.min(wait, 200_000_000L)));
		}
	}

	/** One resident's latencies and errors, by period and kind. */
	private static final class Tally {

		final LatencyRecorder[][] latencies;

		final long[][] errors;

		Tally(int periods, int kinds) {
			latencies = new LatencyRecorder[periods][kinds];
			errors = new long[periods][kinds];
			for (LatencyRecorder[] row : latencies) {
				for (int k = 0; k < kinds; k++) {
					row[k] = new LatencyRecorder();
				}
			}
		}

	}

	private Tally resident(HttpClient client, Behaviour behaviour, List<String> kinds, Random random, int offset,
			long[] boundaries, Queue<String> errorSamples, AtomicInteger errorsKept) throws Exception {
		int periods = boundaries.length - 1;
		Tally tally = new Tally(periods, kinds.size());
		long end = boundaries[periods];
		sleepUntil(boundaries[0]);
		long ownId = 0;
		long reads = 0;
		int next = offset;
		while (System.nanoTime() < end) {
			if (behaviour.file()) {
				int period = period(boundaries, System.nanoTime());
				int kind = kinds.indexOf(POST);
				try {
					ownId = file(client, random, tally, period, kind);
				}
				catch (IOException | RuntimeException e) {
					error(tally, period, kind, "POST: " + e.getMessage(), errorSamples, errorsKept);
				}
				think(behaviour, random);
				if (System.nanoTime() >= end) {
					break;
				}
			}
			ReportFilter filter = behaviour.filters().get(next++ % behaviour.filters().size());
			ReportFilter.Asked asked = filter.ask(data, random, behaviour.file() ? ownId : 0);
			int period = period(boundaries, System.nanoTime());
			int kind = kinds.indexOf(filter.key());
			try {
				read(client, asked, reads++ % verifyEvery == 0, tally, period, kind);
			}
			catch (IOException | RuntimeException e) {
				error(tally, period, kind, "GET " + asked.path() + ": " + e.getMessage(), errorSamples, errorsKept);
			}
			think(behaviour, random);
		}
		return tally;
	}

	private void error(Tally tally, int period, int kind, String message, Queue<String> samples, AtomicInteger kept) {
		String gone = death.get();
		if (gone != null) {
			throw new IllegalStateException(gone);
		}
		tally.errors[period][kind]++;
		if (kept.getAndIncrement() < KEPT_ERRORS) {
			samples.add(message.length() > 600 ? message.substring(0, 600) + "…" : message);
		}
	}

	private static void think(Behaviour behaviour, Random random) throws InterruptedException {
		if (!behaviour.think().isZero()) {
			// evenly between none and twice the mean, so that the residents do not fall into step
			Thread.sleep(Duration.ofNanos((long) (random.nextDouble() * 2 * behaviour.think().toNanos())));
		}
	}

	private static int period(long[] boundaries, long nanos) {
		for (int p = boundaries.length - 2; p > 0; p--) {
			if (nanos >= boundaries[p]) {
				return p;
			}
		}
		return 0;
	}

	/** Files a report, as an app would: a service at random with valid answers, a point in the box. */
	private long file(HttpClient client, Random random, Tally tally, int period, int kind)
			throws IOException, InterruptedException {
		ReportsDataset.Service service = data.randomService(random);
		double[] point = ReportsDataset.point(random);
		StringBuilder form = new StringBuilder();
		form.append("jurisdiction_id=").append(ReportsDataset.JURISDICTION);
		form.append("&service_code=").append(encode(service.code()));
		form.append("&lat=").append(point[0]).append("&long=").append(point[1]);
		String description = ReportsDataset.description(service, random);
		if (description != null) {
			form.append("&description=").append(encode(description));
		}
		ReportsDataset.answers(service, random, Instant.now())
			.forEach((code, values) -> values.forEach(value -> form.append("&")
				.append(encode("attribute[" + code + "]" + (values.size() > 1 ? "[]" : "")))
				.append("=")
				.append(encode(value))));
		if (random.nextInt(10) < 3) {
			form.append("&email=").append(encode("vecino" + random.nextInt(1_000_000) + "@example.org"));
		}
		form.append("&device_id=app-").append(Integer.toHexString(random.nextInt()));
		HttpRequest request = HttpRequest.newBuilder(base.resolve("/open311/v2/requests.json"))
			.timeout(Duration.ofSeconds(120))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(form.toString()))
			.build();
		long begin = System.nanoTime();
		HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
		tally.latencies[period][kind].record(begin, System.nanoTime());
		String body = new String(response.body(), StandardCharsets.UTF_8);
		if (response.statusCode() != 201) {
			throw new IllegalStateException("status " + response.statusCode() + ": " + shortened(body));
		}
		JsonNode answer = json.readTree(body);
		String id = answer.path(0).path("service_request_id").asString("");
		if (!answer.isArray() || answer.size() != 1 || !id.matches("[1-9][0-9]*")
				|| answer.path(0).path("token").asString("").isEmpty()) {
			throw new IllegalStateException("201 without a service_request_id and token: " + shortened(body));
		}
		return Long.parseLong(id);
	}

	private void read(HttpClient client, ReportFilter.Asked asked, boolean whole, Tally tally, int period, int kind)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(base.resolve(asked.path()))
			.timeout(Duration.ofSeconds(120))
			.header("Accept", "application/json")
			.GET()
			.build();
		long begin = System.nanoTime();
		HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
		tally.latencies[period][kind].record(begin, System.nanoTime());
		byte[] body = response.body();
		if (response.statusCode() != 200) {
			throw new IllegalStateException("status " + response.statusCode() + ": "
					+ shortened(new String(body, StandardCharsets.UTF_8)));
		}
		if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
				|| !isArray(body)) {
			throw new IllegalStateException("200 without a JSON array: " + shortened(new String(body, StandardCharsets.UTF_8)));
		}
		if (whole) {
			try {
				ReportFilter.verify(asked, json.readTree(body), data);
			}
			catch (RuntimeException e) {
				throw new IllegalStateException("wrong answer: " + e.getMessage(), e);
			}
		}
	}

	/** The body's first and last characters other than white space are [ and ]. */
	private static boolean isArray(byte[] body) {
		int first = 0;
		while (first < body.length && Character.isWhitespace(body[first])) {
			first++;
		}
		int last = body.length - 1;
		while (last > first && Character.isWhitespace(body[last])) {
			last--;
		}
		return last > first && body[first] == '[' && body[last] == ']';
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String shortened(String text) {
		return text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

}
