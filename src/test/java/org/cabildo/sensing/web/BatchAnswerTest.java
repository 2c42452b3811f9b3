package org.cabildo.sensing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.BiConsumer;

import org.cabildo.platform.PlatformSettings;
import org.cabildo.sensing.SensingSettings;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A sub-response of a {@code $batch} that fails while it is written stays within its own answer. */
class BatchAnswerTest {

	@Test
	void aSubResponseFailingWhileWrittenBecomesA500AndTheOthersAreStillAnswered() throws Exception {
		JsonBody failing = json -> {
			json.writeStartObject();
			json.writeStringProperty("name", "half of an answer");
			throw new IllegalStateException("the stored row could not be read");
		};
		JsonBody fine = json -> {
			json.writeStartObject();
			json.writeStringProperty("name", "whole");
			json.writeEndObject();
		};
		JsonBody unpaired = json -> {
			json.writeStartObject();
			json.writeStringProperty("name", "stored before it was checked: \ud800");
			json.writeEndObject();
		};
		Batch batch = new Batch(null, null, null, null, Clock.systemUTC()) {
			@Override
			void run(Call call, List<BatchRequest> requests, BiConsumer<BatchRequest, Reply> answer) {
				answer.accept(requests.get(0), Reply.json(HttpStatus.OK, failing));
				answer.accept(requests.get(1), Reply.json(HttpStatus.OK, unpaired));
				answer.accept(requests.get(2), Reply.json(HttpStatus.OK, fine));
			}
		};
		BatchController controller = new BatchController(batch,
				new RequestBodies(new SensingSettings(100, 10_000, 1 << 20, 10_000)), new PlatformSettings("", Path.of("."), 1 << 20));
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1.1/$batch");
		request.setContentType("application/json");
		request.setContent(("{\"requests\": [{\"id\": \"1\", \"method\": \"get\", \"url\": \"Things(1)\"},"
				+ " {\"id\": \"2\", \"method\": \"get\", \"url\": \"Things(2)\"},"
				+ " {\"id\": \"3\", \"method\": \"get\", \"url\": \"Things(3)\"}]}").getBytes(StandardCharsets.UTF_8));
		MockHttpServletResponse response = new MockHttpServletResponse();

		controller.run(request, response);

		JsonNode answer = JsonMapper.shared().readTree(response.getContentAsByteArray());
		JsonNode responses = answer.get("responses");
		assertThat(responses).hasSize(3);
		assertThat(responses.get(0).get("id").asString()).isEqualTo("1");
		assertThat(responses.get(0).get("status").asInt()).isEqualTo(500);
		assertThat(responses.get(0).get("body").get("detail").asString()).doesNotContain("stored row");
		assertThat(responses.get(1).get("status").asInt()).isEqualTo(200);
		assertThat(responses.get(1).get("body").get("name").asString()).isEqualTo("stored before it was checked: \uFFFD");
		assertThat(responses.get(2).get("status").asInt()).isEqualTo(200);
		assertThat(responses.get(2).get("body").get("name").asString()).isEqualTo("whole");
	}

}
