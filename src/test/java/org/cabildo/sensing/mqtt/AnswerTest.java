package org.cabildo.sensing.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;

class AnswerTest {

	@Test
	void aReasonHoldsNoNulNorControlCharacterNorHalfASurrogatePair() {
		Answer answer = new Answer(AckReasonCode.PAYLOAD_FORMAT_INVALID, "at /a\u0000b/\u001f/\ud800/\ud83d\ude00");

		assertThat(answer.reason()).isEqualTo("at /a\\u0000b/\\u001F/\uFFFD/\ud83d\ude00");
	}

	@Test
	void aLongReasonIsCutWithoutSplittingACharacter() {
		String reason = "x".repeat(Answer.REASON_LENGTH - 2) + "\ud83d\ude00" + "y".repeat(10);

		String told = new Answer(AckReasonCode.PAYLOAD_FORMAT_INVALID, reason).reason();

		assertThat(told).hasSizeLessThanOrEqualTo(Answer.REASON_LENGTH).endsWith("x\u2026");
		assertThat(new Answer(AckReasonCode.PAYLOAD_FORMAT_INVALID, "x".repeat(Answer.REASON_LENGTH)).reason())
			.hasSize(Answer.REASON_LENGTH);
	}

}
