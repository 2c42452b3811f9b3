package org.cabildo.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection that POSTs and reads the answer, blocking, as a simple
 * device would. The load generators use it rather than java.net.http.HttpClient because they
 * share the machine with the server: on the benchmark's 2 cores the JDK client took about
 * 160 µs of CPU per request against 18 µs for this (measured against a server that only
 * answers 201), which at 4,000 requests a second is most of a core taken from the server.
 * It reads answers with a Content-Length, chunked answers and answers ended by closing the
 * connection; a connection the server closes (after {@code Connection: close}, or Tomcat's
 * limit of requests per connection) is opened again for the next request.
 */
final class HttpConnection implements AutoCloseable {

	private final String host;

	private final int port;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	private final StringBuilder line = new StringBuilder(128);

	HttpConnection(URI base) {
		this.host = base.getHost();
		this.port = base.getPort();
	}

	/** An answer: the status, the headers the benchmark needs, and the body. */
	record Response(int status, long retryAfterSeconds, byte[] body) {

		String text() {
			String text = new String(body, StandardCharsets.UTF_8);
			return text.length() > 200 ? text.substring(0, 200) + "..." : text;
		}

	}

	/** POSTs a JSON body; on an I/O failure the connection is closed (and opened again by the next request). */
	Response post(String path, byte[] body) throws IOException {
		try {
			if (socket == null) {
				socket = new Socket(host, port);
				socket.setTcpNoDelay(true);
				in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
				out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
			}
			String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
					+ "\r\nAuthorization: " + org.cabildo.support.Api.bearer(org.cabildo.support.Api.TEST_TOKEN)
					+ "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			return read();
		}
		catch (IOException | RuntimeException e) {
			close();
			throw e;
		}
	}

	private Response read() throws IOException {
		String statusLine = readLine();
		if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
			throw new IOException("not an HTTP answer: " + statusLine);
		}
		int status = Integer.parseInt(statusLine.substring(9, 12));
		long length = -1;
		boolean chunked = false;
		boolean closing = false;
		long retryAfter = 1;
		for (String header = readLine(); !header.isEmpty(); header = readLine()) {
			int colon = header.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String name = header.substring(0, colon).trim().toLowerCase();
			String value = header.substring(colon + 1).trim();
			switch (name) {
				case "content-length" -> length = Long.parseLong(value);
				case "transfer-encoding" -> chunked = value.toLowerCase().contains("chunked");
				case "connection" -> closing = value.equalsIgnoreCase("close");
				case "retry-after" -> retryAfter = parseSeconds(value);
				default -> {
				}
			}
		}
		byte[] body;
		if (chunked) {
			body = readChunks();
		}
		else if (length >= 0) {
			body = in.readNBytes(Math.toIntExact(length));
			if (body.length < length) {
				throw new EOFException("the answer ended after " + body.length + " of " + length + " bytes");
			}
		}
		else if (status == 204 || status == 304 || status < 200) {
			body = new byte[0];
		}
		else {
			body = in.readAllBytes();
			closing = true;
		}
		if (closing) {
			close();
		}
		return new Response(status, retryAfter, body);
	}

	private byte[] readChunks() throws IOException {
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(4096);
		while (true) {
			String size = readLine();
			int extension = size.indexOf(';');
			int bytes = Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
			if (bytes == 0) {
				while (!readLine().isEmpty()) {
					// trailers
				}
				return body.toByteArray();
			}
			byte[] chunk = in.readNBytes(bytes);
			if (chunk.length < bytes) {
				throw new EOFException("a chunk ended early");
			}
			body.write(chunk);
			readLine();
		}
	}

	private String readLine() throws IOException {
		line.setLength(0);
		for (int c = in.read(); c != '\n'; c = in.read()) {
			if (c < 0) {
				throw new EOFException("the server closed the connection");
			}
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	private static long parseSeconds(String value) {
		try {
			return Math.max(0, Long.parseLong(value));
		}
		catch (NumberFormatException e) {
			return 1;
		}
	}

	@Override
	public void close() {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ignored) {
				// closing anyway
			}
		}
		socket = null;
		in = null;
		out = null;
	}

}
