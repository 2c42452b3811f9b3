package org.cabildo.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** {@code curl -F mapping=@mapping.yaml -F files=@...}: an import's multipart upload, as a client sends it. */
public final class MultipartUpload {

	private MultipartUpload() {
	}

	/** @param authorization the Authorization header's value, or null to send none */
	public static Api.Response imports(int port, String authorization, String mapping, Map<String, byte[]> files) {
		String boundary = "cabildo-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		part(body, boundary, "mapping", "mapping.yaml", mapping.getBytes(StandardCharsets.UTF_8));
		files.forEach((name, bytes) -> part(body, boundary, "files", name, bytes));
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/imports"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
					HttpResponse.BodyHandlers.ofString());
			return new Api.Response(response.statusCode(), response.body(), response.headers().map());
		}
		catch (IOException e) {
			throw new IllegalStateException("the upload failed", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static void part(ByteArrayOutputStream body, String boundary, String name, String file, byte[] bytes) {
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + file
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(bytes);
		body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
	}

}
