package org.cabildo.governance.objections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cabildo.governance.Register;
import org.cabildo.governance.Stage;
import org.cabildo.governance.objections.TestCity.Office;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.People;
import org.cabildo.identity.Tokens;
import org.cabildo.support.Api;
import org.cabildo.support.MovableClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Each organisation's median time from filing to first answer, as the public reads it. */
@MovingTime
class AnswerTimesTest {

	@LocalServerPort
	int port;

	@Autowired
	Organisations organisations;

	@Autowired
	People people;

	@Autowired
	Tokens tokens;

	@Autowired
	Register register;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Test
	@DisplayName("the median counts first answers only, and the open ones are counted apart")
	void median() {
		TestCity city = new TestCity(port, organisations, people, tokens, register, jdbc);
		Office office = city.office();
		long datastream = city.datastream(office);
		city.declare(datastream, Stage.CITY, null);
		List<Long> filed = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			filed.add(city.file(office, datastream, "question " + i));
		}
		// answers after 1, 3, 8 and 20 hours; the fifth stays open; the second gets a later outcome too
		int[] hours = { 1, 2, 5, 12 };
		String path = "/api/register/" + datastream + "/objections/";
		for (int i = 0; i < hours.length; i++) {
			clock.advance(Duration.ofHours(hours[i]));
			assertThat(office.steward().post(path + filed.get(i) + "/answer", Map.of("outcome", "answered", "text",
					"answer " + i)).status()).isEqualTo(200);
		}
		clock.advance(Duration.ofHours(30));
		assertThat(office.steward().post(path + filed.get(1) + "/answer", Map.of("outcome", "dismissed", "text",
				"no")).status()).isEqualTo(200);

		List<Long> waits = new ArrayList<>();
		for (JsonNode objection : office.anonymous().get(path.substring(0, path.length() - 1)).json()) {
			if (objection.get("firstAnsweredAt").isString()) {
				waits.add(Duration.between(Instant.parse(objection.get("filedAt").asString()),
						Instant.parse(objection.get("firstAnsweredAt").asString())).toSeconds());
			}
		}
		waits.sort(null);
		long expected = (waits.get(1) + waits.get(2)) / 2;
		assertThat(expected).isBetween(Duration.ofHours(5).toSeconds(), Duration.ofHours(6).toSeconds());

		JsonNode times = office.anonymous().get("/api/objections/answer-times").json();
		JsonNode mine = null;
		for (JsonNode each : times) {
			if (each.get("organisationId").asLong() == office.organisation().id()) {
				mine = each;
			}
		}
		assertThat(mine).as("%s", times).isNotNull();
		assertThat(mine.get("organisation").asString()).isEqualTo(office.organisation().name());
		assertThat(mine.get("answered").asInt()).isEqualTo(4);
		assertThat(mine.get("open").asInt()).isEqualTo(1);
		assertThat(mine.get("medianSeconds").asLong()).isEqualTo(expected);
		assertThat(Duration.parse(mine.get("median").asString()).toSeconds()).isEqualTo(expected);
	}

	@Test
	@DisplayName("an odd count takes the middle wait; none answered yet gives no median")
	void oddAndNone() {
		AnswerTime odd = AnswerTime.of(1, "x", List.of(Duration.ofHours(9), Duration.ofHours(1), Duration.ofHours(4)),
				2);
		assertThat(odd.medianSeconds()).isEqualTo(Duration.ofHours(4).toSeconds());
		assertThat(odd.median()).isEqualTo("PT4H");
		assertThat(AnswerTime.of(1, "x", List.of(), 3).medianSeconds()).isNull();
		Api.Response times = Api.anonymous(port).get("/api/objections/answer-times");
		assertThat(times.status()).isEqualTo(200);
	}

}
