package org.cabildo.sensing.mqtt;

import org.cabildo.platform.JsonText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;

/**
 * What a device's publish is answered, whichever way it was taken ({@link ConnectionIntake},
 * {@link PublishIntake}): the reason code of its PUBACK, and the reason string of an error.
 * <p>
 * A refused publish gets its reason in the PUBACK of an MQTT 5 client. An MQTT 3 PUBACK has no
 * room for one, and disconnecting would only make the device send it again, so an MQTT 3 client
 * gets a plain PUBACK and the reason goes to the log. A publish that failed for now (the
 * database does not keep up, or failed) is not acknowledged as stored: MQTT 5 clients get an
 * error code, MQTT 3 clients are to be disconnected (an error here), and send it again when
 * they reconnect. A QoS 0 publish has no answer: one that failed is dropped, and logged.
 * <p>
 * A reason may quote what the device sent (a member name in a JSON pointer, a token), so it is
 * made {@link #sayable} first: a reason string that is not a valid MQTT string makes the client
 * drop the connection, and with it the answer.
 *
 * @param reason the reason string, or null
 */
record Answer(AckReasonCode code, String reason) {

	private static final Logger log = LoggerFactory.getLogger(Answer.class);

	/** The longest reason told, in chars: an MQTT string holds at most 65,535 bytes, and a reason needs far fewer. */
	static final int REASON_LENGTH = 1_000;

	Answer {
		reason = reason == null ? null : sayable(reason);
	}

	static final Answer SUCCESS = new Answer(AckReasonCode.SUCCESS, null);

	/** Whether the publish is not acknowledged as taken: an MQTT 3 client is disconnected instead. */
	boolean isError() {
		return code != AckReasonCode.SUCCESS;
	}

	static Answer notAuthorised(DeviceAccess.Device device, String topic, boolean mqtt5) {
		log.info("Refused a publish of client {} on {}: not authorised", device.clientId(), topic);
		return mqtt5 ? new Answer(AckReasonCode.NOT_AUTHORIZED, "not authorised to publish on " + topic) : SUCCESS;
	}

	/**
	 * @param untilStored whether the publish was QoS 1 or 2 (and the device waits for this
	 * answer), not QoS 0
	 */
	static Answer to(Receipt receipt, DeviceAccess.Device device, String topic, boolean untilStored, boolean mqtt5) {
		return switch (receipt) {
			case Receipt.Stored stored -> SUCCESS;
			case Receipt.Queued queued -> SUCCESS;
			// Taken, not stored: an MQTT 5 device reads why in the acknowledgement's reason string.
			case Receipt.Folded folded -> mqtt5 ? new Answer(AckReasonCode.SUCCESS, folded.note()) : SUCCESS;
			case Receipt.Refused refused -> {
				log.info("Refused a publish of client {} on {}: {}", device.clientId(), topic, refused.reason());
				yield mqtt5 ? new Answer(reasonCode(refused.fault()), refused.reason()) : SUCCESS;
			}
			case Receipt.Failed failed -> {
				if (!untilStored) {
					log.warn("Dropped an Observation of client {} published with QoS 0 on {}: {}", device.clientId(),
							topic, failed.reason());
					yield SUCCESS;
				}
				yield new Answer(failed.busy() ? AckReasonCode.QUOTA_EXCEEDED : AckReasonCode.UNSPECIFIED_ERROR,
						failed.reason());
			}
		};
	}

	/**
	 * A reason as an MQTT 5 string may carry it: U+0000 (which it must not hold) and the other
	 * control characters (which it should not) escaped as in JSON, half a surrogate pair as U+FFFD,
	 * and cut to {@link #REASON_LENGTH} chars.
	 */
	static String sayable(String reason) {
		StringBuilder out = new StringBuilder();
		JsonText.repaired(reason)
			.codePoints()
			.forEach(c -> out.append(Character.isISOControl(c) ? String.format("\\u%04X", c) : Character.toString(c)));
		if (out.length() <= REASON_LENGTH) {
			return out.toString();
		}
		int cut = Character.isHighSurrogate(out.charAt(REASON_LENGTH - 2)) ? REASON_LENGTH - 2 : REASON_LENGTH - 1;
		return out.substring(0, cut) + '\u2026';
	}

	private static AckReasonCode reasonCode(Receipt.Fault fault) {
		return switch (fault) {
			case TOPIC -> AckReasonCode.TOPIC_NAME_INVALID;
			case PAYLOAD -> AckReasonCode.PAYLOAD_FORMAT_INVALID;
			case CONTENT -> AckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR;
			case NOT_AUTHORISED -> AckReasonCode.NOT_AUTHORIZED;
		};
	}

}
