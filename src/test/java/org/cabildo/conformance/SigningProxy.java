package org.cabildo.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A test-only way in for a client that sends no credentials (the OGC conformance suite): a
 * proxy on 127.0.0.1 that passes every request on to the server with one account's bearer
 * token added. The server itself is configured as for production; only what the suite sends
 * through this proxy is signed, and only inside the test.
 */
final class SigningProxy implements AutoCloseable {

	/** Hop-by-hop headers and those the HTTP client sets itself. */
	private static final Set<String> NOT_PASSED = Set.of("host", "connection", "content-length", "transfer-encoding",
			"upgrade", "expect", "keep-alive", "authorization", "te", "trailer", "proxy-connection");

	private final HttpServer server;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final URI target;

	private final String authorization;

	SigningProxy(int port, URI target, String bearerToken) throws IOException {
		this.target = target;
		this.authorization = "Bearer " + bearerToken;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/", this::pass);
		server.start();
	}

	private void pass(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
				.timeout(Duration.ofMinutes(2))
				.method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofByteArray(body))
				.header("Authorization", authorization);
			exchange.getRequestHeaders().forEach((name, values) -> {
				if (!NOT_PASSED.contains(name.toLowerCase(Locale.ROOT))) {
					values.forEach(value -> request.header(name, value));
				}
			});
			HttpResponse<byte[]> response;
			try {
				response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				exchange.sendResponseHeaders(502, -1);
				return;
			}
			for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
				String name = header.getKey().toLowerCase(Locale.ROOT);
				if (!NOT_PASSED.contains(name) && !name.startsWith(":")) {
					exchange.getResponseHeaders().put(header.getKey(), header.getValue());
				}
			}
			byte[] answer = response.body();
			boolean noBody = answer.length == 0 || exchange.getRequestMethod().equals("HEAD");
			exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : answer.length);
			if (!noBody) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(answer);
				}
			}
		}
	}

	@Override
	public void close() {
		server.stop(0);
		client.close();
	}

}
