package org.cabildo.sensing.mqtt;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * A device that speaks MQTT 3.1.1 or 5 byte by byte over a plain socket, so that a test controls
 * exactly what is sent (many publishes without waiting for their PUBACKs, a publish sent again)
 * and sees the answers exactly in the order they come. Writing and reading may happen on two
 * threads; each on one only.
 */
final class RawMqtt implements AutoCloseable {

	static final int PUBACK = 4;

	static final int PUBREC = 5;

	static final int PUBCOMP = 7;

	/** An answer to a publish: its type, packet identifier, and (MQTT 5) reason code and string. */
	record Answer(int type, int packetId, int reasonCode, String reason) {
	}

	private final Socket socket;

	private final int version;

	private final OutputStream out;

	private final DataInputStream in;

	private RawMqtt(Socket socket, int version) throws IOException {
		this.socket = socket;
		this.version = version;
		this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
		this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
	}

	/** Connects with a clean session; {@code version} 4 is MQTT 3.1.1, 5 is MQTT 5. */
	static RawMqtt connect(int port, int version) {
		return connect(port, version, null);
	}

	/** Connects with a clean session, signed in as a device (null: anonymous). */
	static RawMqtt connect(int port, int version, Devices.Credential device) {
		try {
			RawMqtt client = new RawMqtt(new Socket("127.0.0.1", port), version);
			client.socket.setSoTimeout((int) Duration.ofSeconds(60).toMillis());
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			string(body, "MQTT");
			body.write(version);
			body.write(device == null ? 0x02 : 0xC2);
			body.write(0);
			body.write(60);
			if (version == 5) {
				body.write(0);
			}
			string(body, "raw-" + UUID.randomUUID());
			if (device != null) {
				string(body, device.name());
				string(body, device.secret());
			}
			client.packet(0x10, body.toByteArray());
			client.out.flush();
			int type = client.in.readUnsignedByte() >> 4;
			byte[] connack = client.body();
			if (type != 2 || connack[1] != 0) {
				throw new IllegalStateException("not connected: packet type " + type + ", reason " + connack[1]);
			}
			return client;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Writes a publish into the send buffer; {@link #flush()} sends what is buffered. */
	void publish(String topic, int qos, int packetId, String payload) {
		publish(topic, qos, packetId, payload, false);
	}

	void publish(String topic, int qos, int packetId, String payload, boolean duplicate) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		string(body, topic);
		if (qos > 0) {
			body.write(packetId >> 8);
			body.write(packetId & 0xFF);
		}
		if (version == 5) {
			body.write(0);
		}
		body.writeBytes(payload.getBytes(StandardCharsets.UTF_8));
		packet(0x30 | qos << 1 | (duplicate ? 0x08 : 0), body.toByteArray());
	}

	/** Answers a PUBREC, so that the QoS 2 flow completes with a PUBCOMP. */
	void pubrel(int packetId) {
		packet(0x62, new byte[] { (byte) (packetId >> 8), (byte) packetId });
	}

	void flush() {
		try {
			out.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The next answer to a publish (other packets are skipped); fails after a minute without. */
	Answer next() {
		try {
			while (true) {
				int type = in.readUnsignedByte() >> 4;
				byte[] body = body();
				if (type == PUBACK || type == PUBREC || type == PUBCOMP) {
					return answer(type, body);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Answer answer(int type, byte[] body) {
		int packetId = (body[0] & 0xFF) << 8 | body[1] & 0xFF;
		int reasonCode = body.length > 2 ? body[2] & 0xFF : 0;
		String reason = null;
		if (body.length > 3) {
			int[] at = { 3 };
			int end = varInt(body, at) + at[0];
			while (at[0] < end) {
				int property = body[at[0]++];
				int length = (body[at[0]] & 0xFF) << 8 | body[at[0] + 1] & 0xFF;
				String value = new String(body, at[0] + 2, length, StandardCharsets.UTF_8);
				at[0] += 2 + length;
				if (property == 0x1F) {
					reason = value;
				}
				else if (property == 0x26) {
					// A user property: a second string follows.
					int second = (body[at[0]] & 0xFF) << 8 | body[at[0] + 1] & 0xFF;
					at[0] += 2 + second;
				}
			}
		}
		return new Answer(type, packetId, reasonCode, reason);
	}

	@Override
	public void close() {
		try {
			packet(0xE0, new byte[0]);
			out.flush();
		}
		catch (UncheckedIOException | IOException e) {
			// Closed already.
		}
		try {
			socket.close();
		}
		catch (IOException e) {
			// Closed already.
		}
	}

	/** Whether the broker closed the connection (read returns end of stream) within a wait. */
	boolean isClosedBy(Duration wait) {
		try {
			socket.setSoTimeout((int) wait.toMillis());
			while (true) {
				in.readUnsignedByte();
				body();
			}
		}
		catch (IOException e) {
			return !(e instanceof java.net.SocketTimeoutException);
		}
	}

	private void packet(int header, byte[] body) {
		try {
			out.write(header);
			int length = body.length;
			do {
				int digit = length % 128;
				length /= 128;
				out.write(length > 0 ? digit | 0x80 : digit);
			}
			while (length > 0);
			out.write(body);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private byte[] body() throws IOException {
		int length = 0;
		int multiplier = 1;
		int digit;
		do {
			digit = in.readUnsignedByte();
			length += (digit & 0x7F) * multiplier;
			multiplier *= 128;
		}
		while ((digit & 0x80) != 0);
		byte[] body = new byte[length];
		in.readFully(body);
		return body;
	}

	private static int varInt(byte[] bytes, int[] at) {
		int value = 0;
		int multiplier = 1;
		int digit;
		do {
			digit = bytes[at[0]++] & 0xFF;
			value += (digit & 0x7F) * multiplier;
			multiplier *= 128;
		}
		while ((digit & 0x80) != 0);
		return value;
	}

	private static void string(ByteArrayOutputStream out, String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		out.write(bytes.length >> 8);
		out.write(bytes.length & 0xFF);
		out.writeBytes(bytes);
	}

}
