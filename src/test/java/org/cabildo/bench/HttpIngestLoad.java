package org.cabildo.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.cabildo.bench.Dataset.Series;

/**
 * Clients that POST observations as fast as the server answers, each on its own keep-alive
 * HTTP/1.1 connection ({@link HttpConnection}) and thread. Each client sends to its own share of the datastreams, so
 * that every datastream's observations arrive in time order. A 503 is honoured: the client
 * waits for its Retry-After and sends the same request again (nothing of it was stored).
 */
final class HttpIngestLoad implements IngestLoad {

	private static final byte[] ERROR = "\"error\"".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] SELF_LINK = "Observations(".getBytes(StandardCharsets.US_ASCII);

	/** One request and how many observations it carries. */
	private record Outgoing(String path, byte[] body, int observations) {
	}

	/** What an answer says: how many observations were stored and refused, or what went wrong. */
	private record Answer(int stored, int refused, String error) {
	}

	private interface Client {

		Outgoing next();

		Answer read(HttpConnection.Response response, Outgoing sent);

	}

	private final String title;

	private final URI base;

	private final int clientCount;

	private final IntFunction<Client> clientFactory;

	private final LoadTally tally;

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean running;

	private HttpIngestLoad(String title, URI base, int clients, IntFunction<Client> clientFactory, int rounds) {
		this.title = title;
		this.base = base;
		this.clientCount = clients;
		this.clientFactory = clientFactory;
		this.tally = new LoadTally(rounds);
	}

	/** Each request one observation, {@code POST /v1.1/Datastreams(id)/Observations}. */
	static HttpIngestLoad singlePosts(URI base, List<Series> datastreams, int clients, SendTimes times, int rounds) {
		return new HttpIngestLoad("single POST to Datastreams(id)/Observations", base, clients, c -> {
			List<Series> own = share(datastreams, clients, c);
			int[] next = { 0 };
			return new Client() {
				@Override
				public Outgoing next() {
					Series series = own.get(next[0]++ % own.size());
					StringBuilder body = new StringBuilder(80).append("{\"phenomenonTime\":\"");
					SendTimes.appendIso(body, times.next(series.index())).append("\",\"result\":");
					body.append(value()).append('}');
					return new Outgoing("/v1.1/Datastreams(" + series.datastreamId() + ")/Observations", bytes(body), 1);
				}

				@Override
				public Answer read(HttpConnection.Response response, Outgoing sent) {
					return response.status() == 201 ? new Answer(1, 0, null) : unexpected(response, sent);
				}
			};
		}, rounds);
	}

	/**
	 * DataArray, {@code POST /v1.1/CreateObservations}: each request {@code rows} observations,
	 * {@code rows / perRequest} of each of {@code perRequest} of the client's datastreams, taken
	 * in turn.
	 */
	static HttpIngestLoad dataArrays(URI base, List<Series> datastreams, int clients, int rows, int perRequest,
			SendTimes times, int rounds) {
		String title = String.format("DataArray (CreateObservations), %,d observations a request", rows);
		return new HttpIngestLoad(title, base, clients, c -> {
			List<Series> own = share(datastreams, clients, c);
			int groups = Math.min(perRequest, own.size());
			int perGroup = rows / groups;
			int[] next = { 0 };
			return new Client() {
				@Override
				public Outgoing next() {
					StringBuilder body = new StringBuilder(rows * 44 + groups * 100).append('[');
					for (int g = 0; g < groups; g++) {
						Series series = own.get(next[0]++ % own.size());
						body.append(g == 0 ? "" : ",").append("{\"Datastream\":{\"@iot.id\":").append(series.datastreamId())
							.append("},\"components\":[\"phenomenonTime\",\"result\"],\"dataArray\":[");
						for (int r = 0; r < perGroup; r++) {
							body.append(r == 0 ? "[\"" : ",[\"");
							SendTimes.appendIso(body, times.next(series.index())).append("\",").append(value()).append(']');
						}
						body.append("]}");
					}
					return new Outgoing("/v1.1/CreateObservations", bytes(body.append(']')), groups * perGroup);
				}

				@Override
				public Answer read(HttpConnection.Response response, Outgoing sent) {
					if (response.status() != 201) {
						return unexpected(response, sent);
					}
					int refused = occurrences(response.body(), ERROR);
					int stored = occurrences(response.body(), SELF_LINK);
					if (stored + refused != sent.observations()) {
						return new Answer(0, 0, "the answer to " + sent.observations() + " rows has " + stored
								+ " selfLinks and " + refused + " errors: " + response.text());
					}
					return new Answer(stored, refused, null);
				}
			};
		}, rounds);
	}

	/**
	 * One client loading a datastream's history in DataArray requests of {@code rows}: first one
	 * row at the present, so that all the history is older than the datastream's latest row (what
	 * an import of past data meets), then 60 days of readings one second apart, in time order or
	 * shuffled over the whole 60 days (a fixed permutation, so every time is sent once).
	 */
	static HttpIngestLoad history(URI base, Series series, int rows, boolean shuffled, SendTimes times, int rounds) {
		String title = String.format("DataArray history of one datastream, %s, %,d observations a request",
				shuffled ? "shuffled" : "in time order", rows);
		long span = 60L * 24 * 3600;
		long first = java.time.Instant.now().getEpochSecond() - span - 24 * 3600;
		// A prime that does not divide the span: k -> k * STEP mod span visits every second once.
		long step = shuffled ? 1_000_003L : 1L;
		return new HttpIngestLoad(title, base, 1, c -> {
			long[] next = { -1 };
			return new Client() {
				@Override
				public Outgoing next() {
					StringBuilder body = new StringBuilder(rows * 44 + 100).append("[{\"Datastream\":{\"@iot.id\":")
						.append(series.datastreamId())
						.append("},\"components\":[\"phenomenonTime\",\"result\"],\"dataArray\":[");
					int count = next[0] < 0 ? 1 : rows;
					for (int r = 0; r < count; r++) {
						long micros;
						if (next[0] < 0) {
							micros = times.next(series.index());
						}
						else {
							long k = next[0]++;
							// After the whole span, again one microsecond later: still every time once.
							micros = (first + Math.floorMod(k * step, span)) * 1_000_000 + k / span;
						}
						body.append(r == 0 ? "[\"" : ",[\"");
						SendTimes.appendIso(body, micros).append("\",").append(value()).append(']');
					}
					next[0] = Math.max(next[0], 0);
					return new Outgoing("/v1.1/CreateObservations", bytes(body.append("]}]")), count);
				}

				@Override
				public Answer read(HttpConnection.Response response, Outgoing sent) {
					if (response.status() != 201) {
						return unexpected(response, sent);
					}
					int refused = occurrences(response.body(), ERROR);
					int stored = occurrences(response.body(), SELF_LINK);
					return stored + refused == sent.observations() ? new Answer(stored, refused, null)
							: new Answer(0, 0, "the answer to " + sent.observations() + " rows has " + stored
									+ " selfLinks and " + refused + " errors: " + response.text());
				}
			};
		}, rounds);
	}

	/** The datastreams client {@code c} of {@code clients} sends to: every {@code clients}-th. */
	static List<Series> share(List<Series> datastreams, int clients, int c) {
		List<Series> own = new ArrayList<>();
		for (int i = c % datastreams.size(); i < datastreams.size(); i += clients) {
			own.add(datastreams.get(i));
		}
		return own;
	}

	/** A plausible reading with two decimals. */
	static String value() {
		return Double.toString(ThreadLocalRandom.current().nextInt(-500, 5000) / 100.0);
	}

	private static byte[] bytes(StringBuilder body) {
		return body.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static Answer unexpected(HttpConnection.Response response, Outgoing sent) {
		return new Answer(0, 0, "POST " + sent.path() + " answered " + response.status() + ": " + response.text());
	}

	static int occurrences(byte[] text, byte[] needle) {
		int count = 0;
		outer: for (int i = 0; i <= text.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (text[i + j] != needle[j]) {
					continue outer;
				}
			}
			count++;
			i += needle.length - 1;
		}
		return count;
	}

	@Override
	public String title() {
		return title;
	}

	@Override
	public int clients() {
		return clientCount;
	}

	@Override
	public LoadTally tally() {
		return tally;
	}

	@Override
	public void start() {
		running = true;
		for (int c = 0; c < clientCount; c++) {
			Client client = clientFactory.apply(c);
			threads.add(Thread.ofPlatform().name("ingest-http-" + c).daemon().start(() -> {
				try (HttpConnection connection = new HttpConnection(base)) {
					run(client, connection);
				}
			}));
		}
	}

	private void run(Client client, HttpConnection connection) {
		LoadTally.ClientLatencies latencies = tally.client();
		while (running) {
			Outgoing outgoing = client.next();
			int round = tally.round();
			long begin = System.nanoTime();
			tally.sent(outgoing.observations());
			while (running) {
				HttpConnection.Response response;
				try {
					response = connection.post(outgoing.path(), outgoing.body());
				}
				catch (IOException e) {
					tally.error("POST " + outgoing.path() + " failed: " + e);
					pause(100);
					break;
				}
				if (response.status() == 503) {
					tally.busy();
					pause(1000 * response.retryAfterSeconds());
					continue;
				}
				long end = System.nanoTime();
				Answer answer = client.read(response, outgoing);
				if (answer.error() != null) {
					tally.error(answer.error());
					pause(100);
				}
				else {
					tally.acknowledged(answer.stored(), answer.refused());
					latencies.record(round, begin, end);
				}
				break;
			}
		}
	}

	/** Sleeps, but no longer than the load runs. */
	private void pause(long millis) {
		long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
		try {
			while (running && System.nanoTime() < until) {
				Thread.sleep(Math.min(50, Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime()))));
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop() throws InterruptedException {
		running = false;
		for (Thread thread : threads) {
			if (!thread.join(Duration.ofSeconds(90))) {
				throw new IllegalStateException(thread.getName() + " still waits for an answer after 90 s");
			}
		}
		threads.clear();
	}

}
