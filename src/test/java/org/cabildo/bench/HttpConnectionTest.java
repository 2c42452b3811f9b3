package org.cabildo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class HttpConnectionTest {

	/** Answers each request on a connection with the next of {@code answers}; a new connection starts over. */
	private static Thread serve(ServerSocket server, List<String> answers, AtomicInteger connections) {
		return Thread.ofPlatform().daemon().start(() -> {
			while (!server.isClosed()) {
				try (Socket socket = server.accept()) {
					connections.incrementAndGet();
					BufferedReader in = new BufferedReader(
							new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
					OutputStream out = socket.getOutputStream();
					for (String answer : answers) {
						int length = 0;
						for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
							if (line.toLowerCase().startsWith("content-length:")) {
								length = Integer.parseInt(line.substring(15).trim());
							}
						}
						in.skip(length);
						out.write(answer.getBytes(StandardCharsets.US_ASCII));
						out.flush();
					}
				}
				catch (Exception closed) {
					// the test is over
				}
			}
		});
	}

	@Test
	void readsLengthChunkedAndClosingAnswersOnOneConnectionAsLongAsItLasts() throws Exception {
		List<String> answers = List.of(
				"HTTP/1.1 201 \r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n[]",
				"HTTP/1.1 201 \r\nTransfer-Encoding: chunked\r\n\r\n3\r\n[\"a\r\n2\r\n\"]\r\n0\r\n\r\n",
				"HTTP/1.1 503 \r\nRetry-After: 3\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
		AtomicInteger connections = new AtomicInteger();
		try (ServerSocket server = new ServerSocket(0); HttpConnection connection = new HttpConnection(
				URI.create("http://127.0.0.1:" + server.getLocalPort()))) {
			serve(server, answers, connections);
			byte[] body = "{}".getBytes(StandardCharsets.US_ASCII);
			HttpConnection.Response first = connection.post("/v1.1/CreateObservations", body);
			assertThat(first.status()).isEqualTo(201);
			assertThat(first.text()).isEqualTo("[]");
			assertThat(connection.post("/v1.1/CreateObservations", body).text()).isEqualTo("[\"a\"]");
			HttpConnection.Response busy = connection.post("/v1.1/CreateObservations", body);
			assertThat(busy.status()).isEqualTo(503);
			assertThat(busy.retryAfterSeconds()).isEqualTo(3);
			assertThat(connection.post("/v1.1/CreateObservations", body).status()).isEqualTo(201);
			assertThat(connections).hasValue(2);
		}
	}

}
